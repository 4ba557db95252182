package dk.fbs.oir.reconciliation;

import static dk.fbs.oir.reconciliation.ReconciliationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/reconciliation.bpmn and reconciliation-difference.bpmn with dmn/reconciliation-handling.dmn. */
@Deployment(
        resources = {
            "processes/reconciliation.bpmn",
            "processes/reconciliation-difference.bpmn",
            "dmn/reconciliation-handling.dmn",
            "forms/resolve-difference.form",
            "dmn/task-due-dates.dmn"
        })
class ReconciliationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> reconciled = new ArrayList<>();
    private final List<String> recorded = new ArrayList<>();
    private JavaDelegate resend;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ReconciliationSettings settings = new ReconciliationSettings();
        settings.setCycle("R/PT24H");
        Mocks.register("reconciliationSettings", settings);
        Mocks.register("planReconciliation", new Plan());
        Mocks.register("reconcileMunicipality", (JavaDelegate) execution -> reconciled.add(
                execution.getVariable("municipalityCode") + " " + execution.getVariable("reconciliationDay")));
        Mocks.register("resendClaim", (JavaDelegate) execution -> resend.execute(execution));
        Mocks.register(
                "recordRepair", (JavaDelegate) execution -> recorded.add("repair " + execution.getVariable("repair")));
        Mocks.register("recordResolution", (JavaDelegate)
                execution -> recorded.add("resolution " + execution.getVariable("resolutionDecision")));
        Mocks.register("taskInputCheck", (TaskListener) task -> {});
        Mocks.register("taskDueDate", new dk.fbs.oir.tasklist.TaskDueDate());
        Mocks.register("reconciliationFacts", (TaskListener) task -> {});
    }

    /** Stands in for {@link PlanReconciliationDelegate}: yesterday is 2026-11-20; three municipalities are live. */
    public static class Plan implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            if (execution.getVariable("reconciliationDay") == null) {
                execution.setVariable("reconciliationDay", "2026-11-20");
            }
        }

        public List<String> municipalities(DelegateExecution execution) {
            Object only = execution.getVariable("onlyMunicipality");
            return only != null ? List.of((String) only) : List.of("101", "561", "621");
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theDailyTimerReconcilesEveryLiveMunicipalityInItsOwnJob() {
        execute(managementService().createJobQuery().timers().singleResult());
        List<org.camunda.bpm.engine.runtime.Job> perMunicipality =
                managementService().createJobQuery().executable().list();
        perMunicipality.forEach(BpmnAwareTests::execute);

        assertThat(reconciled).containsExactlyInAnyOrder("101 2026-11-20", "561 2026-11-20", "621 2026-11-20");
        assertThat(historyService()
                        .createHistoricActivityInstanceQuery()
                        .activityId(EndEvent_ReconciliationDone.id())
                        .count())
                .isEqualTo(1);
        assertThat(managementService().createJobQuery().timers().count())
                .as("tomorrow's run")
                .isEqualTo(1);
    }

    @Test
    void anOperatorCanAskForOneMunicipalityAndDay() {
        ProcessInstance pi = ReconciliationProcess.request(runtimeService(), "561", LocalDate.of(2026, 11, 1));

        assertThat(pi).isWaitingAt(Task_ReconcileMunicipality.id() + "#multiInstanceBody");
        managementService().createJobQuery().executable().list().forEach(BpmnAwareTests::execute);
        assertThat(pi).isEnded().hasPassed(StartEvent_ReconciliationRequested.id(), EndEvent_ReconciliationDone.id());
        assertThat(reconciled).containsExactly("561 2026-11-01");
    }

    @Test
    void aLostClaimWithNoHistoryIsResentAutomatically() {
        resend = execution -> execution.setVariable("repair", Resolution.CLAIM_RESENT.name());
        ProcessInstance pi = startDifference(DifferenceKind.MISSING_IN_DEBTOR_SYSTEM, "INVOICED", true);

        assertThat(pi).isWaitingAt(Task_ResendClaim.id());
        execute(job());
        assertThat(pi).isEnded().hasPassed(Task_ChooseHandling.id(), Task_RecordRepair.id(), EndEvent_Repaired.id());
        assertThat(recorded).containsExactly("repair CLAIM_RESENT");
    }

    @Test
    void aRefusedRepairGoesToTheCaseworker() {
        resend = execution -> {
            throw new BpmnError(
                    ReconciliationProcess.ERROR_REPAIR_FAILED, "KMD Opus afviste fordringen: Debitor er ukendt");
        };
        ProcessInstance pi = startDifference(DifferenceKind.MISSING_IN_DEBTOR_SYSTEM, "SUBMITTED", true);
        execute(job(pi));

        assertThat(pi)
                .isWaitingAt(UserTask_ResolveDifference.id())
                .variables()
                .containsEntry("repairFailure", "KMD Opus afviste fordringen: Debitor er ukendt");
        complete(
                task(pi),
                withVariables(
                        "resolutionDecision", "CORRECTED_IN_DEBTOR_SYSTEM", "resolutionNote", "Oprettet manuelt"));
        assertThat(pi).isEnded().hasPassed(BoundaryEvent_RepairFailed.id(), EndEvent_Resolved.id());
    }

    @Test
    void everyOtherDifferenceIsACaseworkerTaskOfItsMunicipality() {
        ProcessInstance pi = startDifference(DifferenceKind.AMOUNT_DIFFERS, "INVOICED", true);

        assertThat(pi).isWaitingAt(UserTask_ResolveDifference.id());
        assertThat(task()).hasCandidateGroup("sagsbehandler-561").hasName("Afklar afstemningsdifference");
        complete(task(), withVariables("resolutionDecision", "NO_CORRECTION", "resolutionNote", "Kendt afrunding"));
        assertThat(pi).isEnded().hasPassed(Task_RecordResolution.id(), EndEvent_Resolved.id());
        assertThat(recorded).containsExactly("resolution NO_CORRECTION");
    }

    private static ProcessInstance startDifference(DifferenceKind kind, String chargeStatus, boolean untouched) {
        Difference d = new Difference(
                7,
                "561",
                DebtorSystem.PRISME_2009,
                kind,
                "FBS-561-1",
                "C1",
                null,
                "ours",
                "theirs",
                null,
                LocalDate.of(2026, 11, 20),
                "OPEN",
                null,
                null,
                null,
                null);
        return ReconciliationProcess.startDifference(runtimeService(), d, chargeStatus, untouched);
    }
}
