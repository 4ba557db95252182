package dk.fbs.oir.bench;

import dk.fbs.oir.Application;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.RoutingService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The performance benchmark of issues 8 and 20 (not a test; see bench/README.md). Starts the
 * application in this JVM against a fresh PostgreSQL database, with the debtor systems (the
 * simulator, in a JVM of its own) answering every SOAP call after a realistic delay; posts N charges
 * through the REST API with C concurrent clients (one per request, or in batches), waits until
 * every charge is SUBMITTED to its debtor system, and then does the same with the peer: the same
 * job written without the engine ({@code dk.fbs.oir.bench.peer}), behind the same REST contract.
 * Prints per phase intake rate, REST latency, end-to-end time, CPU by process, database rows and
 * bytes per charge, peak heap; what stays in the engine's runtime tables; and the ratio engine time
 * / peer time.
 */
public final class ChargeBenchmark {

    private final BenchOptions options;
    private final PrintStream out;
    private final Report report;

    private ConfigurableApplicationContext app;
    private SimulatorProcess simulator;
    private JdbcTemplate jdbc;
    private JdbcTemplate simulatorJdbc;
    private URI baseUri;
    private String authorization;
    private ChargeLoad load;
    private List<String> municipalities;
    private Map<String, Route> routes;
    private final HeapSampler heap = new HeapSampler();

    /** What a phase posts to and where it keeps its charges (both tables have fbs_charge_id and status). */
    private record Target(String name, String single, String batch, String table, String warmupPrefix, String prefix) {}

    private static final Target ENGINE =
            new Target("engine", "/api/v1/charges", "/api/v1/charge-batches", "charge", "W", "E");
    private static final Target PEER =
            new Target("peer", "/bench/peer/charges", "/bench/peer/charge-batches", "bench_peer_charge", "PW", "P");

    private ChargeBenchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.report = new Report(out);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int status = 0;
        try {
            new ChargeBenchmark(options, System.out).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        String database = BenchDatabases.newName();
        BenchDatabases.dropLeftovers();
        BenchDatabases.createDatabase(database);
        BenchDatabases.createDatabase(database + "_sim");
        try {
            report.header(options, database);
            simulator = SimulatorProcess.start(BenchDatabases.SERVER + database + "_sim", options.answerDelay());
            start(database);
            simulator.awaitReady(Duration.ofMinutes(5));
            simulatorJdbc = new JdbcTemplate(
                    new DriverManagerDataSource(BenchDatabases.SERVER + database + "_sim", "postgres", ""));
            classifyMunicipalities();
            for (Target target : targets()) {
                new ContractCheck(load, authorization)
                        .check(
                                target.name(),
                                baseUri.resolve(target.single()),
                                baseUri.resolve(target.batch()),
                                "C" + target.prefix());
            }
            report.setting("contract", "checked: 401, 202, 200, 409, 400 and a batch, as FBS' contract says");
            warmUp();
            if (options.engine()) {
                phase(ENGINE);
            }
            if (options.peer()) {
                phase(PEER);
            }
            report.summary();
        } finally {
            if (app != null) {
                app.close();
            }
            if (simulator != null) {
                simulator.close();
            }
            if (!options.keepDatabase()) {
                BenchDatabases.dropDatabase(database);
                BenchDatabases.dropDatabase(database + "_sim");
            }
        }
    }

    // ---------------------------------------------------------------- set-up

