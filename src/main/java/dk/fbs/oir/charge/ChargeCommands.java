package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_TEXT;

import dk.fbs.oir.debtorsystem.DunningMode;
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
            case RECEIVED, SUBMITTED, REJECTED, INVOICED, REMINDED -> {}
            case DISPUTED -> throw new ChargeStateException("The charge is already disputed; a caseworker is deciding");
            case IN_COLLECTION -> {
                // the municipality decides an objection to its claim; in DEBTOR_LED its debtor system
                // holds the claim at Gældsstyrelsen meanwhile. Our own transfer (FBS_LED) waits for
                // PSRM's answer: a recall (cancellation) is the way out there.
                if (charge.dunningMode() != DunningMode.DEBTOR_LED) {
                    throw new ChargeStateException(
                            "The charge is in collection at our request (FBS_LED): cancel it to recall the"
                                    + " claim from Gældsstyrelsen");
                }
            }
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
