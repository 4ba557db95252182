package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CLAIM_ON_HOLD;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Genoptag fordringen" (DEBTOR_LED): the dispute is decided; the debtor system's dunning goes on. */
@Component("resumeClaim")
public class ResumeClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public ResumeClaimDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var claim = claims.resume(ledger.get(ChargeProcess.fbsChargeId(execution)), DISPUTE_NO.getOrElse(execution, 0));
        CLAIM_ON_HOLD.set(execution, false);
        if (claim.lastPayDate() != null) {
            DEADLINE.set(execution, claim.lastPayDate().toString());
        }
    }
}
