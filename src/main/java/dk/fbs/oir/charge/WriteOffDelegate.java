package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.APPROVAL_DECISION;
import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.RETURNED_DECISION;
import static dk.fbs.oir.charge.ChargeProcess.COLLECTION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Afskriv fordringen": writes off the open balance in the debtor system and ends the charge as written off. */
@Component("writeOff")
public class WriteOffDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public WriteOffDelegate(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    boolean byCaseworker = "WRITE_OFF".equals(APPROVAL_DECISION.get(execution))
        || "WRITE_OFF".equals(RETURNED_DECISION.get(execution));
    String reason = byCaseworker ? "efter sagsbehandlers beslutning" : COLLECTION_REASON.get(execution);
    ClaimState claim = oir.writeOff(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
        reason, charge.fbsChargeId() + "/afskriv");
    long balance = Money.toOre(claim.balance());
    ledger.recordBalance(charge.fbsChargeId(), balance, claim.changedAt(), ChargeStatus.WRITTEN_OFF,
        "Afskrevet: " + reason);
    ledger.expectUpdate(charge.fbsChargeId());
    BALANCE_ORE.set(execution, balance);
  }
}
