package dk.fbs.oir.bench;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.routing.Route;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same work without the engine: each claim is inserted into a plain table, sent to its debtor
 * system through the application's own CXF client ({@link OirGateway}) and marked submitted, by a
 * fixed number of threads. What the engine adds on top of this is its price.
 */
final class Baseline {

    private final OirGateway oir;
    private final JdbcTemplate jdbc;
    private final Map<String, Route> routes;

    Baseline(ApplicationContext app, JdbcTemplate jdbc, Map<String, Route> routes) {
        this.oir = app.getBean(OirGateway.class);
        this.jdbc = jdbc;
        this.routes = routes;
    }

    static void createTable(JdbcTemplate jdbc) {
        jdbc.execute("""
        create table if not exists bench_claim (
          id                varchar(64) primary key,
          municipality_code varchar(3)  not null,
          debtor_cpr        varchar(10) not null,
          debtor_name       varchar(200) not null,
          amount_ore        bigint      not null,
          description       varchar(500) not null,
          occurred_on       date        not null,
          status            varchar(20) not null,
          claim_id          varchar(40),
          created_at        timestamp with time zone not null,
          updated_at        timestamp with time zone not null)""");
    }

    /** Inserts and submits claims {@code 0..n-1}; fails if any could not be submitted. */
    void run(String prefix, int n, int threads, List<String> municipalities) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < n && failure.get() == null) {
                            try {
                                submit(prefix, i, municipalities.get(i % municipalities.size()));
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                    },
                    "bench-baseline-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void submit(String prefix, int i, String municipality) {
        String id = "BENCH-" + prefix + "-" + i;
        String cpr = ChargeLoad.cpr(i);
        long amountOre = ChargeLoad.amountOre(i);
        LocalDate occurredOn = LocalDate.now().minusDays(1);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update(
                "insert into bench_claim (id, municipality_code, debtor_cpr, debtor_name, amount_ore, description,"
                        + " occurred_on, status, created_at, updated_at) values (?,?,?,?,?,?,?,'RECEIVED',?,?)",
                id,
                municipality,
                cpr,
                "Benchmark Borger " + i,
                amountOre,
                "Overskredet lånetid",
                occurredOn,
                now,
                now);
        Route route = routes.get(municipality);
        if (route == Route.FBS_INTERNAL) {
            jdbc.update(
                    "update bench_claim set status = 'HANDLED_IN_FBS', updated_at = ? where id = ?",
                    OffsetDateTime.now(),
                    id);
            return;
        }
        ClaimState claim = oir.submitClaim(
                DebtorSystem.valueOf(route.name()),
                new ClaimSubmission(
                        municipality,
                        id,
                        cpr,
                        "Benchmark Borger " + i,
                        ClaimSubmission.ClaimKind.GEBYR,
                        Money.ofOre(amountOre),
                        "Overskredet lånetid",
                        occurredOn,
                        "870970-basis:" + i,
                        "Hovedbiblioteket",
                        DunningMode.FBS_LED),
                IdempotencyRef.submission(id, 1));
        jdbc.update(
                "update bench_claim set status = 'SUBMITTED', claim_id = ?, updated_at = ? where id = ?",
                claim.claimId(),
                OffsetDateTime.now(),
                id);
    }
}
