package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.TEXT;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Markér manglende opdatering": the debtor system has not reported a step that was due within its
 * freshness limit. The charge shows as stale to FBS and in the operators' health check, and the
 * timeline says what is missing (input parameter {@code text}); its status stays.
 */
@Component("flagMissingUpdate")
public class FlagMissingUpdateDelegate implements JavaDelegate {

    private final ChargeLedger ledger;
    private final Freshness freshness;
    private final Clock clock;

    public FlagMissingUpdateDelegate(ChargeLedger ledger, Freshness freshness, Clock clock) {
        this.ledger = ledger;
        this.freshness = freshness;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Charge charge = ledger.get(ChargeProcess.fbsChargeId(execution));
        ledger.expectUpdateSince(
                charge.fbsChargeId(), OffsetDateTime.now(clock).minus(freshness.limit(charge.debtorSystem())));
        ledger.recordStatus(charge.fbsChargeId(), charge.status(), TEXT.getLocal(execution));
    }
}
