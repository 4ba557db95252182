package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID;
import static dk.fbs.oir.charge.ChargeProcess.ERROR_CLAIM_REJECTED;
import static dk.fbs.oir.charge.ChargeProcess.SUBMISSION_NO;

import dk.fbs.oir.debtorsystem.OirRejection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Overdrag fordring til debitorsystem"; a refusal is the BPMN error "Fordring afvist". */
@Component("submitClaim")
public class SubmitClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public SubmitClaimDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Charge charge = ledger.get(ChargeProcess.fbsChargeId(execution));
        try {
            DEBTOR_SYSTEM_CLAIM_ID.set(
                    execution,
                    claims.submit(charge, SUBMISSION_NO.getOrElse(execution, 1)).claimId());
        } catch (OirRejection rejection) {
            throw rejection.asBpmnError(
                    ERROR_CLAIM_REJECTED, charge.debtorSystem().displayName() + " afviste fordringen");
        }
    }
}
