package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.routing.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Our charge ledger (tables {@code charge} and {@code charge_timeline}), what the REST API reads.
 * Its writes join the surrounding transaction, so a process step and its ledger entry commit
 * together or not at all.
 */
@Repository
public class ChargeLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ChargeLedger(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A charge has its claim number in the debtor system (published in the transaction that recorded it). */
    public record ClaimRecorded(String fbsChargeId) {}

    /** Inserts a new charge; a second insert of the same id fails with a duplicate-key error. */
    public void insert(Charge c) {
        OffsetDateTime now = now();
        jdbc.update(
                "insert into charge (fbs_charge_id, municipality_code, debtor_cpr, debtor_name, charge_type,"
                        + " amount_ore, balance_ore, description, material_id, branch, occurred_on, status, request_hash,"
                        + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                c.fbsChargeId(),
                c.municipalityCode(),
                c.debtorCpr(),
                c.debtorName(),
                c.type().name(),
                c.amount().ore(),
                c.amount().ore(),
                c.description(),
                c.materialId(),
                c.branch(),
                c.occurredOn(),
                ChargeStatus.RECEIVED.name(),
                c.requestHash(),
                now,
                now);
        timeline(c.fbsChargeId(), ChargeStatus.RECEIVED, "Modtaget fra FBS", now);
    }

    /** Which of these ids the ledger already holds. */
    public Set<String> existing(Collection<String> fbsChargeIds) {
        if (fbsChargeIds.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(",", Collections.nCopies(fbsChargeIds.size(), "?"));
        return new HashSet<>(jdbc.queryForList(
                "select fbs_charge_id from charge where fbs_charge_id in (" + placeholders + ")",
                String.class,
                fbsChargeIds.toArray()));
    }

    public Optional<Charge> find(String fbsChargeId) {
        return jdbc.query("select * from charge where fbs_charge_id = ?", ChargeRows.CHARGE, fbsChargeId).stream()
                .findFirst();
    }

    public Charge get(String fbsChargeId) {
        return find(fbsChargeId)
                .orElseThrow(() -> new IllegalStateException("No charge " + fbsChargeId + " in the ledger"));
    }

    public List<TimelineEntry> timeline(String fbsChargeId) {
        return jdbc.query(
                "select at, status, text from charge_timeline where fbs_charge_id = ? order by id",
                ChargeRows.TIMELINE_ENTRY,
                fbsChargeId);
    }

    public void recordRoute(String fbsChargeId, Route route) {
        jdbc.update(
                "update charge set route = ?, updated_at = ? where fbs_charge_id = ?",
                route.name(),
                now(),
                fbsChargeId);
    }

    /** Who runs the collection of the charge: decided once, when it is routed to a debtor system. */
    public void recordDunningMode(String fbsChargeId, DunningMode mode) {
        jdbc.update("update charge set dunning_mode = ? where fbs_charge_id = ?", mode.name(), fbsChargeId);
    }

    /** Moves the charge to a new status and adds the change to its timeline. */
    public void recordStatus(String fbsChargeId, ChargeStatus status, String text) {
        OffsetDateTime now = now();
        jdbc.update(
                "update charge set status = ?, updated_at = ? where fbs_charge_id = ?",
                status.name(),
                now,
                fbsChargeId);
        timeline(fbsChargeId, status, text, now);
    }

    /**
     * The debtor system accepted the claim: its number, its balance, the moment it confirmed it, and
     * the idempotency reference that created it; its invoice is now expected ({@link #expectUpdate}).
     */
    public void recordSubmitted(
            String fbsChargeId,
            String claimId,
            String paymentReference,
            Money balance,
            OffsetDateTime confirmedAt,
            IdempotencyRef submissionRef,
            String text) {
        OffsetDateTime now = now();
        jdbc.update(
                "update charge set status = ?, debtor_system_claim_id = ?, payment_reference = ?, balance_ore = ?,"
                        + " last_confirmed_at = ?, submission_ref = ?, updated_at = ?,"
                        + " awaiting_update_since = coalesce(awaiting_update_since, ?) where fbs_charge_id = ?",
                ChargeStatus.SUBMITTED.name(),
                claimId,
                paymentReference,
                balance.ore(),
                confirmedAt,
                submissionRef.value(),
                now,
                now,
                fbsChargeId);
        timeline(fbsChargeId, ChargeStatus.SUBMITTED, text, now);
        events.publishEvent(new ClaimRecorded(fbsChargeId));
    }

    /** The idempotency reference that created the charge's current claim (null before it was submitted). */
    public IdempotencyRef submissionRef(String fbsChargeId) {
        String ref = jdbc.queryForObject(
                "select submission_ref from charge where fbs_charge_id = ?", String.class, fbsChargeId);
        return ref == null ? null : new IdempotencyRef(ref);
    }

    /** A lost claim was created again: its new number replaces the lost one; the status stays. */
    public void recordClaimRestored(
            String fbsChargeId, String claimId, String paymentReference, OffsetDateTime confirmedAt, String text) {
        OffsetDateTime now = now();
        jdbc.update(
                "update charge set debtor_system_claim_id = ?, payment_reference = ?, last_confirmed_at = ?,"
                        + " updated_at = ? where fbs_charge_id = ?",
                claimId,
                paymentReference,
                confirmedAt,
                now,
                fbsChargeId);
        timeline(fbsChargeId, get(fbsChargeId).status(), text, now);
        events.publishEvent(new ClaimRecorded(fbsChargeId));
    }

    /** The invoice (opkrævning) the debtor system issued. */
    public void recordInvoice(String fbsChargeId, LocalDate dueDate, LocalDate lastPayDate, String text) {
        jdbc.update(
                "update charge set due_date = ?, last_pay_date = ? where fbs_charge_id = ?",
                dueDate,
                lastPayDate,
                fbsChargeId);
        recordStatus(fbsChargeId, ChargeStatus.INVOICED, text);
    }

    /**
     * The balance as the debtor system last reported it, and when. With a status, the change also
     * moves the charge and enters its timeline; without, only the text enters the timeline.
     */
    public void recordBalance(
            String fbsChargeId, Money balance, OffsetDateTime confirmedAt, ChargeStatus status, String text) {
        jdbc.update(
                "update charge set balance_ore = ?, last_confirmed_at = ? where fbs_charge_id = ?",
                balance.ore(),
                confirmedAt,
                fbsChargeId);
        recordStatus(fbsChargeId, status == null ? get(fbsChargeId).status() : status, text);
    }

    /**
     * Marks a debtor-system event as applied to the charge. False when a newer event was applied
     * already: an event arriving out of order must not overwrite fresher state.
     */
    public boolean acceptEvent(String fbsChargeId, long seq, OffsetDateTime occurredAt) {
        return jdbc.update(
                        "update charge set last_event_seq = ?, last_confirmed_at = ?, awaiting_update_since = null"
                                + " where fbs_charge_id = ? and (last_event_seq is null or last_event_seq < ?)",
                        seq,
                        occurredAt,
                        fbsChargeId,
                        seq)
                == 1;
    }

    /** We asked the debtor system for something whose event we now expect (see {@link Freshness}). */
    public void expectUpdate(String fbsChargeId) {
        jdbc.update(
                "update charge set awaiting_update_since = coalesce(awaiting_update_since, ?) where fbs_charge_id = ?",
                now(),
                fbsChargeId);
    }

    /** The charges of a citizen in a municipality, newest first. */
    public List<Charge> ofDebtor(String cpr, String municipalityCode) {
        return jdbc.query(
                "select * from charge where debtor_cpr = ? and municipality_code = ? order by created_at desc",
                ChargeRows.CHARGE,
                cpr,
                municipalityCode);
    }

    /** The charges of a municipality routed to a debtor system, oldest first. */
    public List<Charge> routedTo(String municipalityCode, DebtorSystem system) {
        return jdbc.query(
                "select * from charge where municipality_code = ? and route = ? order by created_at",
                ChargeRows.CHARGE,
                municipalityCode,
                system.name());
    }

    /** Municipalities with charges in a debtor system. */
    public List<String> municipalitiesWithClaims() {
        return jdbc.queryForList(
                "select distinct municipality_code from charge where debtor_system_claim_id is not null"
                        + " order by municipality_code",
                String.class);
    }

    /** The balance a debtor system reported with a step of its own; the process records the step itself. */
    public void recordReportedBalance(String fbsChargeId, Money balance) {
        jdbc.update("update charge set balance_ore = ? where fbs_charge_id = ?", balance.ore(), fbsChargeId);
    }

    /** An update we expected since {@code since} has not come: the charge shows as stale once the limit has passed. */
    public void expectUpdateSince(String fbsChargeId, OffsetDateTime since) {
        jdbc.update(
                "update charge set awaiting_update_since = coalesce(awaiting_update_since, ?) where fbs_charge_id = ?",
                since,
                fbsChargeId);
    }

    /**
     * A caseworker reduced the charge before its claim reached the debtor system: the claim will be
     * submitted for the reduced amount.
     */
    public void recordReductionBeforeSubmission(String fbsChargeId, Money reduction, ChargeStatus status, String text) {
        jdbc.update(
                "update charge set amount_ore = amount_ore - ?, balance_ore = balance_ore - ? where fbs_charge_id = ?",
                reduction.ore(),
                reduction.ore(),
                fbsChargeId);
        recordStatus(fbsChargeId, status, text);
    }

    /** A new deadline from a reminder. */
    public void recordDeadline(String fbsChargeId, LocalDate lastPayDate) {
        jdbc.update("update charge set last_pay_date = ? where fbs_charge_id = ?", lastPayDate, fbsChargeId);
    }

    /** A caseworker corrected the debtor's data after a rejection; null leaves a field as it is. */
    public void correctDebtor(String fbsChargeId, String name, String cpr) {
        jdbc.update(
                "update charge set debtor_name = coalesce(?, debtor_name), debtor_cpr = coalesce(?, debtor_cpr),"
                        + " updated_at = ? where fbs_charge_id = ?",
                name,
                cpr,
                now(),
                fbsChargeId);
    }

    private void timeline(String fbsChargeId, ChargeStatus status, String text, OffsetDateTime at) {
        jdbc.update(
                "insert into charge_timeline (fbs_charge_id, at, status, text) values (?,?,?,?)",
                fbsChargeId,
                at,
                status.name(),
                text);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
