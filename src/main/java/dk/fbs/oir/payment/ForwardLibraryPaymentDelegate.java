package dk.fbs.oir.payment;

import static dk.fbs.oir.payment.LibraryPaymentProcess.ERROR_PAYMENT_REJECTED;
import static dk.fbs.oir.payment.LibraryPaymentProcess.PAYMENT_ID;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeClaims;
import dk.fbs.oir.charge.ChargeLedger;
import dk.fbs.oir.charge.ChargeUpdates;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.OirRejection;
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
    private final ChargeClaims claims;

    public ForwardLibraryPaymentDelegate(
            LibraryPayments payments, ChargeLedger ledger, ChargeUpdates updates, ChargeClaims claims) {
        this.payments = payments;
        this.ledger = ledger;
        this.updates = updates;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LibraryPayments.Payment payment =
                payments.find(PAYMENT_ID.get(execution)).orElseThrow();
        Charge charge = ledger.get(payment.fbsChargeId());
        ClaimState claim;
        try {
            claim = claims.forwardPayment(charge, payment.paymentId(), payment.amount(), payment.paidOn());
        } catch (OirRejection rejection) {
            payments.markRejected(payment.paymentId());
            throw rejection.asBpmnError(
                    ERROR_PAYMENT_REJECTED, charge.debtorSystem().displayName() + " afviste indbetalingen");
        }
        payments.markForwarded(payment.paymentId());
        updates.paymentForwarded(
                charge,
                claim,
                "Indbetaling " + payment.amount() + " kr. taget på biblioteket og videresendt; restsaldo "
                        + claim.balance() + " kr.");
    }
}
