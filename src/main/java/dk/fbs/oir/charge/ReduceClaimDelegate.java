package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;
import static dk.fbs.oir.charge.ChargeTaskDecisions.REDUCTION_AMOUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Nedsæt fordringen": credits the amount a caseworker decided on after a dispute (before the
 * claim was submitted: reduces the amount it will be submitted for).
 */
@Component("reduceClaim")
public class ReduceClaimDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final ChargeClaims claims;
    private final StatusBeforeDispute statusBeforeDispute;

    public ReduceClaimDelegate(ChargeLedger ledger, ChargeClaims claims, StatusBeforeDispute statusBeforeDispute) {
        this.ledger = ledger;
        this.claims = claims;
        this.statusBeforeDispute = statusBeforeDispute;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BALANCE_ORE.set(
                execution,
                claims.reduce(
                                ledger.get(ChargeProcess.fbsChargeId(execution)),
                                TaskInputCheck.reduction(REDUCTION_AMOUNT.get(execution)),
                                statusBeforeDispute.status(execution))
                        .ore());
    }
}
