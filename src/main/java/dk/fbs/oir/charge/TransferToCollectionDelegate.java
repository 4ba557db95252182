package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.ERROR_TRANSFER_REJECTED;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;
import static dk.fbs.oir.charge.ChargeProcess.TRANSFER_NO;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Oversend til inddrivelse": the debtor system hands the claim to PSRM with the claim type and
 * the limitation date (3 years after the last day to pay, forældelsesloven). A refusal is the BPMN
 * error "Afvist af PSRM".
 */
@Component("transferToCollection")
public class TransferToCollectionDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public TransferToCollectionDelegate(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    int transferNo = TRANSFER_NO.get(execution);
    LocalDate limitation = (charge.lastPayDate() == null ? charge.occurredOn() : charge.lastPayDate()).plusYears(3);
    ClaimState claim;
    try {
      claim = oir.transferToCollection(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
          psrmClaimType(charge.type()), limitation, charge.fbsChargeId() + "/inddrivelse/" + transferNo);
    } catch (OirRejection rejection) {
      throw new BpmnError(ERROR_TRANSFER_REJECTED, "PSRM afviste oversendelsen: " + rejection.getMessage());
    }
    ledger.recordBalance(charge.fbsChargeId(), Money.toOre(claim.balance()), claim.changedAt(),
        ChargeStatus.IN_COLLECTION, "Oversendt til inddrivelse hos Gældsstyrelsen (PSRM); forældelse " + limitation);
    ledger.expectUpdate(charge.fbsChargeId());
    TRANSFER_NO.set(execution, transferNo + 1);
  }

  /** PSRM's claim type (fordringstype); replacement charges have their own. */
  static String psrmClaimType(ChargeType type) {
    return type == ChargeType.REPLACEMENT ? "ERSTATNING_BIBLIOTEKSMATERIALE" : "BIBLIOTEKSGEBYR";
  }
}
