package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** A caseworker's decision is never a default, and corrections are checked. */
class TaskInputCheckTest {

  private final TaskInputCheck check = new TaskInputCheck(mock(ChargeLedger.class));

  @Test
  void aDecisionLeftAtChooseIsRefused() {
    assertThatThrownBy(() -> check.notify(task(Map.of("approvalDecision", TaskInputCheck.CHOOSE))))
        .isInstanceOf(ProcessEngineException.class).hasMessage("Vælg en beslutning");
  }

  @Test
  void aChosenDecisionPasses() {
    assertThatCode(() -> check.notify(task(Map.of("approvalDecision", "APPROVE")))).doesNotThrowAnyException();
  }

  @Test
  void aCorrectedCprMustBeACprNumber() {
    assertThatThrownBy(() -> check.notify(task(Map.of("rejectionDecision", "RESUBMIT", "correctedCpr", "3201901234"))))
        .hasMessageContaining("CPR");
  }

  private static DelegateTask task(Map<String, Object> variables) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariables()).thenReturn(new HashMap<>(variables));
    variables.forEach((name, value) -> when(task.getVariable(name)).thenReturn(value));
    return task;
  }
}
