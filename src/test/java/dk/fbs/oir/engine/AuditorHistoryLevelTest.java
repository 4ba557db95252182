package dk.fbs.oir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.charge.ChargeAudit;
import dk.fbs.oir.charge.ChargeProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history level "auditor" on an engine of its own: what it keeps of a charge and of other processes. */
class AuditorHistoryLevelTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("auditor-history"); // not "default": an application may run beside it
        configuration.setJdbcUrl("jdbc:h2:mem:auditor-history;DB_CLOSE_DELAY=-1");
        configuration.setCustomHistoryLevels(
                List.of(new AuditorHistoryLevel(Map.of(ChargeProcess.KEY, ChargeAudit.VARIABLES))));
        configuration.setHistory(AuditorHistoryLevel.NAME);
        configuration.setJobExecutorActivate(false);
        engine = configuration.buildProcessEngine();
        for (String key : List.of(ChargeProcess.KEY, "onboarding")) {
            engine.getRepositoryService()
                    .createDeployment()
                    .addModelInstance(
                            key + ".bpmn",
                            Bpmn.createExecutableProcess(key)
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .userTask("Task_Decide")
                                    .endEvent()
                                    .done())
                    .deploy();
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aChargeKeepsItsDecisionsButNotItsBookkeeping() {
        ProcessInstance charge = run(ChargeProcess.KEY);

        assertThat(variables(charge)).containsExactlyInAnyOrder("route", "disputeDecision");
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(charge.getId())
                        .variableName("disputeDecision")
                        .singleResult()
                        .getValue())
                .isEqualTo("REDUCE");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(charge.getId())
                        .finished()
                        .count())
                .isOne();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(charge.getId())
                        .activityId("Task_Decide")
                        .singleResult()
                        .getAssignee())
                .isEqualTo("sb-esbjerg");
    }

    @Test
    void otherProcessesKeepEveryVariable() {
        ProcessInstance onboarding = run("onboarding");

        assertThat(variables(onboarding)).containsExactlyInAnyOrder("route", "balanceOre", "disputeDecision");
    }

    @Test
    void keepsTheOperationsOfUsersWhichAuditDoesNot() {
        ProcessInstance charge = run(ChargeProcess.KEY);

        assertThat(engine.getHistoryService()
                        .createUserOperationLogQuery()
                        .processInstanceId(charge.getId())
                        .userId("sb-esbjerg")
                        .operationType("Complete")
                        .count())
                .isOne();
        assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(AuditorHistoryLevel.ID);
    }

    @Test
    void keepsNeitherTheJobLogNorTheDecisionEvaluations() {
        AuditorHistoryLevel level = new AuditorHistoryLevel(Map.of());

        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, null))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, null))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, null))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null))
                .isTrue();
    }

    /** Starts an instance with a decision and bookkeeping, a caseworker decides, and it ends. */
    private static ProcessInstance run(String key) {
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        key,
                        Variables.createVariables().putValue("route", "OPUS").putValue("balanceOre", 34950L));
        engine.getRuntimeService().setVariable(instance.getId(), "balanceOre", 10000L);
        String task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
        engine.getIdentityService().setAuthenticatedUserId("sb-esbjerg");
        try {
            engine.getTaskService().claim(task, "sb-esbjerg");
            engine.getTaskService().complete(task, Variables.createVariables().putValue("disputeDecision", "REDUCE"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        return instance;
    }

    private static Set<String> variables(ProcessInstance instance) {
        return Set.copyOf(
                engine
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list()
                        .stream()
                        .map(HistoricVariableInstance::getName)
                        .toList());
    }
}
