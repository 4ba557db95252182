package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.SETTLED_BEFORE_CANCELLATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Kreditér fordringen": credits the whole open balance of the charge's claims (FBS' cancellation or
 * a dispute); {@code settledBeforeCancellation} is the status of a claim settled before it, or NONE.
 */
@Component("creditClaim")
public class CreditClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ClaimCancellation cancellation;

    public CreditClaimDelegate(ChargeLedger ledger, ClaimCancellation cancellation) {
        this.ledger = ledger;
        this.cancellation = cancellation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = CANCELLATION_REASON.get(execution) == null
                ? "Annulleret efter indsigelse"
                : "Annulleret af FBS: " + CANCELLATION_REASON.get(execution);
        ClaimCancellation.Outcome outcome =
                cancellation.cancel(ledger.get(ChargeProcess.fbsChargeId(execution)), reason);
        BALANCE_ORE.set(execution, outcome.balance().ore());
        SETTLED_BEFORE_CANCELLATION.set(
                execution,
                outcome.settledAs() == null ? "NONE" : outcome.settledAs().name());
    }
}
