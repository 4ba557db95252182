package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.DEADLINE;
import static dk.fbs.oir.charge.ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID;
import static dk.fbs.oir.charge.ChargeProcess.REMINDER_NO;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Where a charge stood when FBS disputed it, and goes back to when the dispute is upheld or the
 * charge reduced: received or submitted (before the invoice), invoiced, or reminded. The diagram
 * reads it as {@code ${statusBeforeDispute.of(execution)}}.
 */
@Component("statusBeforeDispute")
public class StatusBeforeDispute {

    public String of(VariableScope execution) {
        return status(execution).name();
    }

    static ChargeStatus status(VariableScope execution) {
        if (DEADLINE.get(execution) == null) {
            return DEBTOR_SYSTEM_CLAIM_ID.get(execution) == null ? ChargeStatus.RECEIVED : ChargeStatus.SUBMITTED;
        }
        return REMINDER_NO.get(execution) > 1 ? ChargeStatus.REMINDED : ChargeStatus.INVOICED;
    }
}
