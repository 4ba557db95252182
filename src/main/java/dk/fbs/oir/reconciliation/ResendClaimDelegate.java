package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.DIFFERENCE_ID;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.REPAIR;

import dk.fbs.oir.charge.ChargeClaims;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.OirRejection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Gensend fordringen": re-creates a lost claim with its original idempotency reference. */
@Component("resendClaim")
class ResendClaimDelegate implements JavaDelegate {

    private final Reconciliations reconciliations;
    private final ChargeClaims claims;

    ResendClaimDelegate(Reconciliations reconciliations, ChargeClaims claims) {
        this.reconciliations = reconciliations;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Difference difference = reconciliations.difference(DIFFERENCE_ID.get(execution));
        ClaimState claim;
        try {
            claim = claims.restore(difference.fbsChargeId());
        } catch (OirRejection rejection) {
            throw rejection.asBpmnError(
                    ReconciliationProcess.ERROR_REPAIR_FAILED,
                    difference.debtorSystem().displayName() + " afviste fordringen");
        }
        REPAIR.set(
                execution,
                (claim.claimId().equals(difference.claimId()) ? Resolution.NO_LONGER_MISSING : Resolution.CLAIM_RESENT)
                        .name());
    }
}
