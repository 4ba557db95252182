package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.BALANCE_ORE;

import dk.fbs.oir.common.Money;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Tells a charge's running process what happened: its messages, and the balance it reads at its next wait. */
@Component
class ChargeMessages {

    private final RuntimeService runtimeService;
    private final ChargeLedger ledger;
    private final ChargeFacts facts;

    ChargeMessages(RuntimeService runtimeService, ChargeLedger ledger, ChargeFacts facts) {
        this.runtimeService = runtimeService;
        this.ledger = ledger;
        this.facts = facts;
    }

    /** Delivers the message if the process waits for it; otherwise it is not needed (the ledger has the news). */
    void deliverIfWaiting(Charge charge, ChargeProcess.Message message, Map<String, Object> variables) {
        correlate(charge, message, variables);
    }

    /**
     * Delivers the message if the process waits for it; otherwise its variables are kept on the
     * instance, where the process finds them when it comes to wait for it (after a dispute).
     */
    void deliverOrKeep(Charge charge, ChargeProcess.Message message, Map<String, Object> variables) {
        if (!correlate(charge, message, variables)) {
            ProcessInstance instance = instance(charge);
            if (instance != null) {
                runtimeService.setVariables(instance.getId(), variables);
            }
        }
    }

    /** Delivers the message, or refuses the request with {@code whenNotWaiting} if the process does not wait for it. */
    void deliver(Charge charge, ChargeProcess.Message message, Map<String, Object> variables, String whenNotWaiting) {
        if (!correlate(charge, message, variables)) {
            throw new ChargeStateException(whenNotWaiting);
        }
    }

    /**
     * The process reads the balance at its next wait, whether or not it waits for a payment now; an
     * open task shows it at once.
     */
    void setBalance(Charge charge, Money balance) {
        ProcessInstance instance = instance(charge);
        if (instance != null) {
            runtimeService.setVariable(instance.getId(), BALANCE_ORE.name(), balance.ore());
            facts.refresh(ledger.get(charge.fbsChargeId()), instance.getId());
        }
    }

    private ProcessInstance instance(Charge charge) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(ChargeProcess.KEY)
                .processInstanceBusinessKey(charge.fbsChargeId())
                .singleResult();
    }

    private boolean correlate(Charge charge, ChargeProcess.Message message, Map<String, Object> variables) {
        return !runtimeService
                .createMessageCorrelation(message.name())
                .processInstanceBusinessKey(charge.fbsChargeId())
                .setVariables(variables)
                .correlateAllWithResult()
                .isEmpty();
    }
}
