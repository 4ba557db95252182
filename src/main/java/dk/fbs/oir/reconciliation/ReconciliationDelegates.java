package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.DIFFERENCE_ID;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.MUNICIPALITY_CODE;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RECONCILIATION_DAY;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.REPAIR;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RESOLUTION_DECISION;
import static dk.fbs.oir.reconciliation.ReconciliationProcess.RESOLUTION_NOTE;

import dk.fbs.oir.charge.ChargeClaims;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.OirRejection;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of reconciliation.bpmn and reconciliation-difference.bpmn. */
@Configuration
class ReconciliationDelegates {

  /** "Afstem kommune": statement against ledger; new differences start their own process. */
  @Bean("reconcileMunicipality")
  JavaDelegate reconcileMunicipality(Reconciliations reconciliations) {
    return execution -> reconciliations.reconcile(MUNICIPALITY_CODE.get(execution),
        LocalDate.parse(RECONCILIATION_DAY.get(execution)));
  }

  /** "Gensend fordringen": re-creates a lost claim with its original idempotency reference. */
  @Bean("resendClaim")
  JavaDelegate resendClaim(Reconciliations reconciliations, ChargeClaims claims) {
    return execution -> {
      Difference difference = reconciliations.difference(DIFFERENCE_ID.get(execution));
      ClaimState claim;
      try {
        claim = claims.restore(difference.fbsChargeId());
      } catch (OirRejection rejection) {
        throw rejection.asBpmnError(ReconciliationProcess.ERROR_REPAIR_FAILED,
            difference.debtorSystem().displayName() + " afviste fordringen");
      }
      REPAIR.set(execution, (claim.claimId().equals(difference.claimId()) ? Resolution.NO_LONGER_MISSING
          : Resolution.CLAIM_RESENT).name());
    };
  }

  /** "Registrér rettelsen". */
  @Bean("recordRepair")
  JavaDelegate recordRepair(Reconciliations reconciliations) {
    return execution -> {
      Resolution how = Resolution.valueOf(REPAIR.get(execution));
      reconciliations.repaired(DIFFERENCE_ID.get(execution), how, how == Resolution.CLAIM_RESENT
          ? "Fordringen er oprettet igen med sin oprindelige idempotensreference"
          : "Fordringen findes i debitorsystemet");
    };
  }

  /** "Registrér afgørelsen": the caseworker's decision, reason and name. */
  @Bean("recordResolution")
  JavaDelegate recordResolution(Reconciliations reconciliations, IdentityService identity) {
    return execution -> {
      var user = identity.getCurrentAuthentication();
      reconciliations.resolved(DIFFERENCE_ID.get(execution), Resolution.valueOf(RESOLUTION_DECISION.get(execution)),
          RESOLUTION_NOTE.get(execution), user == null ? "ukendt" : user.getUserId());
    };
  }
}
