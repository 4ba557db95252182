package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.fbs.oir.MutableClock;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
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

/**
 * Every path of processes/charge.bpmn, one test per path, on an in-memory engine with the real
 * DMN tables and stand-ins for the delegates (their own behaviour is tested with the simulator).
 * Timers are driven through the job API, messages by correlation, user tasks by the task service.
 * Flow-node coverage of the class must be 100 %.
 */
@Deployment(
        resources = {
            "processes/charge.bpmn",
            "dmn/debtor-routing.dmn",
            "dmn/reminder-policy.dmn",
            "dmn/collection.dmn",
            "dmn/task-due-dates.dmn",
            "dmn/dunning-mode.dmn",
            "dmn/missing-update.dmn",
            "forms/check-missing-update.form",
            "forms/handle-rejected-claim.form",
            "forms/handle-dispute.form",
            "forms/handle-overpayment.form",
            "forms/approve-collection.form",
            "forms/handle-returned-claim.form"
        })
class ChargeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** What the stand-in of "recordChargeStatus" was asked to record, "STATUS: text". */
    private final List<String> recorded = new ArrayList<>();
    /** Which stand-ins of calls to the debtor system ran, in order. */
    private final List<String> calls = new ArrayList<>();

    /** What the stand-in of creditClaim found: a claim settled before the cancellation, or NONE. */
    private String settledBeforeCancellation = "NONE";

    private JavaDelegate submitClaim;
    /** The clock of "deadlines": {@link #passDeadline} moves it to the timer's date, as time would. */
    private final MutableClock clock = new MutableClock();
    /** What the stand-in of "statusBeforeDispute" answers (the ledger's last status before the dispute). */
    private String statusBeforeDispute = "INVOICED";

    private JavaDelegate transferToCollection;

    @BeforeEach
    void registerStandIns() {
        // Spring test contexts of other classes may still hold their engines in this JVM
        BpmnAwareTests.init(engine.getProcessEngine());
        submitClaim = execution -> ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID.set(execution, "900000001");
        transferToCollection = execution -> {};
        Mocks.register("recordRoute", (ExecutionListener) execution -> {
            if (ChargeProcess.ROUTE.get(execution) == null) {
                throw new UnknownMunicipalityException(ChargeProcess.MUNICIPALITY_CODE.get(execution));
            }
        });
        Mocks.register("recordChargeStatus", (JavaDelegate) execution ->
                recorded.add(ChargeProcess.STATUS.getLocal(execution) + ": " + ChargeProcess.TEXT.getLocal(execution)));
        Mocks.register("submitClaim", call("submitClaim", execution -> submitClaim.execute(execution)));
        Mocks.register(
                "recordInvoice",
                call(
                        "recordInvoice",
                        execution ->
                                ChargeProcess.DEADLINE.set(execution, ChargeProcess.LAST_PAY_DATE.get(execution))));
        Mocks.register("remindDebtor", call("sendReminder", execution -> {
            ChargeProcess.REMINDER_NO.set(execution, ChargeProcess.REMINDER_NO.get(execution) + 1);
            ChargeProcess.DEADLINE.set(execution, "2026-12-31");
        }));
        Mocks.register(
                "applyClaimCorrection",
                call(
                        "applyClaimCorrection",
                        execution -> ChargeProcess.SUBMISSION_NO.set(
                                execution, ChargeProcess.SUBMISSION_NO.getOrElse(execution, 1) + 1)));
        Mocks.register(
                "reduceClaim", call("reduceClaim", execution -> ChargeProcess.BALANCE_ORE.set(execution, 10000L)));
        Mocks.register("creditClaim", call("creditClaim", execution -> {
            ChargeProcess.BALANCE_ORE.set(execution, 0L);
            ChargeProcess.SETTLED_BEFORE_CANCELLATION.set(execution, settledBeforeCancellation);
        }));
        Mocks.register(
                "transferToCollection",
                call("transferToCollection", execution -> transferToCollection.execute(execution)));
        Mocks.register("writeOff", call("writeOff", execution -> {}));
        Mocks.register("deadlines", new Deadlines(clock));
        Mocks.register("statusBeforeDispute", new StatusBeforeDispute(null) {
            @Override
            public String of(VariableScope execution) {
                return statusBeforeDispute;
            }
        });
        Mocks.register("taskInputCheck", (TaskListener) task -> {});
        Mocks.register("taskDueDate", new dk.fbs.oir.tasklist.TaskDueDate());
        Mocks.register("chargeFacts", (TaskListener) task -> {});
        Mocks.register("recordDunningMode", (ExecutionListener) execution -> {});
        Mocks.register("chargeWatch", new Watch());
        Mocks.register("flagMissingUpdate", (JavaDelegate)
                execution -> recorded.add("FLAGGED: " + ChargeProcess.TEXT.getLocal(execution)));
        Mocks.register("holdClaim", call("holdClaim", execution -> ChargeProcess.CLAIM_ON_HOLD.set(execution, true)));
        Mocks.register(
                "resumeClaim", call("resumeClaim", execution -> ChargeProcess.CLAIM_ON_HOLD.set(execution, false)));
    }

    private JavaDelegate call(String name, JavaDelegate behaviour) {
        return execution -> {
            calls.add(name);
            behaviour.execute(execution);
        };
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // ------------------------------------------------------------------ routing

    @Test
    void municipalityNotEnrolled_isHandledInFbs() {
        ProcessInstance pi = start("155", LocalDate.of(2026, 11, 20), 12500, "0101901234"); // Dragør: no wave

        assertThat(pi).isEnded().hasPassed(Task_RecordHandledInFbs.id(), EndEvent_HandledInFbs.id());
        assertThat(recorded).singleElement().asString().startsWith("HANDLED_IN_FBS: ");
    }

    @Test
    void chargeBeforeGoLive_isHandledInFbs() {
        ProcessInstance pi = start("561", LocalDate.of(2022, 4, 13), 12500, "0101901234"); // Esbjerg live 14.4.2022

        assertThat(pi).isEnded().hasPassed(EndEvent_HandledInFbs.id());
    }

    @Test
    void municipalityMissingFromTheRegister_failsNamingTheCode() {
        Assertions.assertThatThrownBy(() -> ChargeProcess.start(
                        runtimeService(), charge("999", LocalDate.of(2026, 11, 20), 12500, "0101901234")))
                .hasMessageContaining("'999'");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    // ------------------------------------------------------------------ submission

    @Test
    void technicalFailure_isRetriedAndThenAnIncident() {
        submitClaim = execution -> {
            throw new IllegalStateException("Read timed out");
        };
        ProcessInstance pi = start("621", LocalDate.of(2026, 11, 20), 12500, "0101901234");

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = job();
            Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                    .hasMessageContaining("timed out");
        }
        assertThat(pi).isWaitingAt(Task_SubmitClaim.id());
        assertThat(runtimeService()
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getActivityId())
                .isEqualTo(Task_SubmitClaim.id());
        assertThat(recorded).isEmpty();
    }

    @Test
    void rejectedClaim_isCorrectedAndResubmitted() {
        submitClaim = execution -> {
            throw new BpmnError(ChargeProcess.ERROR_CLAIM_REJECTED, "KMD Opus afviste fordringen: UKENDT_DEBITOR");
        };
        ProcessInstance pi = start("101", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job());

        assertThat(pi).isWaitingAt(UserTask_HandleRejectedClaim.id());
        assertThat(task()).hasCandidateGroup("sagsbehandler-101");
        assertThat(recorded).containsExactly("REJECTED: KMD Opus afviste fordringen: UKENDT_DEBITOR");
        submitClaim = execution -> ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID.set(execution, "OP101-00000002");
        complete(task(), withVariables("rejectionDecision", "RESUBMIT", "correctedName", "Jens Peter Hansen"));

        assertThat(pi).hasPassed(Task_ApplyCorrection.id()).isWaitingAt(Task_SubmitClaim.id());
        execute(job());
        assertThat(pi).isWaitingAt(Gateway_InvoiceOrSilence.id()).variables().containsEntry("submissionNo", 2);
    }

    @Test
    void rejectedClaim_disputed_theDisputeIsDecidedFirst_thenTheClaimIsSubmittedAgain() {
        submitClaim = execution -> {
            throw new BpmnError(ChargeProcess.ERROR_CLAIM_REJECTED, "KMD Opus afviste fordringen: UKENDT_DEBITOR");
        };
        ProcessInstance pi = start("101", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job());
        dispute(pi);

        assertThat(pi).hasPassed(BoundaryEvent_RejectedClaimDisputed.id()).isWaitingAt(UserTask_HandleDispute.id());
        statusBeforeDispute = "REJECTED";
        complete(task(), withVariables("disputeDecision", "UPHOLD"));
        assertThat(pi).hasPassed(Gateway_Invoiced.id()).isWaitingAt(Task_SubmitClaim.id());
        assertThat(recorded).contains("REJECTED: Indsigelsen er afvist; opkrævningen fortsætter");
    }

    @Test
    void rejectedClaim_isCancelledByTheCaseworker() {
        submitClaim = execution -> {
            throw new BpmnError(ChargeProcess.ERROR_CLAIM_REJECTED, "afvist");
        };
        ProcessInstance pi = start("101", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job());
        complete(task(), withVariables("rejectionDecision", "CANCEL"));

        assertThat(pi).isEnded().hasPassed(Task_RecordCancelled.id(), EndEvent_Cancelled.id());
        assertThat(calls).doesNotContain("creditClaim");
    }

    // ------------------------------------------------------------------ payment

    @Test
    void paidOnTime() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");

        pay(pi, 0);

        assertThat(pi)
                .isEnded()
                .hasPassed(EndEvent_DunningPaid.id(), Task_RecordPaid.id(), EndEvent_Paid.id())
                .hasNotPassed(Task_SendReminder.id());
        assertThat(recorded).containsExactly("PAID: Gebyret er betalt");
    }

    @Test
    void partialPayment_lifecycleGoesOn_thenPaidAfterReminder2() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        pay(pi, 5000);
        assertThat(pi).isWaitingAt(Gateway_PaymentOrDeadline.id());

        passDeadline(pi); // reminder 1
        passDeadline(pi); // reminder 2
        assertThat(calls).containsSubsequence("sendReminder", "sendReminder");
        pay(pi, 0);

        assertThat(pi).isEnded().hasPassed(EndEvent_Paid.id());
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void overpayment_becomesACaseworkerTask() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        pay(pi, -2500);

        assertThat(pi).isWaitingAt(UserTask_HandleOverpayment.id());
        complete(task(), withVariables("overpaymentDecision", "REFUND"));
        assertThat(pi).isEnded().hasPassed(EndEvent_Paid.id());
        assertThat(recorded).containsExactly("PAID: Betalt; overbetalingen udbetales til borgeren");
    }

    // ------------------------------------------------------------------ reminders and collection

    @Test
    void unpaidAfterReminders_isTransferredToPsrmAndCollected() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101901234");

        assertThat(pi)
                .hasPassed(EndEvent_RemindersExhausted.id(), Task_CollectionPolicy.id())
                .variables()
                .containsEntry("collectionDecision", "TRANSFER");
        execute(job()); // transfer
        assertThat(pi).isWaitingAt(Gateway_AtPsrm.id());
        psrm(pi, "COLLECTED", "Inddrevet");

        assertThat(pi).isEnded().hasPassed(Task_RecordCollected.id(), EndEvent_Collected.id());
        assertThat(calls).containsSubsequence("sendReminder", "sendReminder", "transferToCollection");
    }

    @Test
    void inCollection_writtenOffByPsrm() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101901234");
        execute(job());
        psrm(pi, "WRITTEN_OFF", "Uerholdelig");

        assertThat(pi).isEnded().hasPassed(Task_RecordWrittenOffByPsrm.id(), EndEvent_WrittenOffByPsrm.id());
        assertThat(recorded).contains("WRITTEN_OFF: Afskrevet af Gældsstyrelsen: Uerholdelig");
    }

    @Test
    void returnedByPsrm_isTransferredAgain() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101901234");
        execute(job());
        psrm(pi, "RETURNED", "Mangler stamdata");

        assertThat(pi).isWaitingAt(UserTask_HandleReturnedClaim.id());
        complete(task(), withVariables("returnedDecision", "RETRANSFER"));
        execute(job());
        assertThat(pi).isWaitingAt(Gateway_AtPsrm.id());
        assertThat(calls).filteredOn("transferToCollection"::equals).hasSize(2);
    }

    @Test
    void transferRejectedByPsrm_isWrittenOffByTheCaseworker() {
        transferToCollection = execution -> {
            throw new BpmnError(ChargeProcess.ERROR_TRANSFER_REJECTED, "PSRM afviste: frist ikke passeret");
        };
        ProcessInstance pi = remindersExhausted("561", 12500, "0101901234");
        execute(job());

        assertThat(pi).hasPassed(BoundaryEvent_TransferRejected.id()).isWaitingAt(UserTask_HandleReturnedClaim.id());
        complete(task(), withVariables("returnedDecision", "WRITE_OFF"));
        execute(job());
        assertThat(pi).isEnded().hasPassed(Task_WriteOff.id(), EndEvent_WrittenOff.id());
    }

    @Test
    void belowTheMinimum_isWrittenOffWithoutCollection() {
        ProcessInstance pi = remindersExhausted("561", 5000, "0101901234"); // 50 kr

        assertThat(pi).variables().containsEntry("collectionDecision", "WRITE_OFF");
        execute(job());
        assertThat(pi).isEnded().hasPassed(Task_WriteOff.id()).hasNotPassed(Task_TransferToCollection.id());
    }

    @Test
    void minorDebtor_needsApproval_approved() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101154234"); // born 2015

        assertThat(pi).isWaitingAt(UserTask_ApproveCollection.id());
        assertThat(task()).hasName("Godkend oversendelse til inddrivelse").hasCandidateGroup("sagsbehandler-561");
        complete(task(), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isWaitingAt(Task_TransferToCollection.id());
    }

    @Test
    void minorDebtor_needsApproval_writtenOff() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101154234");

        complete(task(), withVariables("approvalDecision", "WRITE_OFF"));
        execute(job());
        assertThat(pi).isEnded().hasPassed(Gateway_Approval.id(), Task_WriteOff.id(), EndEvent_WrittenOff.id());
    }

    // ------------------------------------------------------------------ disputes and cancellation

    @Test
    void aReminderTimerRunEarly_sendsNothingAndWaitsForTheRightDay() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        Job timer = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        execute(timer); // from Cockpit, before its day

        assertThat(pi)
                .hasPassed(Gateway_DeadlineReached.id())
                .hasNotPassed(Gateway_SendReminder.id())
                .isWaitingAt(Gateway_PaymentOrDeadline.id());
        assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .singleResult()
                        .getDuedate())
                .isEqualTo(timer.getDuedate());
        passDeadline(pi);
        assertThat(calls).containsExactly("submitClaim", "recordInvoice", "sendReminder");
    }

    @Test
    void dispute_upheld_remindersResume() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        dispute(pi);

        assertThat(pi).isWaitingAt(UserTask_HandleDispute.id());
        assertThat(task().getDueDate())
                .as("dmn/task-due-dates.dmn: a dispute is decided within 14 days")
                .isEqualTo(
                        java.util.Date.from(task().getCreateTime().toInstant().plus(java.time.Duration.ofDays(14))));
        assertThat(recorded).containsExactly("DISPUTED: Indsigelse: Bogen blev afleveret til tiden");
        complete(task(), withVariables("disputeDecision", "UPHOLD"));

        assertThat(pi).hasPassed(Task_RecordDisputeRejected.id()).isWaitingAt(Gateway_PaymentOrDeadline.id());
        assertThat(recorded).contains("INVOICED: Indsigelsen er afvist; opkrævningen fortsætter");
    }

    @Test
    void dispute_reduced_lifecycleGoesOn() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        dispute(pi);
        complete(task(), withVariables("disputeDecision", "REDUCE", "reductionAmount", "25.00"));

        execute(job()); // reduce
        assertThat(pi).hasPassed(Task_ReduceClaim.id()).isWaitingAt(Gateway_PaymentOrDeadline.id());
        assertThat(pi).variables().containsEntry("balanceOre", 10000L);
    }

    @Test
    void disputeWhileAtPsrm_theCollectionIsHeldUntilDecidedThenResumed() {
        ProcessInstance pi = remindersExhausted("561", 12500, "0101901234");
        execute(job()); // transfer
        assertThat(pi).isWaitingAt(Gateway_AtPsrm.id());
        dispute(pi);
        execute(job()); // hold

        assertThat(pi)
                .hasPassed(Event_DisputeAtPsrm.id(), Task_HoldClaim.id())
                .isWaitingAt(UserTask_HandleDispute.id());
        statusBeforeDispute = "IN_COLLECTION";
        complete(task(), withVariables("disputeDecision", "UPHOLD"));
        execute(job()); // resume

        assertThat(pi)
                .hasPassed(Task_ResumeCollection.id(), Gateway_AtPsrmMerge.id())
                .isWaitingAt(Gateway_AtPsrm.id());
        assertThat(calls).containsSubsequence("transferToCollection", "holdClaim", "resumeClaim");
        psrm(pi, "COLLECTED", "Inddrevet");
        assertThat(pi).isEnded().hasPassed(EndEvent_Collected.id());
    }

    @Test
    void dispute_cancelled_creditsTheClaim() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        dispute(pi);
        complete(task(), withVariables("disputeDecision", "CANCEL"));

        execute(job()); // credit
        assertThat(pi).isEnded().hasPassed(Task_CreditDisputedClaim.id(), EndEvent_Cancelled.id());
        assertThat(recorded).contains("CANCELLED: Annulleret af sagsbehandler");
    }

    @Test
    void cancelledByFbs_afterReminder1_isCredited() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        passDeadline(pi);
        cancel(pi);

        execute(job()); // credit
        assertThat(pi).isEnded().hasPassed(Task_CreditClaim.id(), EndEvent_CancelledByFbs.id());
        assertThat(recorded).contains("CANCELLED: Annulleret af FBS: materialet er afleveret");
    }

    @Test
    void cancelledByFbs_afterPsrmCollected_endsCollected() {
        ProcessInstance pi = invoiced("561", 12500, "0101901234");
        cancel(pi);
        settledBeforeCancellation = "COLLECTED"; // the claim was collected before the cancellation reached it

        execute(job());
        assertThat(pi)
                .isEnded()
                .hasPassed(Task_RecordSettledBeforeCancellation.id(), EndEvent_SettledBeforeCancellation.id())
                .hasNotPassed(Task_RecordCancelledByFbs.id());
        assertThat(recorded)
                .contains("COLLECTED: Annullering fra FBS (materialet er afleveret) kom for sent:"
                        + " fordringen var allerede afsluttet i debitorsystemet");
    }

    @Test
    void cancelledByFbs_beforeSubmission_isCreditedInCaseTheClaimWasUnderway() {
        ProcessInstance pi = start("561", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        assertThat(pi).isWaitingAt(Task_SubmitClaim.id());
        cancel(pi);
        assertThat(pi).isWaitingAt(Task_CreditClaim.id());
        execute(job());

        assertThat(pi).isEnded().hasPassed(Task_RecordCancelledByFbs.id(), EndEvent_CancelledByFbs.id());
        assertThat(calls).containsExactly("creditClaim");
    }

    // ------------------------------------------------------------------ DEBTOR_LED: the debtor system runs the
    // collection

    @Test
    void debtorLed_followsTheDebtorSystemsRemindersTransferAndCollection() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234"); // Gentofte: DEBTOR_LED
        assertThat(pi)
                .hasPassed(Task_DecideDunningMode.id(), Gateway_DunningMode.id())
                .hasNotPassed(SubProcess_Dunning.id());

        debtorStep(pi, "REMINDER_SENT", "Rykker 1 sendt af KMD Opus med gebyr 100.00 kr.; ny frist 2026-12-18", 22500);
        assertThat(pi).isWaitingAt(Gateway_DebtorReports.id());
        debtorStep(pi, "TRANSFERRED", "Overdraget til inddrivelse hos Gældsstyrelsen (PSRM) af KMD Opus", 22500);
        assertThat(pi).isWaitingAt(Gateway_InCollection.id());
        pay(pi, 10000); // a payment during collection is applied
        assertThat(pi).hasPassed(Event_PaymentInCollection.id()).isWaitingAt(Gateway_InCollection.id());
        psrm(pi, "COLLECTED", "Inddrevet");

        assertThat(pi)
                .isEnded()
                .hasPassed(
                        EndEvent_FollowCollectionOutcome.id(),
                        Gateway_AfterFollow.id(),
                        Task_RecordCollected.id(),
                        EndEvent_Collected.id());
        assertThat(calls).doesNotContain("sendReminder", "transferToCollection");
        assertThat(recorded)
                .containsSubsequence(
                        "REMINDED: Rykker 1 sendt af KMD Opus med gebyr 100.00 kr.; ny frist 2026-12-18",
                        "IN_COLLECTION: Overdraget til inddrivelse hos Gældsstyrelsen (PSRM) af KMD Opus");
    }

    @Test
    void debtorLed_paid() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234");
        pay(pi, 0);

        assertThat(pi).isEnded().hasPassed(Event_FollowPayment.id(), EndEvent_FollowPaid.id(), Task_RecordPaid.id());
    }

    @Test
    void debtorLed_writtenOffByTheDebtorSystem() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234");
        debtorStep(pi, "WRITTEN_OFF", "Afskrevet af KMD Opus", 0);

        assertThat(pi)
                .isEnded()
                .hasPassed(EndEvent_FollowWrittenOff.id(), EndEvent_WrittenOffByDebtor.id())
                .hasNotPassed(Task_RecordPaid.id());
        assertThat(recorded).contains("WRITTEN_OFF: Afskrevet af KMD Opus");
    }

    @Test
    void debtorLed_returnedByPsrm_isFollowedFurther() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234");
        debtorStep(pi, "TRANSFERRED", "Overdraget", 12500);
        psrm(pi, "RETURNED", "Debitor er død");

        assertThat(pi)
                .hasPassed(Task_RecordReturnedToDebtor.id())
                .isWaitingAt(Gateway_DebtorReports.id())
                .hasNotPassed(UserTask_HandleReturnedClaim.id());
        assertThat(recorded)
                .contains(
                        "REMINDED: Returneret af Gældsstyrelsen: Debitor er død; kommunens økonomifunktion følger op");
    }

    @Test
    void debtorLed_aStepNotReportedInTime_isFlaggedAndACaseworkerChecks() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234");
        execute(job()); // the freshness limit after the deadline has passed without a word

        assertThat(pi)
                .hasPassed(Event_MissingUpdate.id(), Task_FlagMissingUpdate.id(), Task_MissingUpdatePolicy.id())
                .isWaitingAt(UserTask_CheckMissingUpdate.id());
        assertThat(task()).hasCandidateGroup("sagsbehandler-157");
        assertThat(recorded).anyMatch(r -> r.startsWith("FLAGGED: Debitorsystemet har ikke meldt"));
        complete(task(), withVariables("missingUpdateDecision", "WAIT"));
        assertThat(pi).isWaitingAt(Gateway_AfterMissingUpdate.id());

        debtorStep(pi, "REMINDER_SENT", "Rykker 1 sendt", 22500); // late, and followed as usual
        assertThat(pi).hasPassed(Event_DebtorStepAfterMissing.id()).isWaitingAt(Gateway_DebtorReports.id());
    }

    @Test
    void debtorLed_aStepNotReportedInTime_isOnlyFlaggedWherePolicySaysSo() {
        ProcessInstance pi = invoiced("173", 12500, "0101901234"); // EG ØS-indsigt: the flag only
        execute(job());

        assertThat(pi).isWaitingAt(Gateway_AfterMissingUpdate.id()).hasNotPassed(UserTask_CheckMissingUpdate.id());
        pay(pi, 0);
        assertThat(pi).isEnded().hasPassed(Event_PaymentAfterMissing.id(), Task_RecordPaid.id());
    }

    @Test
    void anInvoiceNotReportedInTime_isFlaggedAndStillRecordedWhenItComes() {
        ProcessInstance pi = start("157", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job()); // submit
        execute(job()); // no invoice within the freshness limit

        assertThat(pi).hasPassed(Event_InvoiceMissing.id(), Task_FlagMissingInvoice.id());
        correlate(
                pi, ChargeProcess.Message.InvoiceIssued, Map.of("dueDate", "2026-12-04", "lastPayDate", "2026-12-04"));
        assertThat(pi)
                .hasPassed(Event_InvoiceIssuedLate.id(), Task_RecordInvoice.id())
                .isWaitingAt(Gateway_DebtorReports.id());
    }

    @Test
    void debtorLed_dispute_holdsTheClaimUntilDecidedThenResumes() {
        ProcessInstance pi = invoiced("157", 12500, "0101901234");
        dispute(pi);
        execute(job()); // hold

        assertThat(pi)
                .hasPassed(BoundaryEvent_FollowDisputeReceived.id(), Task_HoldClaim.id())
                .isWaitingAt(UserTask_HandleDispute.id());
        complete(task(), withVariables("disputeDecision", "UPHOLD"));
        execute(job()); // resume

        assertThat(pi).hasPassed(Gateway_OnHold.id(), Task_ResumeClaim.id()).isWaitingAt(Gateway_DebtorReports.id());
        assertThat(calls).containsSubsequence("holdClaim", "resumeClaim");
    }

    // ------------------------------------------------------------------ disputes before the invoice

    @Test
    void disputeBeforeSubmission_holdsTheSubmissionUntilDecided_thenSubmitsTheReducedClaim() {
        ProcessInstance pi = start("561", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        assertThat(pi).isWaitingAt(Task_SubmitClaim.id());
        dispute(pi);

        assertThat(pi)
                .hasPassed(BoundaryEvent_EarlyDispute.id(), Gateway_EarlyHold.id())
                .hasNotPassed(Task_HoldClaim.id())
                .isWaitingAt(UserTask_HandleDispute.id());
        assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .as("nothing is submitted while the dispute is decided")
                .isZero();
        complete(task(), withVariables("disputeDecision", "REDUCE", "reductionAmount", "25.00"));
        execute(job()); // reduce

        assertThat(pi)
                .hasPassed(Gateway_DisputeDecided.id(), Gateway_Invoiced.id())
                .isWaitingAt(Task_SubmitClaim.id());
        execute(job()); // submit
        correlate(
                pi, ChargeProcess.Message.InvoiceIssued, Map.of("dueDate", "2026-12-04", "lastPayDate", "2026-12-04"));
        assertThat(pi).isWaitingAt(Gateway_PaymentOrDeadline.id());
        assertThat(calls).containsExactly("reduceClaim", "submitClaim", "recordInvoice");
    }

    @Test
    void debtorLed_disputeBeforeTheInvoice_holdsTheClaim_upheld_theInvoiceThatCameMeanwhileIsRecorded() {
        ProcessInstance pi = start("157", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job()); // submit
        dispute(pi);
        execute(job()); // hold
        assertThat(pi).hasPassed(Gateway_HoldMerge.id(), Task_HoldClaim.id()).isWaitingAt(UserTask_HandleDispute.id());

        statusBeforeDispute = "SUBMITTED";
        // the invoice's event while the caseworker decides: ChargeUpdates keeps its dates on the instance
        runtimeService().setVariables(pi.getId(), Map.of("dueDate", "2026-12-04", "lastPayDate", "2026-12-04"));
        complete(task(), withVariables("disputeDecision", "UPHOLD"));
        assertThat(recorded).contains("SUBMITTED: Indsigelsen er afvist; opkrævningen fortsætter");
        execute(job()); // resume

        assertThat(pi)
                .hasPassed(
                        Gateway_Submitted.id(),
                        Gateway_InvoiceKnown.id(),
                        Task_RecordInvoice.id(),
                        EndEvent_Invoiced.id(),
                        Task_ResumeClaim.id())
                .isWaitingAt(Gateway_DebtorReports.id());
        assertThat(calls).containsExactly("submitClaim", "holdClaim", "recordInvoice", "resumeClaim");
    }

    @Test
    void disputeBeforeTheInvoice_upheld_waitsForTheInvoiceAgain() {
        ProcessInstance pi = start("561", LocalDate.of(2026, 11, 20), 12500, "0101901234");
        execute(job()); // submit
        dispute(pi);
        assertThat(pi).hasNotPassed(Task_HoldClaim.id()).isWaitingAt(UserTask_HandleDispute.id()); // FBS_LED: no hold

        complete(task(), withVariables("disputeDecision", "UPHOLD"));
        assertThat(pi)
                .hasPassed(Gateway_InvoiceKnown.id(), Gateway_AwaitInvoice.id())
                .isWaitingAt(Gateway_InvoiceOrSilence.id());
        assertThat(calls).containsExactly("submitClaim");
    }

    // ------------------------------------------------------------------ helpers

    private void debtorStep(ProcessInstance pi, String step, String text, long balanceOre) {
        correlate(
                pi,
                ChargeProcess.Message.DebtorStepReported,
                Map.of("debtorStep", step, "debtorStepText", text, "balanceOre", balanceOre));
    }

    private ProcessInstance start(String municipalityCode, LocalDate occurredOn, long amountOre, String cpr) {
        ProcessInstance pi =
                ChargeProcess.start(runtimeService(), charge(municipalityCode, occurredOn, amountOre, cpr));
        assertThat(pi).hasPassed(Task_DecideRoute.id()); // in the intake's transaction
        return pi;
    }

    /** Submitted, and the debtor system's invoice has arrived. */
    private ProcessInstance invoiced(String municipalityCode, long amountOre, String cpr) {
        ProcessInstance pi = start(municipalityCode, LocalDate.of(2026, 11, 20), amountOre, cpr);
        execute(job()); // submit
        assertThat(pi).isWaitingAt(Gateway_InvoiceOrSilence.id());
        correlate(
                pi, ChargeProcess.Message.InvoiceIssued, Map.of("dueDate", "2026-12-04", "lastPayDate", "2026-12-04"));
        assertThat(pi)
                .hasPassed(Task_RecordInvoice.id())
                .isWaitingAt(
                        FBS_LED.contains(municipalityCode)
                                ? Gateway_PaymentOrDeadline.id()
                                : Gateway_DebtorReports.id());
        return pi;
    }

    /** The sample municipalities of dmn/dunning-mode.dmn whose collection our process runs. */
    private static final Set<String> FBS_LED = Set.of("101", "621", "561");

    /** The timers' dates of "chargeWatch": the freshness limit is the tests' to pass by executing the job. */
    public static class Watch {
        public Date fromNow(String route) {
            return Date.from(Instant.parse("2026-11-21T00:00:00Z"));
        }

        public Date afterDeadline(String deadline, String route) {
            return Date.from(LocalDate.parse(deadline)
                    .plusDays(2)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        }
    }

    /** Invoiced, and every reminder the policy allows sent without payment. */
    private ProcessInstance remindersExhausted(String municipalityCode, long amountOre, String cpr) {
        ProcessInstance pi = invoiced(municipalityCode, amountOre, cpr);
        while (!Boolean.FALSE.equals(runtimeService().getVariable(pi.getId(), "sendReminder"))) {
            passDeadline(pi);
        }
        passDeadline(pi); // the wait after the last reminder
        return pi;
    }

    private void passDeadline(ProcessInstance pi) {
        Job timer = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        Instant due = timer.getDuedate().toInstant();
        if (clock.instant().isBefore(due)) {
            clock.advance(Duration.between(clock.instant(), due));
        }
        execute(timer);
        Job reminder = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(Task_SendReminder.id())
                .singleResult();
        if (reminder != null) {
            execute(reminder);
        }
    }

    private void pay(ProcessInstance pi, long balanceOre) {
        correlate(pi, ChargeProcess.Message.PaymentReceived, Map.of("balanceOre", balanceOre));
    }

    private void dispute(ProcessInstance pi) {
        correlate(pi, ChargeProcess.Message.DisputeReceived, Map.of("disputeText", "Bogen blev afleveret til tiden"));
    }

    private void cancel(ProcessInstance pi) {
        correlate(
                pi,
                ChargeProcess.Message.CancellationRequested,
                Map.of("cancellationReason", "materialet er afleveret"));
    }

    private void psrm(ProcessInstance pi, String outcome, String text) {
        correlate(
                pi,
                ChargeProcess.Message.CollectionOutcome,
                Map.of("collectionOutcome", outcome, "collectionOutcomeText", text));
    }

    private void correlate(ProcessInstance pi, ChargeProcess.Message message, Map<String, Object> variables) {
        runtimeService()
                .createMessageCorrelation(message.name())
                .processInstanceId(pi.getId())
                .setVariables(variables)
                .correlate();
    }

    private static Charge charge(String municipalityCode, LocalDate occurredOn, long amountOre, String cpr) {
        return new Charge(
                "FBS-" + municipalityCode + "-" + System.nanoTime(),
                municipalityCode,
                cpr,
                "Jens Hansen",
                ChargeType.OVERDUE_FEE,
                Money.ofOre(amountOre),
                Money.ofOre(amountOre),
                "Overskredet lånetid",
                null,
                null,
                occurredOn,
                null,
                null,
                ChargeStatus.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                "hash",
                null,
                null,
                null);
    }
}
