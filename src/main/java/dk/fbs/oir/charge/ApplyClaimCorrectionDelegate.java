package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.SUBMISSION_NO;
import static dk.fbs.oir.charge.ChargeTaskDecisions.CORRECTED_CPR;
import static dk.fbs.oir.charge.ChargeTaskDecisions.CORRECTED_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ret fordringens data": moves a caseworker's corrections into the ledger and out of the process
 * variables (a CPR number must not stay there), and counts the submission up so the new
 * OpretFordring is a new request for the debtor system.
 */
@Component("applyClaimCorrection")
public class ApplyClaimCorrectionDelegate implements JavaDelegate {

    private final ChargeLedger ledger;

    public ApplyClaimCorrectionDelegate(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String fbsChargeId = ChargeProcess.fbsChargeId(execution);
        ledger.correctDebtor(
                fbsChargeId, blankToNull(CORRECTED_NAME.get(execution)), blankToNull(CORRECTED_CPR.get(execution)));
        execution.removeVariable(CORRECTED_NAME.name());
        execution.removeVariable(CORRECTED_CPR.name());
        SUBMISSION_NO.set(execution, SUBMISSION_NO.getOrElse(execution, 1) + 1);
        ledger.recordStatus(fbsChargeId, ChargeStatus.RECEIVED, "Rettet af sagsbehandler; fordringen sendes igen");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
