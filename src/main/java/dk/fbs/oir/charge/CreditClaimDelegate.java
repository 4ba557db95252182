package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Kreditér fordringen": credits the whole open balance of the charge's claims (FBS' cancellation or a dispute). */
@Component("creditClaim")
public class CreditClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public CreditClaimDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = CANCELLATION_REASON.get(execution) == null
                ? "Annulleret efter indsigelse"
                : "Annulleret af FBS: " + CANCELLATION_REASON.get(execution);
        BALANCE_ORE.set(
                execution,
                claims.cancel(ledger.get(ChargeProcess.fbsChargeId(execution)), reason)
                        .ore());
    }
}
