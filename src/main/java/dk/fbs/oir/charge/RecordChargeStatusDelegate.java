package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.STATUS;
import static dk.fbs.oir.charge.ChargeProcess.TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Registrér status": moves the charge to the status named by the task's input parameter
 * {@code status} and adds {@code text} to its timeline. Process owners use it for every state
 * change that needs no call to another system.
 */
@Component("recordChargeStatus")
public class RecordChargeStatusDelegate implements JavaDelegate {

    private final ChargeLedger ledger;

    public RecordChargeStatusDelegate(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String status = STATUS.getLocal(execution);
        String text = TEXT.getLocal(execution);
        if (status == null || text == null) {
            throw new IllegalStateException(
                    "Task " + execution.getCurrentActivityId() + " needs the input parameters 'status' and 'text'");
        }
        ledger.recordStatus(ChargeProcess.fbsChargeId(execution), ChargeStatus.valueOf(status), text);
    }
}
