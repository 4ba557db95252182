package dk.fbs.oir.onboarding;

import dk.fbs.oir.onboarding.Waves.Wave;
import dk.fbs.oir.routing.RegisterGoLive;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of the municipalities' onboardings ({@code onboarding}, {@code onboarding_klik_task}):
 * what the process's tasks decided, by whom and when. The process itself is the state.
 */
@Service
public class Onboardings {

    /** A municipality's onboarding as recorded. */
    public record Onboarding(
            String municipalityCode,
            String debtorSystem,
            OffsetDateTime startedAt,
            String projectLeaderName,
            String projectLeaderEmail,
            String enrolledBy,
            Integer wave,
            LocalDate goLiveOn,
            String postponementReason,
            int vendorTestAttempts,
            Boolean vendorTestPassed,
            String vendorTestResult,
            String approvedBy,
            String approvalReason,
            OffsetDateTime liveAt,
            String registerDeploymentId) {

        /** The change of the register this onboarding approved. */
        RegisterGoLive.GoLive goLive() {
            return new RegisterGoLive.GoLive(municipalityCode, wave, goLiveOn, approvedBy, approvalReason);
        }
    }

    /** A KLIK task of a municipality; open while {@code doneBy} is null. */
    public record KlikTask(String code, String title, String doneBy, OffsetDateTime doneAt, String note) {}

    private final JdbcTemplate jdbc;
    private final Waves waves;
    private final RegisterGoLive register;
    private final RuntimeService runtime;
    private final Clock clock;

