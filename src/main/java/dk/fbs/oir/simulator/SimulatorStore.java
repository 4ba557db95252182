package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated debtor systems' tables (claims, postings, events, the idempotency register), so they
 * survive a restart: reads, and the writes every command shares. Every state change is one
 * transaction that also records the request's idempotency reference and the event the debtor system
 * will publish ({@link #idempotent}).
 */
class SimulatorStore {

    static final String REMINDER_SENT = "RYKKER_UDSENDT";

    static final String OPEN_STATES = "'REGISTRERET','OPKRAEVET','RYKKET','OVERDRAGET_TIL_INDDRIVELSE'";

    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final SimulatorPush notifier;

    SimulatorStore(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            SimulatorProperties properties,
            Clock clock,
            SimulatorPush notifier) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Posting kinds in the reconciliation statement. */
    enum PostingKind {
        INDBETALING,
        KREDITERING,
        AFSKRIVNING,
        RYKKERGEBYR
    }

    Optional<SimClaim> find(String claimId) {
        return jdbc.query("select * from sim_claim where claim_id = ?", CLAIM, claimId).stream()
                .findFirst();
    }

    SimClaim claimOf(DebtorSystem system, String municipality, String claimId) {
        return find(claimId)
                .filter(c -> c.debtorSystem() == system && c.municipalityCode().equals(municipality))
                .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
    }

    List<SimClaim> search(DebtorSystem system, String municipality, String cpr, boolean withClosed) {
        return jdbc.query(
                "select * from sim_claim where debtor_system = ? and municipality_code = ? and cpr = ?"
                        + (withClosed ? "" : " and state in (" + OPEN_STATES + ")") + " order by claim_no",
                CLAIM,
                system.name(),
                municipality,
                cpr);
    }

    List<SimClaim> claimsOf(DebtorSystem system, String municipality) {
        return jdbc.query(
                "select * from sim_claim where debtor_system = ? and municipality_code = ? order by claim_no",
                CLAIM,
                system.name(),
                municipality);
    }

    List<SimClaim> claimsForCharge(String fbsChargeId) {
        return jdbc.query("select * from sim_claim where fbs_charge_id = ? order by claim_no", CLAIM, fbsChargeId);
    }

    record Posting(
            String postingId, String claimId, String fbsChargeId, String kind, long amountOre, LocalDate postedOn) {}

    List<Posting> postings(DebtorSystem system, String municipality, LocalDate day) {
        return jdbc.query(
                "select p.*, c.fbs_charge_id from sim_posting p join sim_claim c on c.claim_id = p.claim_id"
                        + " where c.debtor_system = ? and c.municipality_code = ? and p.posted_on = ? order by p.created_at, p.posting_id",
                (rs, i) -> new Posting(
                        rs.getString("posting_id"),
                        rs.getString("claim_id"),
                        rs.getString("fbs_charge_id"),
                        rs.getString("kind"),
                        rs.getLong("amount_ore"),
                        rs.getObject("posted_on", LocalDate.class)),
                system.name(),
                municipality,
                day);
    }

    record Event(
            long seq,
            String kind,
            SimClaim claim,
            Long amountOre,
            long balanceOre,
            String state,
            LocalDate dueDate,
            LocalDate lastPayDate,
            Integer reminderNo,
            OffsetDateTime occurredAt,
            String text) {}

    /**
     * Published events after a cursor, in order, stopping at the first one not yet published: a
     * reader that keeps the last sequence number it saw never skips an event.
     */
    List<Event> eventsAfter(DebtorSystem system, String municipality, long after, int max) {
        OffsetDateTime now = now();
        List<Event> events = jdbc.query(
                "select * from sim_event where debtor_system = ? and municipality_code = ? and seq > ? order by seq limit ?",
                (rs, i) -> rs.getObject("visible_at", OffsetDateTime.class).isAfter(now)
                        ? null
                        : new Event(
                                rs.getLong("seq"),
                                rs.getString("kind"),
                                find(rs.getString("claim_id")).orElseThrow(),
                                rs.getObject("amount_ore", Long.class),
                                rs.getLong("balance_ore"),
                                rs.getString("state"),
                                rs.getObject("due_date", LocalDate.class),
                                rs.getObject("last_pay_date", LocalDate.class),
                                rs.getObject("reminder_no", Integer.class),
                                rs.getObject("occurred_at", OffsetDateTime.class),
                                rs.getString("text")),
                system.name(),
                municipality,
                after,
                max);
        int firstHidden = events.indexOf(null);
        return firstHidden < 0 ? events : events.subList(0, firstHidden);
    }

    /** The outcome of a command: the claim after it, and the posting it made (if any). */
    record Result(String claimId, String postingId, SimClaim claim) {}

    /**
     * Runs a command once per idempotency reference. A repeated reference returns the claim as it
     * is now and the posting of the first request, without doing anything again; the same reference
     * for another operation or claim is a conflict. A rejected command leaves no trace, so its
     * repetition is rejected the same way.
     */
    Result idempotent(DebtorSystem system, String ref, String operation, String claimId, Supplier<Result> command) {
        try {
            return tx.execute(status -> {
                jdbc.update(
                        "insert into sim_request (debtor_system, idempotency_ref, operation, claim_id, created_at)"
                                + " values (?,?,?,?,?)",
                        system.name(),
                        ref,
                        operation,
                        claimId,
                        now());
                Result result = command.get();
                jdbc.update(
                        "update sim_request set claim_id = ?, result_ref = ? where debtor_system = ? and idempotency_ref = ?",
                        result.claimId(),
                        result.postingId(),
                        system.name(),
                        ref);
                return result;
            });
        } catch (DuplicateKeyException repeated) {
            return tx.execute(status -> {
                var previous = jdbc.queryForMap(
                        "select * from sim_request where debtor_system = ? and idempotency_ref = ?",
                        system.name(),
                        ref);
                if (!operation.equals(previous.get("operation"))
                        || (claimId != null && !claimId.equals(previous.get("claim_id")))) {
                    throw new SimulatorRejection(
                            "IDEMPOTENSKONFLIKT", "Idempotensreferencen er allerede brugt til en anden anmodning");
                }
                String previousClaim = (String) previous.get("claim_id");
                return new Result(
                        previousClaim,
                        (String) previous.get("result_ref"),
                        find(previousClaim).orElseThrow());
            });
        }
    }

    SimClaim openClaim(DebtorSystem system, String municipality, String claimId) {
        SimClaim claim = claimOf(system, municipality, claimId);
        if (!claim.isOpen()) {
            throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er lukket (" + claim.state() + ")");
        }
        return claim;
    }

    static void requirePositive(long amountOre) {
        if (amountOre <= 0) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "Beløbet skal være positivt");
        }
    }

    SimClaim change(SimClaim claim, long balanceOre, String state) {
        jdbc.update(
                "update sim_claim set balance_ore = ?, state = ?, changed_at = ? where claim_id = ?",
                balanceOre,
                state,
                now(),
                claim.claimId());
        return find(claim.claimId()).orElseThrow();
    }

    String posting(String claimId, PostingKind kind, long amountOre, LocalDate postedOn) {
        Long n = jdbc.queryForObject("select count(*) from sim_posting where claim_id = ?", Long.class, claimId);
        String postingId = claimId + "/" + (n + 1);
        jdbc.update(
                "insert into sim_posting (posting_id, claim_id, kind, amount_ore, posted_on, created_at)"
                        + " values (?,?,?,?,?,?)",
                postingId,
                claimId,
                kind.name(),
                amountOre,
                postedOn,
                now());
        return postingId;
    }

    /**
     * Records an event, published after the system's configured delay (and pushed, if configured). A
     * reminder's event carries its number (the claim's reminder count after it).
     */
    void event(SimClaim claim, String kind, Long amountOre, String text) {
        OffsetDateTime now = now();
        notifier.afterCommit(
                claim.debtorSystem(),
                claim.municipalityCode(),
                properties.behaviour(claim.debtorSystem()).getEventDelay());
        jdbc.update(
                "insert into sim_event (debtor_system, municipality_code, claim_id, fbs_charge_id, kind, amount_ore,"
                        + " balance_ore, state, due_date, last_pay_date, reminder_no, occurred_at, visible_at, text)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                claim.debtorSystem().name(),
                claim.municipalityCode(),
                claim.claimId(),
                claim.fbsChargeId(),
                kind,
                amountOre,
                claim.balanceOre(),
                claim.state(),
                claim.dueDate(),
                claim.lastPayDate(),
                REMINDER_SENT.equals(kind) ? claim.reminderCount() : null,
                now,
                now.plus(properties.behaviour(claim.debtorSystem()).getEventDelay()),
                text);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Columns by name, converted to the record's types (the system's name to the enum). */
    static final RowMapper<SimClaim> CLAIM = new DataClassRowMapper<>(SimClaim.class);
}
