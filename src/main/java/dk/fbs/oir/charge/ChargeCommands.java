package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_TEXT;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final ChargeLedger ledger;
    private final ChargeMessages messages;

    ChargeCommands(ChargeLedger ledger, ChargeMessages messages) {
        this.ledger = ledger;
        this.messages = messages;
    }

    @Transactional
    public Charge cancel(String fbsChargeId, CancellationReason reason, String note) {
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

    @Transactional
    public Charge dispute(String fbsChargeId, String text) {
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