    public Onboardings(JdbcTemplate jdbc, Waves waves, RegisterGoLive register, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.waves = waves;
        this.register = register;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Records the onboarding and starts its process in one transaction: one per municipality. */
    @Transactional
    public void start(String municipalityCode, String debtorSystem, String startedBy) {
        jdbc.update(
                "insert into onboarding (municipality_code, debtor_system, started_at, started_by) values (?, ?, ?, ?)",
                municipalityCode,
                debtorSystem,
                now(),
                startedBy);
        OnboardingProcess.start(runtime, municipalityCode, debtorSystem);
    }

    public Optional<Onboarding> get(String municipalityCode) {
        return jdbc
                .query("select * from onboarding where municipality_code = ?", Onboardings::row, municipalityCode)
                .stream()
                .findFirst();
    }

    public List<Onboarding> all() {
        return jdbc.query("select * from onboarding order by municipality_code", Onboardings::row);
    }

    public void enrolled(String municipalityCode, String name, String email, String by) {
        jdbc.update(
                "update onboarding set project_leader_name = ?, project_leader_email = ?, enrolled_by = ?,"
                        + " enrolled_at = ? where municipality_code = ?",
                name,
                email,
                by,
                now(),
                municipalityCode);
    }

    /** Places already taken in a wave by other municipalities. */
    public int taken(int wave, String exceptMunicipality) {
        return jdbc.queryForObject(
                "select count(*) from onboarding where wave = ? and municipality_code <> ?",
                Integer.class,
                wave,
                exceptMunicipality);
    }

    /** The waves the municipality may choose now: open, and later than its current wave's date. */
    public List<Wave> openWaves(String municipalityCode) {
        Onboarding onboarding = require(municipalityCode);
        LocalDate today = LocalDate.now(clock);
        return waves.forSystem(onboarding.debtorSystem()).stream()
                .filter(w -> w.isOpen(today, taken(w.number(), municipalityCode)))
                .filter(w -> onboarding.goLiveOn() == null || w.goLiveDate().isAfter(onboarding.goLiveOn()))
                .toList();
    }

    /**
     * Takes a place in the wave, moving out of the current one (a postponement, with its reason).
     * A wave that is not open, or not later than the current one, is refused with a Danish message
     * that Tasklist shows, and the task stays open.
     */
    @Transactional
    public Wave reserve(String municipalityCode, long waveNumber, String postponementReason, String by) {
        Wave wave = openWaves(municipalityCode).stream()
                .filter(w -> w.number() == waveNumber)
                .findFirst()
                .orElseThrow(() -> new ProcessEngineException(
                        "Bølge " + waveNumber + " kan ikke vælges: vælg en af de åbne" + " bølger"
                                + (get(municipalityCode).orElseThrow().wave() == null ? "" : " efter den nuværende")));
        jdbc.update(
                "update onboarding set wave = ?, go_live_on = ?, postponement_reason = ?, postponed_by = ?"
                        + " where municipality_code = ?",
                wave.number(),
                wave.goLiveDate(),
                postponementReason,
                postponementReason == null ? null : by,
                municipalityCode);
        return wave;
    }

    public void klikTasksChosen(String municipalityCode, List<KlikTask> tasks) {
        for (int i = 0; i < tasks.size(); i++) {
            jdbc.update(
                    "insert into onboarding_klik_task (municipality_code, code, title, position) values (?, ?, ?, ?)",
                    municipalityCode,
                    tasks.get(i).code(),
                    tasks.get(i).title(),
                    i);
        }
    }

    public List<KlikTask> klikTasks(String municipalityCode) {
        return jdbc.query(
                "select * from onboarding_klik_task where municipality_code = ? order by position",
                (rs, n) -> new KlikTask(
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("done_by"),
                        time(rs, "done_at"),
                        rs.getString("note")),
                municipalityCode);
    }

    public void klikTaskDone(String municipalityCode, String code, String by, String note) {
        jdbc.update(
                "update onboarding_klik_task set done_by = ?, done_at = ?, note = ? where municipality_code = ?"
                        + " and code = ?",
                by,
                now(),
                note,
                municipalityCode,
                code);
    }

    public void vendorTested(String municipalityCode, int attempt, boolean passed, String result) {
        jdbc.update(
                "update onboarding set vendor_test_attempts = ?, vendor_test_passed = ?, vendor_test_result = ?,"
                        + " vendor_tested_at = ? where municipality_code = ?",
                attempt,
                passed,
                result,
                now(),
                municipalityCode);
    }

    public void approved(String municipalityCode, String by, String reason) {
        jdbc.update(
                "update onboarding set approved_by = ?, approval_reason = ?, approved_at = ? where municipality_code = ?",
                by,
                reason,
                now(),
                municipalityCode);
    }

    /**
     * Deploys the register with the municipality in its wave (once: a retried job finds it there) and
     * records the deployment.
     */
    @Transactional
    public void goLive(String municipalityCode) {
        Optional<String> deployment = register.goLive(require(municipalityCode).goLive());
        jdbc.update(
                "update onboarding set live_at = ?, register_deployment_id = coalesce(?, register_deployment_id)"
                        + " where municipality_code = ?",
                now(),
                deployment.orElse(null),
                municipalityCode);
    }

    Onboarding require(String municipalityCode) {
        return get(municipalityCode)
                .orElseThrow(() -> new IllegalStateException("No onboarding of municipality " + municipalityCode));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Onboarding row(ResultSet rs, int n) throws SQLException {
        return new Onboarding(
                rs.getString("municipality_code"),
                rs.getString("debtor_system"),
                time(rs, "started_at"),
                rs.getString("project_leader_name"),
                rs.getString("project_leader_email"),
                rs.getString("enrolled_by"),
                (Integer) rs.getObject("wave", Integer.class),
                rs.getObject("go_live_on", LocalDate.class),
                rs.getString("postponement_reason"),
                rs.getInt("vendor_test_attempts"),
                (Boolean) rs.getObject("vendor_test_passed", Boolean.class),
                rs.getString("vendor_test_result"),
                rs.getString("approved_by"),
                rs.getString("approval_reason"),
                time(rs, "live_at"),
                rs.getString("register_deployment_id"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
