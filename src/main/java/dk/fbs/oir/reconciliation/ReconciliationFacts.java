package dk.fbs.oir.reconciliation;

import dk.fbs.oir.charge.ChargeFacts;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.common.ProcessVariable;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the caseworker's task "Afklar afstemningsdifference" shows of a difference: both sides,
 * side by side. Set on the task when it is created ({@code ${reconciliationFacts}}, event create),
 * as task variables that forms/resolve-difference.form shows as disabled fields.
 */
@Component("reconciliationFacts")
public class ReconciliationFacts implements TaskListener {

    public static final ProcessVariable<String> KIND = ProcessVariable.of("factKind", String.class);
    public static final ProcessVariable<String> SUBJECT = ProcessVariable.of("factSubject", String.class);
    public static final ProcessVariable<String> OURS = ProcessVariable.of("factOurs", String.class);
    public static final ProcessVariable<String> THEIRS = ProcessVariable.of("factTheirs", String.class);
    /** The debtor system's amount minus ours, in Danish notation; empty when the difference is not one of amounts. */
    public static final ProcessVariable<String> AMOUNT = ProcessVariable.of("factAmount", String.class);

    private final Reconciliations reconciliations;

    public ReconciliationFacts(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ReconciliationProcess.DIFFERENCE_ID.get(task);
        Long ore = reconciliations.difference(id).amountOre();
        task.setVariablesLocal(Map.of(
                KIND.name(),
                kind(id),
                SUBJECT.name(),
                subject(id),
                OURS.name(),
                orDash(ours(id)),
                THEIRS.name(),
                orDash(theirs(id)),
                AMOUNT.name(),
                ore == null ? "" : ChargeFacts.kroner(Money.ofOre(ore))));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    // kind(...) to amount(...) also serve the generated form of process versions deployed before forms/.

    public String kind(long differenceId) {
        Difference d = reconciliations.difference(differenceId);
        return d.kind().text() + " (" + d.debtorSystem().displayName() + ", set første gang " + d.firstSeenOn() + ")";
    }

    public String subject(long differenceId) {
        Difference d = reconciliations.difference(differenceId);
        return "Gebyr " + (d.fbsChargeId() == null ? "—" : d.fbsChargeId()) + ", fordring "
                + (d.claimId() == null ? "—" : d.claimId())
                + (d.postingId() == null ? "" : ", postering " + d.postingId());
    }

    public String ours(long differenceId) {
        return reconciliations.difference(differenceId).ours();
    }

    public String theirs(long differenceId) {
        return reconciliations.difference(differenceId).theirs();
    }

    public String amount(long differenceId) {
        Long ore = reconciliations.difference(differenceId).amountOre();
        return ore == null ? "—" : Money.ofOre(ore) + " kr.";
    }
}
