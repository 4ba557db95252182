package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_TEXT;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What FBS asks of a running charge: a cancellation, or the citizen's dispute. */
@Service
public class ChargeCommands {

    /** Reasons FBS gives for a cancellation. */
    public enum CancellationReason {
        MATERIAL_RETURNED("materialet er afleveret"),
        FEE_WAIVED("gebyret er eftergivet"),
        ENTERED_BY_MISTAKE("oprettet ved en fejl");

        private final String text;

        CancellationReason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChargeCommands.class);

    /** How often a command meets another transaction's change of the same process before it gives up. */
    static final int ATTEMPTS = 3;

    private final ChargeLedger ledger;
    private final ChargeMessages messages;
    private final TransactionTemplate tx;

    ChargeCommands(ChargeLedger ledger, ChargeMessages messages, TransactionTemplate tx) {
        this.ledger = ledger;
        this.messages = messages;
        this.tx = tx;
    }

    public Charge cancel(String fbsChargeId, CancellationReason reason, String note) {
        return onTheLatestState(fbsChargeId, () -> cancelNow(fbsChargeId, reason, note));
    }

    public Charge dispute(String fbsChargeId, String text) {
        return onTheLatestState(fbsChargeId, () -> disputeNow(fbsChargeId, text));
    }

    /**
     * Runs the command in a transaction of its own, and again from the charge's latest state when
     * another transaction changed its process at the same moment: a debtor system's event, a job.
     * Camunda then says so with an {@link OptimisticLockingException}, or, when that transaction
     * ended the process between the command's reads, with "Cannot restore state of process instance
     * …: list of executions is empty" ({@link NullValueException}). The next attempt sees the end
     * (a charge COLLECTED can no longer be cancelled: 409) instead of FBS getting a 500.
     */
    private Charge onTheLatestState(String fbsChargeId, Supplier<Charge> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> command.get());
            } catch (OptimisticLockingException | NullValueException concurrentChange) {
                if (attempt == ATTEMPTS) {
                    throw concurrentChange;
                }
                log.info(
                        "The process of {} changed during the command ({}); again from its latest state",
                        fbsChargeId,
                        concurrentChange.getClass().getSimpleName());
            }
        }
    }

    private Charge cancelNow(String fbsChargeId, CancellationReason reason, String note) {
        Charge charge = existing(fbsChargeId);
        if (charge.status().isFinal()) {
            throw new ChargeStateException("The charge is " + charge.status() + " and cannot be cancelled");
        }
        String text = reason.text() + (note == null || note.isBlank() ? "" : " (" + note.trim() + ")");
        messages.deliver(
                charge,
                ChargeProcess.Message.CancellationRequested,
                Map.of(CANCELLATION_REASON.name(), text),
                "The charge cannot be cancelled right now; try again");
        return ledger.get(fbsChargeId);
    }

    private Charge disputeNow(String fbsChargeId, String text) {
        Charge charge = existing(fbsChargeId);
        switch (charge.status()) {
            case RECEIVED, SUBMITTED, REJECTED, INVOICED, REMINDED, IN_COLLECTION -> {}
            case DISPUTED -> throw new ChargeStateException("The charge is already disputed; a caseworker is deciding");
            default -> throw new ChargeStateException("The charge is " + charge.status() + " and cannot be disputed");
        }
        messages.deliver(
                charge,
                ChargeProcess.Message.DisputeReceived,
                Map.of(DISPUTE_TEXT.name(), text),
                "The charge cannot be disputed right now; try again");
        return ledger.get(fbsChargeId);
    }

    private Charge existing(String fbsChargeId) {
        return ledger.find(fbsChargeId).orElseThrow(() -> new ChargeNotFoundException(fbsChargeId));
    }
}
