package dk.fbs.oir.sync;

import dk.fbs.oir.charge.ChargeLedger.ClaimRecorded;
import dk.fbs.oir.charge.ChargeUpdates;
import dk.fbs.oir.charge.ChargeUpdates.Outcome;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events that arrived before their charge's submission committed (a debtor system publishes
 * "claim created" the moment it has created it, while our job is still waiting for its answer):
 * kept whole in {@code debtor_event} with the outcome NOT_YET, and applied, oldest first, as soon as
 * the charge has its claim number. Only that charge's events wait; every other event goes on.
 *
 * <p>Two triggers make sure none waits longer than needed, whichever transaction commits last: the
 * charge's submission ({@link ClaimRecorded}) and the event's own recording
 * ({@link #recheckAfterCommit}); each looks after its own commit. The pull looks once more
 * ({@link #applyWaiting(DebtorSystem, String)}), e.g. after a crash between the two.
 */
@Service
public class WaitingEvents {

    private static final Logger log = LoggerFactory.getLogger(WaitingEvents.class);
    private static final int ATTEMPTS = 3;

    private final ChargeUpdates updates;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "waiting-events");
        thread.setDaemon(true);
        return thread;
    });

    WaitingEvents(ChargeUpdates updates, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.updates = updates;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A charge got its claim number: its waiting events, once that has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    public void claimRecorded(ClaimRecorded recorded) {
        later(recorded.fbsChargeId(), 1);
    }

    /** An event was recorded as waiting: look again once that has committed (the submission may have committed meanwhile). */
    void recheckAfterCommit(String fbsChargeId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            later(fbsChargeId, 1);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                later(fbsChargeId, 1);
            }
        });
    }

    /** The waiting events of a municipality whose charges have been submitted since; returns those applied. */
    int applyWaiting(DebtorSystem system, String municipalityCode) {
        List<String> charges = jdbc.queryForList(
                "select distinct e.fbs_charge_id from debtor_event e"
                        + " join charge c on c.fbs_charge_id = e.fbs_charge_id"
                        + " where e.debtor_system = ? and e.municipality_code = ? and e.outcome = 'NOT_YET'"
                        + " and c.debtor_system_claim_id is not null",
                String.class,
                system.name(),
                municipalityCode);
        return charges.stream().mapToInt(this::applyWaiting).sum();
    }

    /** Applies a charge's waiting events, oldest first, until one must still wait; returns those applied. */
    int applyWaiting(String fbsChargeId) {
        int applied = 0;
        List<Waiting> events = jdbc.query(
                "select * from debtor_event where fbs_charge_id = ? and outcome = 'NOT_YET'" + " order by seq",
                WaitingEvents::waiting,
                fbsChargeId);
        for (Waiting event : events) {
            Outcome outcome = tx.execute(status -> {
                // taken by the one who changes its outcome first: a concurrent trigger finds nothing left
                if (jdbc.update(
                                "update debtor_event set outcome = 'APPLIED' where debtor_system = ? and seq = ?"
                                        + " and outcome = 'NOT_YET'",
                                event.system().name(),
                                event.event().seq())
                        == 0) {
                    return Outcome.IGNORED;
                }
                Outcome result = updates.apply(event.event());
                if (result == Outcome.NOT_YET) {
                    status.setRollbackOnly();
                } else if (result != Outcome.APPLIED) {
                    jdbc.update(
                            "update debtor_event set outcome = ? where debtor_system = ? and seq = ?",
                            result.name(),
                            event.system().name(),
                            event.event().seq());
                }
                return result;
            });
            if (outcome == Outcome.NOT_YET) {
                return applied;
            }
            if (outcome == Outcome.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    private void later(String fbsChargeId, int attempt) {
        if (fbsChargeId == null) {
            return;
        }
        executor.schedule(
                () -> {
                    try {
                        applyWaiting(fbsChargeId);
                    } catch (RuntimeException e) { // e.g. the process was busy (optimistic locking): try again shortly
                        if (attempt < ATTEMPTS) {
                            later(fbsChargeId, attempt + 1);
                        } else {
                            log.warn(
                                    "Waiting events of a charge not applied ({}); the next pull applies them",
                                    e.getMessage());
                        }
                    }
                },
                attempt == 1 ? 0 : 500L * attempt,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    private record Waiting(DebtorSystem system, DebtorEvent event) {}

    private static Waiting waiting(ResultSet rs, int i) throws SQLException {
        Long amount = rs.getObject("amount_ore", Long.class);
        return new Waiting(
                DebtorSystem.valueOf(rs.getString("debtor_system")),
                new DebtorEvent(
                        rs.getLong("seq"),
                        EventKind.ofOirName(rs.getString("kind")),
                        rs.getString("claim_id"),
                        rs.getString("fbs_charge_id"),
                        rs.getString("municipality_code"),
                        amount == null ? null : Money.ofOre(amount),
                        Money.ofOre(rs.getLong("balance_ore")),
                        ClaimStatus.ofOirName(rs.getString("claim_state")),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getObject("last_pay_date", LocalDate.class),
                        rs.getObject("reminder_no", Integer.class),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("note")));
    }
}
