package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.tasklist.TaskForms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/**
 * A caseworker's decision is never a default, what the form offers is checked again on the server,
 * and corrections are checked.
 */
class TaskInputCheckTest {

    /** The real checks, on the form of the test's choosing. */
    private final TaskForms forms = spy(new TaskForms());

    private final ChargeLedger ledger = mock(ChargeLedger.class);
    private final TaskInputCheck check = new TaskInputCheck(ledger, forms);

    @Test
    void aDecisionTheFormDoesNotOfferIsRefused() throws IOException {
        form("handle-dispute");

        assertThatThrownBy(() -> check.notify(completed(Map.of("disputeDecision", "FORGIVE_EVERYTHING"))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("Vælg en af mulighederne under 'Beslutning'");
    }

    @Test
    void aMissingDecisionIsRefused() throws IOException {
        form("approve-collection");

        assertThatThrownBy(() -> check.notify(completed(Map.of()))).hasMessage("Udfyld 'Beslutning'");
    }

    @Test
    void aRequiredNoteIsRefusedWhenBlankOrTooLong() throws IOException {
        form("resolve-difference");

        assertThatThrownBy(() ->
                        check.notify(completed(Map.of("resolutionDecision", "NO_CORRECTION", "resolutionNote", " "))))
                .hasMessage("Udfyld 'Begrundelse'");
        assertThatThrownBy(() -> check.notify(
                        completed(Map.of("resolutionDecision", "NO_CORRECTION", "resolutionNote", "x".repeat(1001)))))
                .hasMessage("'Begrundelse' må højst være 1000 tegn");
    }

    @Test
    void aChosenDecisionPasses() throws IOException {
        form("approve-collection");

        assertThatCode(() -> check.notify(completed(Map.of("approvalDecision", "APPROVE"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aDecisionLeftAtChooseByAnOlderGeneratedFormIsRefused() {
        doReturn(new TaskForms.Form(List.of(), List.of()))
                .when(forms)
                .of(org.mockito.ArgumentMatchers.any(DelegateTask.class));

        assertThatThrownBy(() -> check.notify(completed(Map.of("approvalDecision", TaskInputCheck.CHOOSE))))
                .hasMessage("Vælg en beslutning");
    }

    @Test
    void aCorrectedCprMustBeACprNumber() throws IOException {
        form("handle-rejected-claim");

        assertThatThrownBy(
                        () -> check.notify(completed(Map.of("rejectionDecision", "RESUBMIT", "correctedCpr", "123"))))
                .hasMessageContaining("CPR-nummer skal være 10 cifre");
        assertThatThrownBy(() ->
                        check.notify(completed(Map.of("rejectionDecision", "RESUBMIT", "correctedCpr", "3201901234"))))
                .hasMessageContaining("CPR-nummer skal være 10 cifre");
    }

    @Test
    void aReductionMustBeLessThanTheBalance() throws IOException {
        form("handle-dispute");
        Charge charge = mock(Charge.class);
        when(charge.balance()).thenReturn(Money.ofOre(12500));
        when(ledger.get("FBS-561-1")).thenReturn(charge);

        assertThatThrownBy(() -> check.notify(completed(
                        Map.of("fbsChargeId", "FBS-561-1", "disputeDecision", "REDUCE", "reductionAmount", "125,00"))))
                .hasMessageContaining("mindre end restsaldoen (125,00 kr.)");
        assertThatCode(() -> check.notify(completed(
                        Map.of("fbsChargeId", "FBS-561-1", "disputeDecision", "REDUCE", "reductionAmount", "25,00"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aNewRoundStartsWithoutTheEarlierDecisionAndShowsItsOwnCopyOfTheFacts() throws IOException {
        form("handle-dispute");
        DelegateTask task = completed(Map.of("disputeDecision", "UPHOLD"));
        DelegateExecution execution = mock(DelegateExecution.class);
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
        when(task.getExecution()).thenReturn(execution);

        when(task.getVariable("disputeText")).thenReturn("Bogen blev afleveret til tiden");

        check.notify(task);

        verify(execution).removeVariable("disputeDecision");
        verify(execution).removeVariable("reductionAmount");
        verify(task).setVariableLocal("disputeText", "Bogen blev afleveret til tiden");
    }

    private void form(String name) throws IOException {
        TaskForms.Form form = TaskForms.of(
                new ObjectMapper().readTree(Path.of("forms", name + ".form").toFile()));
        doReturn(form).when(forms).of(org.mockito.ArgumentMatchers.any(DelegateTask.class));
    }

    private static DelegateTask completed(Map<String, Object> variables) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
        when(task.getVariables()).thenReturn(new HashMap<>(variables));
        variables.forEach((name, value) -> when(task.getVariable(name)).thenReturn(value));
        return task;
    }
}
