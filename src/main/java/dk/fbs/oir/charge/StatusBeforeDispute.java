package dk.fbs.oir.charge;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Where a charge stood when FBS disputed it, and goes back to when the dispute is upheld or the
 * charge reduced: the last status of its timeline before the dispute (received, submitted or
 * rejected before the invoice; invoiced, reminded, or in collection at the debtor system's
 * request). The diagram reads it as {@code ${statusBeforeDispute.of(execution)}}.
 */
@Component("statusBeforeDispute")
public class StatusBeforeDispute {

    private final ChargeLedger ledger;

    public StatusBeforeDispute(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    public String of(VariableScope execution) {
        return status(execution).name();
    }

    ChargeStatus status(VariableScope execution) {
        List<TimelineEntry> timeline = ledger.timeline(ChargeProcess.fbsChargeId(execution));
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).status() != ChargeStatus.DISPUTED) {
                return timeline.get(i).status();
            }
        }
        return ChargeStatus.RECEIVED;
    }
}
