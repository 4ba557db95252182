package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.DIFFERENCE_ID;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.REPAIR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrér rettelsen". */
@Component("recordRepair")
class RecordRepairDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;

    RecordRepairDelegate(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Resolution how = Resolution.valueOf(REPAIR.get(execution));
        reconciliations.repaired(
                DIFFERENCE_ID.get(execution),
                how,
                how == Resolution.CLAIM_RESENT
                        ? "Fordringen er oprettet igen med sin oprindelige idempotensreference"
                        : "Fordringen findes i debitorsystemet");
    }
}
