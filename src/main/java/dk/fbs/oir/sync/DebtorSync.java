package dk.fbs.oir.sync;

import dk.fbs.oir.charge.ChargeUpdates;
import dk.fbs.oir.charge.ChargeUpdates.Outcome;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventBatch;
import dk.fbs.oir.debtorsystem.EventKind;
import dk.fbs.oir.debtorsystem.OirGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the debtor systems' events after a persisted cursor and applies each to its charge exactly
 * once: every event is recorded under its sequence number in the same transaction that applies it
 * (and moves the cursor), so duplicates and replays change nothing. Pull (the timer of
 * debtor-sync.bpmn), the REST notification, and the messages pushed to us ({@link IncomingMessages}:
 * Beskedfordeler, the return channel) all come through {@link #record}.
 */
@Service
public class DebtorSync {

    private static final Logger log = LoggerFactory.getLogger(DebtorSync.class);
    private static final int BATCH = 200;

    private final OirGateway oir;
    private final ChargeUpdates updates;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WaitingEvents waiting;

    public DebtorSync(
            OirGateway oir,
            ChargeUpdates updates,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Clock clock,
            WaitingEvents waiting) {
        this.oir = oir;
        this.updates = updates;
        this.jdbc = jdbc;
        this.waiting = waiting;
        // The timed pull (and reconciliation) runs inside its job's transaction: each event gets a savepoint there, so
        // a
        // duplicate (a push applied it first) undoes only itself instead of aborting the job's whole
        // transaction. Called outside a transaction (push), it is one of its own.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** The debtor systems, for the multi-instance task of debtor-sync.bpmn. */
    public List<String> systems() {
        return List.of(DebtorSystem.values()).stream().map(Enum::name).toList();
    }

    /** Every municipality of the debtor system that has charges with us. Returns the events applied. */
    public int sync(DebtorSystem system) {
        List<String> municipalities = jdbc.queryForList(
                "select distinct municipality_code from charge where route = ? order by municipality_code",
                String.class,
                system.name());
        int applied = 0;
        for (String municipality : municipalities) {
            applied += sync(system, municipality);
        }
        return applied;
    }

    /**
     * Reads and applies the events of one municipality until there are no more. An event whose
     * charge is not yet recorded as submitted waits for that charge only ({@link WaitingEvents}); the
     * municipality's other events go on. First the events that waited for a charge submitted since.
     */
    public int sync(DebtorSystem system, String municipalityCode) {
        int applied = waiting.applyWaiting(system, municipalityCode);
        while (true) {
            long cursor = cursor(system, municipalityCode);
            EventBatch batch = oir.events(system, municipalityCode, cursor, BATCH);
            for (DebtorEvent event : batch.events()) {
                if (record(system, event, true) == Outcome.APPLIED) {
                    applied++;
                }
            }
            if (batch.events().size() < BATCH) {
                return applied;
            }
        }
    }

    /**
     * Records one event under its sequence number and applies it, in a savepoint of the caller's
     * transaction (or a transaction of its own); a duplicate changes nothing. The pull also moves its
     * cursor ({@code moveCursor}); messages pushed to us (Beskedfordeler, the return channel) leave
     * it, so the pull still reads an event whose message never came. An event whose charge's
     * submission has not committed is kept as NOT_YET and applied when it has ({@link WaitingEvents}).
     */
    public Outcome record(DebtorSystem system, DebtorEvent event, boolean moveCursor) {
        try {
            return tx.execute(status -> {
                // the cursor's row first: a pull and a push reading the same events queue on it instead of
                // each holding what the other waits for (a deadlock)
                if (moveCursor) {
                    advanceCursor(system, event.municipalityCode(), event.seq());
                }
                jdbc.update(
                        "insert into debtor_event (debtor_system, seq, municipality_code, claim_id, fbs_charge_id, kind,"
                                + " amount_ore, balance_ore, claim_state, due_date, last_pay_date, reminder_no, occurred_at,"
                                + " received_at, outcome, note) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'APPLIED',?)",
                        system.name(),
                        event.seq(),
                        event.municipalityCode(),
                        event.claimId(),
                        event.fbsChargeId(),
                        event.kind().oirName(),
                        event.amount() == null ? null : event.amount().ore(),
                        event.balance().ore(),
                        event.state().oirName(),
                        event.dueDate(),
                        event.lastPayDate(),
                        event.reminderNo(),
                        event.occurredAt(),
                        OffsetDateTime.now(clock),
                        event.text());
                Outcome outcome = updates.apply(event);
                if (outcome != Outcome.APPLIED) {
                    jdbc.update(
                            "update debtor_event set outcome = ? where debtor_system = ? and seq = ?",
                            outcome.name(),
                            system.name(),
                            event.seq());
                }
                if (outcome == Outcome.NOT_YET) {
                    waiting.recheckAfterCommit(event.fbsChargeId());
                }
                if (outcome == Outcome.PARKED) {
                    log.warn(
                            "Parked event {} {} of {} for claim {}: no such charge with us",
                            event.kind(),
                            event.seq(),
                            system.displayName(),
                            event.claimId());
                }
                return outcome;
            });
        } catch (DuplicateKeyException alreadyApplied) {
            if (moveCursor) {
                advanceCursor(system, event.municipalityCode(), event.seq());
            }
            return Outcome.IGNORED;
        }
    }

    /** A payment a debtor system told us of: the claim, the amount, and the day it was made. */
    public record ReportedPayment(String claimId, Money amount, LocalDate on) {}

    /** Payments (by the citizen, at the library, through collection) the events of a day told us of. */
    public List<ReportedPayment> reportedPayments(DebtorSystem system, String municipalityCode, LocalDate day) {
        ZoneId zone = clock.getZone();
        return jdbc.query(
                "select claim_id, amount_ore, occurred_at from debtor_event where debtor_system = ?"
                        + " and municipality_code = ? and kind in (?, ?)"
                        + " and outcome <> 'PARKED' and occurred_at >= ? and occurred_at < ? order by seq",
                (rs, i) -> new ReportedPayment(
                        rs.getString("claim_id"),
                        Money.ofOre(rs.getLong("amount_ore")),
                        rs.getObject("occurred_at", OffsetDateTime.class)
                                .atZoneSameInstant(zone)
                                .toLocalDate()),
                system.name(),
                municipalityCode,
                EventKind.PAYMENT_RECEIVED.oirName(),
                EventKind.COLLECTION_COMPLETED.oirName(),
                day.atStartOfDay(zone).toOffsetDateTime(),
                day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private long cursor(DebtorSystem system, String municipalityCode) {
        List<Long> seq = jdbc.queryForList(
                "select last_seq from sync_cursor where debtor_system = ? and municipality_code = ?",
                Long.class,
                system.name(),
                municipalityCode);
        return seq.isEmpty() ? 0 : seq.get(0);
    }

    private void advanceCursor(DebtorSystem system, String municipalityCode, long seq) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.update(
                "update sync_cursor set last_seq = greatest(last_seq, ?), updated_at = ?"
                        + " where debtor_system = ? and municipality_code = ?",
                seq,
                now,
                system.name(),
                municipalityCode);
        if (updated == 0) {
            try { // in a savepoint of its own: a concurrent first reader's row undoes only this insert
                tx.executeWithoutResult(status -> jdbc.update(
                        "insert into sync_cursor (debtor_system, municipality_code, last_seq, updated_at) values (?,?,?,?)",
                        system.name(),
                        municipalityCode,
                        seq,
                        now));
            } catch (DuplicateKeyException concurrentFirst) {
                advanceCursor(system, municipalityCode, seq);
            }
        }
    }
}