    private void start(String database) {
        Map<String, String> props = new LinkedHashMap<>();
        // production-like: no simulator, no demo; the debtor systems are the simulator's process
        props.put("spring.profiles.active", "bench");
        props.put("spring.datasource.url", BenchDatabases.SERVER + database);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("server.port", "0");
        props.put("security.clients[0].username", "bench");
        props.put(
                "security.clients[0].password",
                options.bcrypt() ? "{bcrypt}" + new BCryptPasswordEncoder().encode("bench") : "{noop}bench");
        props.put("security.clients[0].roles[0]", "FBS");
        props.put("bench.peer.threads", Integer.toString(options.peerThreads()));
        for (DebtorSystem system : DebtorSystem.values()) {
            props.put("oir.endpoints." + system.slug() + ".url", simulator.url(system.slug()));
        }
        props.put("logging.file.name", "target/bench/app.log");
        props.put("logging.threshold.console", "WARN");
        for (String arg : options.springArgs()) {
            String kv = arg.substring(2);
            int eq = kv.indexOf('=');
            props.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        long t0 = System.nanoTime();
        app = new SpringApplicationBuilder(Application.class).run(args);
        out.printf(Locale.ROOT, "application started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        String port = app.getEnvironment().getRequiredProperty("local.server.port");
        baseUri = URI.create("http://localhost:" + port);
        authorization = "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));
        report.setting("history level", app.getEnvironment().getProperty("camunda.bpm.history-level"));
        report.setting(
                "job executor",
                "core " + app.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size")
                        + ", max " + app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size")
                        + ", queue " + app.getEnvironment().getProperty("camunda.bpm.job-execution.queue-capacity")
                        + ", per acquisition "
                        + app.getEnvironment().getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition"));
        report.setting("hikari pool", app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"));
    }

    /** Every municipality of the register, routed as a charge of yesterday would be. */
    private void classifyMunicipalities() throws IOException {
        RoutingService routing = app.getBean(RoutingService.class);
        routes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/routing/municipalities.csv"))) {
            String code = line.split(";")[0];
            if (code.matches("\\d{3}")) {
                routes.put(code, routing.route(code, ChargeLoad.OCCURRED_ON));
            }
        }
        municipalities = routes.entrySet().stream()
                .filter(e -> options.allMunicipalities() || e.getValue() != Route.FBS_INTERNAL)
                .map(Map.Entry::getKey)
                .toList();
        long live =
                routes.values().stream().filter(r -> r != Route.FBS_INTERNAL).count();
        report.setting(
                "municipalities",
                routes.size() + " in the register, " + live + " live, "
                        + (routes.size() - live)
                        + " not enrolled (FBS_INTERNAL: no SOAP call, status HANDLED_IN_FBS); charges spread over "
                        + municipalities.size());
        load = new ChargeLoad(authorization, options.clients(), municipalities);
    }

    /** The JIT compiles the hot paths before anything is measured. */
    private void warmUp() throws Exception {
        if (options.warmup() <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        for (Target target : targets()) {
            ChargeLoad.Intake intake = post(target, target.warmupPrefix(), options.warmup(), 0);
            awaitDone(target, target.warmupPrefix(), options.warmup(), Instant.now());
            if (intake.errors.get() > 0) {
                throw new IllegalStateException(
                        "Warm-up: " + intake.errors + " failed posts, e.g. " + intake.firstError);
            }
        }
        awaitIdleJobs();
        out.printf(Locale.ROOT, "warm-up: %d charges in %.1f s%n", options.warmup(), (System.nanoTime() - t0) / 1e9);
    }

    private List<Target> targets() {
        return (options.engine() ? options.peer() ? List.of(ENGINE, PEER) : List.of(ENGINE) : List.of(PEER));
    }

    private ChargeLoad.Intake post(Target target, String prefix, int n, double rate) throws InterruptedException {
        return load.post(
                baseUri.resolve(target.single()),
                options.batch() ? baseUri.resolve(target.batch()) : null,
                options.batchSize(),
                prefix,
                n,
                rate);
    }

    // ---------------------------------------------------------------- a phase: the engine or its peer

    private void phase(Target target) throws Exception {
        resetSimulator();
        DbStats idle = DbStats.measure(jdbc);
        GcStats gc0 = GcStats.now();
        CpuStats cpu0 = cpu();
        WalStats wal0 = WalStats.measure(jdbc);
        heap.start();
        Recording recording = options.jfr() ? startRecording() : null;
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        ChargeLoad.Intake intake = post(target, target.prefix(), options.n(), options.rate());
        double intakeSeconds = (intake.endNanos - t0) / 1e9;
        report.intake(target.name(), options.n(), intakeSeconds, intake);
        Instant lastDone = awaitDone(target, target.prefix(), options.n(), start);
        CpuStats cpu = cpu().minus(cpu0);
        WalStats wal = WalStats.measure(jdbc).minus(wal0);
        double seconds = Duration.between(start, lastDone).toNanos() / 1e9;
        awaitIdleJobs();
        long peak = heap.stop();
        if (recording != null) {
            Path file = Path.of("target/bench/" + target.name() + ".jfr");
            recording.dump(file);
            recording.close();
            out.println("profile:  " + file + " (bench/jfr-breakdown.py " + file + ")");
        }
        GcStats gc = GcStats.now().minus(gc0);
        report.phase(target.name(), seconds, options.n(), peak, gc);
        report.cpu(target.name(), cpu, options.n());
        report.wal(target.name(), wal, options.n());
        report.overTime(jdbc.queryForList(
                "with done as (select updated_at at from " + target.table() + " where fbs_charge_id like ?)"
                        + " select (extract(epoch from at - t0)::int / 30) * 30 from_s, count(*) / 30.0 per_s"
                        + " from done, (select min(at) t0 from done) first group by 1 order by 1",
                "BENCH-" + target.prefix() + "-%"));
        DbStats after = DbStats.measure(jdbc);
        report.database(target.name(), idle, after, options.n());
        if (target == ENGINE) {
            jdbc.execute("vacuum act_ru_job, act_ru_execution, act_ru_variable, act_ru_event_subscr, act_ru_meter_log");
            report.runtimeAfterVacuum(idle, DbStats.measure(jdbc), options.n());
        }
    }

    private CpuStats cpu() {
        return CpuStats.now(simulator.pid(), jdbc);
    }

    /**
     * A CPU profile of the engine phase only: JFR's "default" settings (its "profile" settings
     * doubled the application's CPU) with a CPU sample every 10 ms.
     */
    private static Recording startRecording() throws IOException, ParseException {
        var settings = new HashMap<>(Configuration.getConfiguration("default").getSettings());
        settings.put("jdk.ExecutionSample#period", "10 ms");
        Recording recording = new Recording(settings);
        recording.start();
        return recording;
    }

    private void resetSimulator() {
        simulatorJdbc.execute("truncate sim_claim, sim_request, sim_posting, sim_event");
        simulatorJdbc.execute("vacuum analyze");
        jdbc.execute("vacuum analyze");
    }

    /**
     * Waits until every charge of the prefix has left RECEIVED: SUBMITTED to its debtor system (or
     * HANDLED_IN_FBS for a municipality that is not live). Returns the moment the last one changed.
     */
    private Instant awaitDone(Target target, String prefix, int n, Instant start) throws InterruptedException {
        String like = "BENCH-" + prefix + "-%";
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long lastPrint = System.nanoTime();
        while (true) {
            Map<String, Object> counts = jdbc.queryForMap(
                    "select count(*) filter (where status = 'SUBMITTED') submitted,"
                            + " count(*) filter (where status = 'HANDLED_IN_FBS') internal,"
                            + " count(*) filter (where status not in ('RECEIVED', 'SUBMITTED', 'HANDLED_IN_FBS')) other,"
                            + " max(updated_at) filter (where status <> 'RECEIVED') last from " + target.table()
                            + " where fbs_charge_id like ?",
                    like);
            long submitted = ((Number) counts.get("submitted")).longValue();
            long internal = ((Number) counts.get("internal")).longValue();
            long other = ((Number) counts.get("other")).longValue();
            if (other > 0) {
                throw new IllegalStateException(
                        other + " charges neither SUBMITTED nor HANDLED_IN_FBS (rejected? incident?)");
            }
            if (submitted + internal == n) {
                if (!target.warmupPrefix().equals(prefix)) {
                    report.outcome(submitted, internal);
                }
                return ((Timestamp) counts.get("last")).toInstant();
            }
            if (System.nanoTime() > deadline) {
                Long incidents = jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
                throw new IllegalStateException(
                        "Timeout: " + (submitted + internal) + " of " + n + " done, incidents: " + incidents);
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                Long jobs = jdbc.queryForObject("select count(*) from act_ru_job", Long.class);
                out.printf(
                        Locale.ROOT,
                        "  %5.0f s: %d of %d done, %d jobs%n",
                        Duration.between(start, Instant.now()).toMillis() / 1e3,
                        submitted + internal,
                        n,
                        jobs);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until no charge has a job left that is due (debtor-sync's timer and its own jobs come and
     * go every minute and are not counted; each submitted charge keeps the timer of its watchdog,
     * due days later).
     */
    private void awaitIdleJobs() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String chargeJobs =
                "from act_ru_job where process_def_key_ = 'charge' and (type_ <> 'timer' or duedate_ <= now())";
        while (jdbc.queryForObject("select count(*) " + chargeJobs, Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Jobs of charges left after the batch: "
                        + jdbc.queryForList(
                                "select type_, handler_type_, retries_, left(exception_msg_, 200) msg, count(*) "
                                        + chargeJobs + " group by 1, 2, 3, 4"));
            }
            Thread.sleep(200);
        }
    }
}
