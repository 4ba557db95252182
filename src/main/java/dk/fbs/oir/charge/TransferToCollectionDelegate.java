package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.ERROR_TRANSFER_REJECTED;
import static dk.fbs.oir.charge.ChargeProcess.TRANSFER_NO;

import dk.fbs.oir.debtorsystem.OirRejection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Oversend til inddrivelse": the debtor system hands the claim to PSRM; a refusal is the BPMN error "Afvist af PSRM". */
@Component("transferToCollection")
public class TransferToCollectionDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;

    public TransferToCollectionDelegate(ChargeLedger ledger, ChargeClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int transferNo = TRANSFER_NO.getOrElse(execution, 1);
        try {
            claims.transfer(ledger.get(ChargeProcess.fbsChargeId(execution)), transferNo);
        } catch (OirRejection rejection) {
            throw rejection.asBpmnError(ERROR_TRANSFER_REJECTED, "PSRM afviste oversendelsen");
        }
        TRANSFER_NO.set(execution, transferNo + 1);
    }
}
