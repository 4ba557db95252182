package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeProcess.CANCELLATION_REASON;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.DebtorSystem;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Kreditér fordringen": credits the whole open balance of the charge's claims, in whatever state
 * they are; the debtor system recalls a claim from collection. The claims are looked up in the
 * debtor system, so a claim created by a submission still in flight is found as well.
 */
@Component("creditClaim")
public class CreditClaimDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public CreditClaimDelegate(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    DebtorSystem system = charge.debtorSystem();
    String reason = CANCELLATION_REASON.get(execution) == null ? "Annulleret efter indsigelse"
        : "Annulleret af FBS: " + CANCELLATION_REASON.get(execution);
    List<ClaimState> open = oir.searchDebtor(system, charge.municipalityCode(), charge.debtorCpr(), false,
            charge.fbsChargeId() + "/annuller/soeg").stream()
        .filter(c -> c.fbsChargeId().equals(charge.fbsChargeId()) && c.balance().signum() > 0)
        .toList();
    for (ClaimState claim : open) {
      try {
        ClaimState credited = oir.credit(system, charge.municipalityCode(), claim.claimId(), claim.balance(), reason,
            charge.fbsChargeId() + "/annuller/" + claim.claimId());
        ledger.recordBalance(charge.fbsChargeId(), Money.toOre(credited.balance()), credited.changedAt(), null,
            "Fordring " + claim.claimId() + " krediteret med " + claim.balance() + " kr.");
      } catch (OirRejection closedMeanwhile) {
        ledger.recordBalance(charge.fbsChargeId(), charge.balanceOre(), charge.lastConfirmedAt(), null,
            "Fordring " + claim.claimId() + " kunne ikke krediteres: " + closedMeanwhile.getMessage());
      }
    }
    if (!open.isEmpty()) {
      ledger.expectUpdate(charge.fbsChargeId());
    }
    BALANCE_ORE.set(execution, ledger.get(charge.fbsChargeId()).balanceOre());
  }
}
