package dk.fbs.oir.payment;

import static dk.fbs.oir.payment.LibraryPaymentProcess.ERROR_PAYMENT_REJECTED;
import static dk.fbs.oir.payment.LibraryPaymentProcess.PAYMENT_ID;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeLedger;
import dk.fbs.oir.charge.ChargeUpdates;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.oir.ClaimState;
import dk.fbs.oir.oir.OirGateway;
import dk.fbs.oir.oir.OirRejection;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Videresend indbetaling": RegistrerIndbetaling through ØiR with the payment's own idempotency
 * reference; the charge's balance follows the debtor system's answer at once, without waiting for
 * its event (which may be days late).
 */
@Component("forwardLibraryPayment")
public class ForwardLibraryPaymentDelegate implements JavaDelegate {

  private final LibraryPayments payments;
  private final ChargeLedger ledger;
  private final ChargeUpdates updates;
  private final OirGateway oir;

  public ForwardLibraryPaymentDelegate(LibraryPayments payments, ChargeLedger ledger, ChargeUpdates updates,
      OirGateway oir) {
    this.payments = payments;
    this.ledger = ledger;
    this.updates = updates;
    this.oir = oir;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LibraryPayments.Payment payment = payments.find(PAYMENT_ID.get(execution)).orElseThrow();
    Charge charge = ledger.get(payment.fbsChargeId());
    if (charge.debtorSystemClaimId() == null) {
      throw new IllegalStateException("The claim of " + charge.fbsChargeId() + " is not created yet; retried later");
    }
    ClaimState claim;
    try {
      claim = oir.registerPayment(charge.debtorSystem(), charge.municipalityCode(), charge.debtorSystemClaimId(),
          Money.toKroner(payment.amountOre()), payment.paidOn(),
          charge.fbsChargeId() + "/indbetaling/" + payment.paymentId());
    } catch (OirRejection rejection) {
      payments.markRejected(payment.paymentId());
      throw new BpmnError(ERROR_PAYMENT_REJECTED, charge.debtorSystem().displayName() + " afviste indbetalingen: "
          + rejection.getMessage());
    }
    payments.markForwarded(payment.paymentId());
    ledger.expectUpdate(charge.fbsChargeId());
    updates.paymentForwarded(charge, claim, "Indbetaling " + Money.toKroner(payment.amountOre())
        + " kr. taget på biblioteket og videresendt; restsaldo " + claim.balance() + " kr.");
  }
}
