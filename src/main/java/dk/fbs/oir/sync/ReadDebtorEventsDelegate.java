package dk.fbs.oir.sync;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import jakarta.xml.ws.WebServiceException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Læs hændelser": one debtor system's events (the multi-instance element variable {@code debtorSystem}). */
@Component("readDebtorEvents")
public class ReadDebtorEventsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReadDebtorEventsDelegate.class);

    private final DebtorSync sync;

    public ReadDebtorEventsDelegate(DebtorSync sync) {
        this.sync = sync;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DebtorSystem system = DebtorSystem.valueOf((String) execution.getVariable("debtorSystem"));
        try {
            execution.setVariableLocal("eventsApplied", sync.sync(system));
        } catch (WebServiceException unreachable) {
            // the next run reads from the same cursor; the freshness of each charge shows the delay
            log.warn("{} did not answer the event read: {}", system.displayName(), unreachable.getMessage());
            execution.setVariableLocal("syncError", system.displayName() + " svarede ikke");
        }
    }
}
