package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.ONLY_MUNICIPALITY;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RECONCILIATION_DAY;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Find kommuner til afstemning": the day (yesterday unless an operator gave one) and, as the
 * multi-instance collection {@code ${planReconciliation.municipalities(execution)}}, the
 * municipalities to reconcile.
 */
@Component("planReconciliation")
public class PlanReconciliationDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;
    private final Clock clock;

    public PlanReconciliationDelegate(Reconciliations reconciliations, Clock clock) {
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (RECONCILIATION_DAY.get(execution) == null) {
            RECONCILIATION_DAY.set(execution, LocalDate.now(clock).minusDays(1).toString());
        }
    }

    public List<String> municipalities(DelegateExecution execution) {
        String only = ONLY_MUNICIPALITY.get(execution);
        return only != null
                ? List.of(only)
                : reconciliations.municipalities(LocalDate.parse(RECONCILIATION_DAY.get(execution)));
    }
}
