package dk.fbs.oir.onboarding;

import static dk.fbs.oir.onboarding.OnboardingProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/onboarding.bpmn: Dragør's road from enrolment to go-live, with a failed test and a postponement. */
@Deployment(
        resources = {
            "processes/onboarding.bpmn",
            "forms/enrol.form",
            "forms/choose-wave.form",
            "forms/klik-task.form",
            "forms/retry-vendor-test.form",
            "forms/approve-go-live.form",
            "forms/postpone-go-live.form"
        })
class OnboardingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> recorded = new ArrayList<>();
    private final List<Boolean> testOutcomes = new ArrayList<>();

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("onboardingFacts", new Facts());
        Mocks.register("onboardingInputCheck", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                    && UserTask_Enrol.id().equals(task.getTaskDefinitionKey())
                    && !String.valueOf(task.getVariable("projectLeaderEmail")).contains("@")) {
                throw new ProcessEngineException("Projektleders e-mail skal være en e-mailadresse");
            }
        });
        Mocks.register("recordEnrolment", record("enrolled"));
        Mocks.register("reserveWave", (JavaDelegate) execution -> {
            long wave = ((Number) execution.getVariable("wave")).longValue();
            recorded.add("wave " + wave);
            execution.setVariable("goLiveDate", wave == 5 ? "2027-03-01" : "2027-06-01");
        });
        Mocks.register("chooseKlikTasks", record("klik tasks chosen"));
        Mocks.register("klikTaskListener", (TaskListener) (DelegateTask task) -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.setName("KLIK: " + task.getVariable("klikTask"));
            } else {
                recorded.add("done " + task.getVariable("klikTask"));
            }
        });
        Mocks.register("vendorConnectionTest", (JavaDelegate) execution -> {
            boolean passed = testOutcomes.remove(0);
            execution.setVariable("vendorTestPassed", passed);
            execution.setVariable("vendorTestResult", passed ? "Bestået" : "Ingen forbindelse til Fujitsu Prisme 2015");
        });
        Mocks.register("recordApproval", record("approved"));
        Mocks.register("goLive", record("live"));
    }

    /** Stands in for {@link OnboardingFacts}: the forms' facts are those of the task's own round. */
    public static class Facts implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal("factMunicipality", "155 Dragør");
        }

        public List<String> klikTasks(String municipalityCode) {
            return List.of("FUNCTION_CERTIFICATE", "ENDPOINT");
        }

        public Date goLiveAt(String goLiveDate) {
            return Date.from(LocalDate.parse(goLiveDate)
                    .atStartOfDay(ZoneId.systemDefault())
                    .toInstant());
        }
    }

    private JavaDelegate record(String what) {
        return execution -> recorded.add(what);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void dragoerEnrolsChoosesAWaveDoesItsKlikTasksPassesTheSecondTestIsPostponedAndGoesLive() {
        ProcessInstance pi = OnboardingProcess.start(runtimeService(), "155", "PRISME_2015");

        assertThat(pi).isWaitingAt(UserTask_Enrol.id());
        assertThat(task()).hasCandidateGroup("projektleder-155").hasName("Tilmeld implementeringsforløbet");
        complete(task(), withVariables("projectLeaderName", "Pia Leder", "projectLeaderEmail", "pl@dragoer.dk"));
        assertThat(pi).isWaitingAt(UserTask_ChooseWave.id());
        complete(task(), withVariables("wave", 5L));

        assertThat(pi).isWaitingAt(UserTask_KlikTask.id());
        assertThat(taskQuery().list())
                .extracting(t -> t.getName())
                .containsExactlyInAnyOrder("KLIK: FUNCTION_CERTIFICATE", "KLIK: ENDPOINT");
        taskQuery().list().forEach(t -> complete(t, withVariables("klikTaskNote", "OK")));

        testOutcomes.addAll(List.of(false, true));
        assertThat(pi).isWaitingAt(Task_VendorTest.id());
        execute(job());
        assertThat(pi).isWaitingAt(UserTask_RetryVendorTest.id());
        complete(task(), withVariables("retryNote", "Endpoint rettet"));
        execute(job());
        assertThat(pi).isWaitingAt(UserTask_ApproveGoLive.id());
        complete(task(), withVariables("approvalReason", "KLIK-opgaverne er løst, og testen er bestået"));

        assertThat(pi).isWaitingAt(UserTask_PostponeGoLive.id());
        assertThat(dueDate()).isEqualTo(new Facts().goLiveAt("2027-03-01"));
        complete(task(), withVariables("wave", 6L, "postponementReason", "Sagsbehandlerne er ikke undervist"));
        assertThat(pi).isWaitingAt(UserTask_PostponeGoLive.id());
        assertThat(dueDate()).as("the later wave's date").isEqualTo(new Facts().goLiveAt("2027-06-01"));

        execute(managementService().createJobQuery().timers().singleResult());
        assertThat(pi).isWaitingAt(Task_GoLive.id());
        execute(job());
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        Gateway_VendorTestMerge.id(),
                        Gateway_VendorTestPassed.id(),
                        Task_RecordApproval.id(),
                        Gateway_WaitMerge.id(),
                        Task_MoveWave.id(),
                        BoundaryEvent_GoLiveDate.id(),
                        EndEvent_Live.id());
        assertThat(recorded)
                .containsExactly(
                        "enrolled",
                        "wave 5",
                        "klik tasks chosen",
                        "done FUNCTION_CERTIFICATE",
                        "done ENDPOINT",
                        "approved",
                        "wave 6",
                        "live");
    }

    @Test
    void anEnrolmentWithoutAnEmailAddressStaysOpen() {
        ProcessInstance pi = OnboardingProcess.start(runtimeService(), "155", "KMD_OPUS");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(
                        task(pi), withVariables("projectLeaderName", "Pia Leder", "projectLeaderEmail", "pia")))
                .hasMessageContaining("e-mail");
        assertThat(pi).isWaitingAt(UserTask_Enrol.id());
        assertThat(pi.getBusinessKey()).isEqualTo("onboarding-155");
        assertThat(runtimeService().getVariables(pi.getId()))
                .containsAllEntriesOf(
                        Map.of("municipalityCode", "155", "debtorSystem", "KMD_OPUS", "vendorTestAttempt", 0));
    }

    private static Date dueDate() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        return timer.getDuedate();
    }
}
