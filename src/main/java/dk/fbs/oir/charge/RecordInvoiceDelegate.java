package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DUE_DATE;
import static dk.fbs.oir.charge.ChargeProcess.LAST_PAY_DATE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrér opkrævning": the invoice's due date and last day to pay, from the debtor system's event. */
@Component("recordInvoice")
public class RecordInvoiceDelegate implements JavaDelegate {

    private final ChargeLedger ledger;

    public RecordInvoiceDelegate(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate due = LocalDate.parse(DUE_DATE.get(execution));
        LocalDate lastPay = LocalDate.parse(LAST_PAY_DATE.get(execution));
        ledger.recordInvoice(
                ChargeProcess.fbsChargeId(execution),
                due,
                lastPay,
                "Opkrævning udsendt; forfaldsdag " + due + ", sidste rettidige betalingsdag " + lastPay);
        DEADLINE.set(execution, lastPay.toString());
    }
}
