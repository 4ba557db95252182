package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID;
import static dk.fbs.oir.charge.ChargeProcess.ERROR_CLAIM_REJECTED;
import static dk.fbs.oir.charge.ChargeProcess.FBS_CHARGE_ID;
import static dk.fbs.oir.charge.ChargeProcess.SUBMISSION_NO;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.ClaimSubmission;
import dk.fbs.oir.oir.DebtorSystem;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Overdrag fordring til debitorsystem": creates the claim in the municipality's debtor system
 * through ØiR. The idempotency reference is stable for the charge and the submission, so a retry
 * after a crash returns the claim created the first time instead of a second one.
 */
@Component("submitClaim")
public class SubmitClaimDelegate implements JavaDelegate {

  private final ChargeLedger ledger;
  private final OirGateway oir;

  public SubmitClaimDelegate(ChargeLedger ledger, OirGateway oir) {
    this.ledger = ledger;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Charge charge = ledger.get(FBS_CHARGE_ID.get(execution));
    DebtorSystem system = charge.debtorSystem();
    String idempotencyRef = charge.fbsChargeId() + "/opret/" + SUBMISSION_NO.get(execution);
    ClaimState claim;
    try {
      claim = oir.submitClaim(system, submission(charge), idempotencyRef);
    } catch (OirRejection rejection) {
      throw new BpmnError(ERROR_CLAIM_REJECTED, system.displayName() + " afviste fordringen: " + rejection.getMessage());
    }
    ledger.recordSubmitted(charge.fbsChargeId(), claim.claimId(), claim.paymentReference(),
        Money.toOre(claim.balance()), claim.changedAt(), idempotencyRef,
        "Fordring oprettet i " + system.displayName() + " som " + claim.claimId());
    ledger.expectUpdate(charge.fbsChargeId()); // the invoice
    DEBTOR_SYSTEM_CLAIM_ID.set(execution, claim.claimId());
  }

  static ClaimSubmission submission(Charge c) {
    return new ClaimSubmission(c.municipalityCode(), c.fbsChargeId(), c.debtorCpr(), c.debtorName(),
        c.type().claimKind(), Money.toKroner(c.amountOre()), c.description(), c.occurredOn(), c.materialId(),
        c.branch());
  }
}
