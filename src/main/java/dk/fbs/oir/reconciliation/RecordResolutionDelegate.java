package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.DIFFERENCE_ID;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RESOLUTION_DECISION;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RESOLUTION_NOTE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrér afgørelsen": the caseworker's decision, reason and name. */
@Component("recordResolution")
class RecordResolutionDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;
    private final IdentityService identity;

    RecordResolutionDelegate(Reconciliations reconciliations, IdentityService identity) {
        this.reconciliations = reconciliations;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var user = identity.getCurrentAuthentication();
        reconciliations.resolved(
                DIFFERENCE_ID.get(execution),
                Resolution.valueOf(RESOLUTION_DECISION.get(execution)),
                RESOLUTION_NOTE.get(execution),
                user == null ? "ukendt" : user.getUserId());
    }
}
