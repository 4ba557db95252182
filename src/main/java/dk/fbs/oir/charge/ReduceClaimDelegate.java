package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;
import static dk.fbs.oir.charge.ChargeProcess.REDUCTION_AMOUNT;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_NO;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Nedsæt fordringen": credits the amount a caseworker decided on after a dispute. */
@Component("reduceClaim")
public class ReduceClaimDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public ReduceClaimDelegate(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    long reduction = TaskInputCheck.reductionOre(REDUCTION_AMOUNT.get(execution));
    // the same reduction of the same balance is the same request, also when the job is retried
    String idempotencyRef = charge.fbsChargeId() + "/nedsaet/" + charge.balanceOre() + "-" + reduction;
    ClaimState claim = oir.credit(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
        Money.toKroner(reduction), "Nedsat efter indsigelse", idempotencyRef);
    long balance = Money.toOre(claim.balance());
    ledger.recordBalance(charge.fbsChargeId(), balance, claim.changedAt(),
        REMINDER_NO.get(execution) > 1 ? ChargeStatus.REMINDED : ChargeStatus.INVOICED,
        "Nedsat med " + Money.toKroner(reduction) + " kr. efter indsigelse; restsaldo " + claim.balance() + " kr.");
    ledger.expectUpdate(charge.fbsChargeId());
    BALANCE_ORE.set(execution, balance);
  }
}
