package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.MUNICIPALITY_CODE;
import static dk.fbs.oir.charge.ChargeProcess.ROUTE;

import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of "Find debitorsystem": writes the decided route into the ledger. An empty
 * decision (a municipality code missing from the register) fails the job with the code named,
 * so it becomes an incident instead of a silent default.
 */
@Component("recordRoute")
public class RecordRouteListener implements ExecutionListener {

    private final ChargeLedger ledger;

    public RecordRouteListener(ChargeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String route = ROUTE.get(execution);
        if (route == null) {
            throw new UnknownMunicipalityException(MUNICIPALITY_CODE.get(execution));
        }
        ledger.recordRoute(ChargeProcess.fbsChargeId(execution), Route.valueOf(route));
    }
}
