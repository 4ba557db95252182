package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.MUNICIPALITY_CODE;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RECONCILIATION_DAY;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Afstem kommune": statement against ledger; new differences start their own process. */
@Component("reconcileMunicipality")
class ReconcileMunicipalityDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;

    ReconcileMunicipalityDelegate(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reconciliations.reconcile(MUNICIPALITY_CODE.get(execution), LocalDate.parse(RECONCILIATION_DAY.get(execution)));
    }
}
