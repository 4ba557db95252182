package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeTaskDecisions.CORRECTED_CPR;
import static dk.fbs.oir.charge.ChargeTaskDecisions.DISPUTE_DECISION;
import static dk.fbs.oir.charge.ChargeTaskDecisions.REDUCTION_AMOUNT;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.tasklist.TaskForms;
import java.math.BigDecimal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The caseworker's input, checked on the server. When a task is created, what an earlier round of
 * the same task left in the process (say, the decision on a first dispute) is removed, so every
 * decision must be made anew, and what the form shows read-only becomes the task's own copy, so a
 * submitted value cannot change the process. When it is completed, the submitted values must pass the task's form
 * (required fields, one of the offered choices, length, format) and our own rules; a refusal keeps
 * the task open and shows the Danish message in Tasklist.
 */
@Component("taskInputCheck")
public class TaskInputCheck implements TaskListener {

    private final ChargeLedger ledger;
    private final TaskForms forms;

    public TaskInputCheck(ChargeLedger ledger, TaskForms forms) {
        this.ledger = ledger;
        this.forms = forms;
    }

    /** The first option of the decisions of the generated forms of process versions deployed before forms/. */
    public static final String CHOOSE = "CHOOSE";

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            forms.prepare(task);
            return;
        }
        forms.check(task);
        task.getVariables().forEach((name, value) -> {
            if (name.endsWith("Decision") && CHOOSE.equals(value)) {
                throw new ProcessEngineException("Vælg en beslutning");
            }
        });
        String correctedCpr = CORRECTED_CPR.get(task);
        if (correctedCpr != null && !correctedCpr.isBlank() && !Cpr.isValid(correctedCpr)) {
            throw new ProcessEngineException("Rettet CPR-nummer skal være 10 cifre, hvor de første seks er en dato");
        }
        if ("REDUCE".equals(DISPUTE_DECISION.get(task))) {
            Money reduction = reduction(REDUCTION_AMOUNT.get(task));
            Money balance = ledger.get(ChargeProcess.fbsChargeId(task)).balance();
            if (reduction.compareTo(balance) >= 0) {
                throw new ProcessEngineException("Nedsættelsen skal være mindre end restsaldoen ("
                        + ChargeFacts.kroner(balance) + " kr.); vælg 'Annullér gebyret' for hele beløbet");
            }
        }
    }

    /** A positive amount in kroner with at most two decimals, e.g. {@code 25.00} or {@code 25,00}. */
    static Money reduction(String amount) {
        try {
            Money reduction = Money.ofKroner(new BigDecimal(amount.trim().replace(',', '.')));
            if (reduction.isPositive()) {
                return reduction;
            }
        } catch (RuntimeException notAnAmount) {
            // the message below says what is expected
        }
        throw new ProcessEngineException(
                "Angiv beløbet, der skal nedsættes med, i kroner med højst to decimaler (fx 25,00)");
    }
}
