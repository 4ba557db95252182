package dk.fbs.oir.tasklist;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.fbs.oir.DmnRuleRecorder;
import dk.fbs.oir.charge.ChargeProcess;
import dk.fbs.oir.onboarding.OnboardingProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/task-due-dates.dmn: the days a caseworker has for each kind of task, and none for the rest. */
class TaskDueDatesDmnTest {

    private static final DmnRuleRecorder RULES = new DmnRuleRecorder();
    private static DmnEngine engine;
    private static DmnModelInstance model;
    private static DmnDecision decision;

    @BeforeAll
    static void loadDmn() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
        try (InputStream dmn =
                TaskDueDatesDmnTest.class.getClassLoader().getResourceAsStream("dmn/task-due-dates.dmn")) {
            model = Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decision = engine.parseDecision(TaskDueDate.DECISION, model);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                arguments(ChargeProcess.Element.UserTask_HandleDispute.id(), 14, "Rule_HandleDispute"),
                arguments(ChargeProcess.Element.UserTask_HandleRejectedClaim.id(), 5, "Rule_HandleRejectedClaim"),
                arguments("UserTask_HandleRejectedPayment", 5, "Rule_HandleRejectedPayment"),
                arguments(ChargeProcess.Element.UserTask_HandleOverpayment.id(), 14, "Rule_HandleOverpayment"),
                arguments(ChargeProcess.Element.UserTask_CheckMissingUpdate.id(), 3, "Rule_CheckMissingUpdate"),
                arguments(ChargeProcess.Element.UserTask_ApproveCollection.id(), 10, "Rule_ApproveCollection"),
                arguments(ChargeProcess.Element.UserTask_HandleReturnedClaim.id(), 14, "Rule_HandleReturnedClaim"),
                arguments("UserTask_ResolveDifference", 5, "Rule_ResolveDifference"),
                arguments(OnboardingProcess.Element.UserTask_ChooseWave.id(), null, "Rule_NoDueDate"),
                arguments("UserTask_Unknown", null, "Rule_NoDueDate"));
    }

    @ParameterizedTest(name = "{0}: {1} days")
    @MethodSource("examples")
    void eachTaskHasItsDays(String taskDefinitionKey, Integer days, String rule) {
        assertThat(evaluate(taskDefinitionKey)).isEqualTo(days);
        assertThat(RULES.matchedRuleIds()).containsExactly(rule);
    }

    @Test
    void everyRuleIsHitByAnExample() {
        Set<String> hit = examples()
                .map(a -> (String) a.get()[0])
                .flatMap(key -> {
                    evaluate(key);
                    return RULES.matchedRuleIds().stream();
                })
                .collect(toSet());
        assertThat(hit).containsExactlyInAnyOrderElementsOf(DmnRuleRecorder.ruleIds(model, TaskDueDate.DECISION));
    }

    /** Every caseworker task (group sagsbehandler-...) of every process gets a due date; a renamed task fails here. */
    @Test
    void everyCaseworkerTaskHasADueDate() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<UserTask> caseworkerTasks = files.filter(f -> f.toString().endsWith(".bpmn"))
                    .flatMap(f -> Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(UserTask.class).stream())
                    .filter(t -> String.valueOf(t.getCamundaCandidateGroups()).startsWith("sagsbehandler-"))
                    .toList();
            assertThat(caseworkerTasks).isNotEmpty();
            for (UserTask t : caseworkerTasks) {
                assertThat(evaluate(t.getId())).as(t.getId()).isNotNull().isPositive();
                assertThat(t.getExtensionElements()
                                .getElementsQuery()
                                .filterByType(CamundaTaskListener.class)
                                .list())
                        .as("%s sets its due date when created", t.getId())
                        .anyMatch(l -> "${taskDueDate}".equals(l.getCamundaDelegateExpression())
                                && "create".equals(l.getCamundaEvent()));
            }
        }
    }

    private static Integer evaluate(String taskDefinitionKey) {
        RULES.clear();
        Object days = engine.evaluateDecision(decision, Map.of("taskDefinitionKey", taskDefinitionKey))
                .getSingleResult()
                .getEntry("dueInDays");
        return days == null ? null : ((Number) days).intValue();
    }
}
