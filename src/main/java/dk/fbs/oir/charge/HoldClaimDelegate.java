package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CLAIM_ON_HOLD;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Berostil fordringen" (DEBTOR_LED): the debtor system's own dunning pauses while a dispute is decided. */
@Component("holdClaim")
public class HoldClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public HoldClaimDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int n = DISPUTE_NO.getOrElse(execution, 0) + 1;
        claims.hold(ledger.get(ChargeProcess.fbsChargeId(execution)), n);
        DISPUTE_NO.set(execution, n);
        CLAIM_ON_HOLD.set(execution, true);
    }
}
