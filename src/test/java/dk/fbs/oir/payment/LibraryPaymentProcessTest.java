package dk.fbs.oir.payment;

import static dk.fbs.oir.payment.LibraryPaymentProcess.Element.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both paths of processes/library-payment.bpmn. */
@Deployment(
        resources = {"processes/library-payment.bpmn", "forms/handle-rejected-payment.form", "dmn/task-due-dates.dmn"})
class LibraryPaymentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private JavaDelegate forward;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("forwardLibraryPayment", (JavaDelegate) execution -> forward.execute(execution));
        Mocks.register("taskInputCheck", (org.camunda.bpm.engine.delegate.TaskListener) task -> {});
        Mocks.register("taskDueDate", new dk.fbs.oir.tasklist.TaskDueDate());
        Mocks.register("chargeFacts", (org.camunda.bpm.engine.delegate.TaskListener) task -> {});
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void paymentIsForwardedAsynchronously() {
        forward = execution -> {};
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt(Task_ForwardPayment.id());
        execute(job());
        assertThat(pi).isEnded().hasPassed(EndEvent_PaymentForwarded.id());
    }

    @Test
    void rejectedPayment_becomesACaseworkerTask() {
        forward = execution -> {
            throw new BpmnError(
                    LibraryPaymentProcess.ERROR_PAYMENT_REJECTED, "Fujitsu Prisme 2009 afviste indbetalingen");
        };
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(Task_ForwardPayment.id());
        execute(job());

        assertThat(pi).isWaitingAt(UserTask_HandleRejectedPayment.id());
        assertThat(task()).hasCandidateGroup("sagsbehandler-561");
        complete(task(), withVariables("rejectedPaymentDecision", "REFUNDED"));
        assertThat(pi).isEnded().hasPassed(EndEvent_RejectedPaymentHandled.id());
    }

    private static ProcessInstance start() {
        LibraryPaymentProcess.start(runtimeService(), "KASSE-1", "FBS-561-1", "561");
        return runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("KASSE-1")
                .singleResult();
    }
}
