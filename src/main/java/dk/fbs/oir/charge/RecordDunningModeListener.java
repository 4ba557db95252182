package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.DUNNING_MODE;

import dk.fbs.oir.debtorsystem.DunningMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Find opkrævningsform": records who runs the collection, in the intake's transaction. */
@Component("recordDunningMode")
public class RecordDunningModeListener implements ExecutionListener {

    private final ChargeLedger ledger;

    public RecordDunningModeListener(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String mode = DUNNING_MODE.get(execution);
        if (mode == null) {
            throw new IllegalStateException(
                    "dmn/dunning-mode.dmn gave no dunning mode for " + ChargeProcess.fbsChargeId(execution));
        }
        ledger.recordDunningMode(ChargeProcess.fbsChargeId(execution), DunningMode.valueOf(mode));
    }
}
