package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.CLAIM_ON_HOLD;
import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DISPUTE_NO;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;

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
    var claim = claims.resume(ledger.get(FBS_CHARGE_ID.get(execution)), DISPUTE_NO.get(execution));
    CLAIM_ON_HOLD.set(execution, false);
    if (claim.lastPayDate() != null) {
      DEADLINE.set(execution, claim.lastPayDate().toString());
    }
  }
}
