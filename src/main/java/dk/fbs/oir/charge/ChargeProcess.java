package dk.fbs.oir.charge;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The backing of {@code processes/charge.bpmn}: its key, the element ids, messages and variables
 * code and tests depend on, and how an instance is started. Process owners: do not rename these
 * ids, messages or variables in Camunda Modeler without changing this class.
 */
public final class ChargeProcess {

    public static final String KEY = "charge";

    /** BPMN error "Fordring afvist": the debtor system refused the claim for a business reason. */
    public static final String ERROR_CLAIM_REJECTED = "CLAIM_REJECTED";
    /** BPMN error "Afvist af PSRM": the transfer to collection was refused. */
    public static final String ERROR_TRANSFER_REJECTED = "TRANSFER_REJECTED";

    /** Messages the process waits for (BPMN message names). */
    public enum Message {
        InvoiceIssued,
        PaymentReceived,
        DisputeReceived,
        CancellationRequested,
        CollectionOutcome,
        /** DEBTOR_LED: the debtor system reports a step of its own dunning ({@link DebtorStep}). */
        DebtorStepReported
    }

    /** Ids of the diagram's elements. */
    public enum Element {
        StartEvent_ChargeReceived,
        Task_DecideRoute,
        Gateway_Route,
        Task_RecordHandledInFbs,
        EndEvent_HandledInFbs,
        Gateway_Submit,
        Task_SubmitClaim,
        BoundaryEvent_ClaimRejected,
        Task_RecordRejection,
        UserTask_HandleRejectedClaim,
        Gateway_RejectionDecision,
        Task_ApplyCorrection,
        Event_InvoiceIssued,
        Task_RecordInvoice,
        Gateway_DunningMerge,
        SubProcess_Dunning,
        StartEvent_Dunning,
        Gateway_DunningLoop,
        Gateway_Balance,
        Task_ReminderPolicy,
        Gateway_PaymentOrDeadline,
        Event_DeadlinePassed,
        Event_PaymentReceived,
        Gateway_SendReminder,
        Task_SendReminder,
        EndEvent_DunningPaid,
        EndEvent_RemindersExhausted,
        BoundaryEvent_DisputeReceived,
        Task_RecordDisputed,
        UserTask_HandleDispute,
        Gateway_DisputeDecision,
        Task_ReduceClaim,
        Task_RecordDisputeRejected,
        Task_CreditDisputedClaim,
        Gateway_Cancelled,
        Task_RecordCancelled,
        EndEvent_Cancelled,
        Gateway_AfterDunning,
        Gateway_Overpaid,
        UserTask_HandleOverpayment,
        Gateway_PaidMerge,
        Task_RecordPaid,
        EndEvent_Paid,
        Task_CollectionPolicy,
        Gateway_Collection,
        UserTask_ApproveCollection,
        Gateway_Approval,
        Gateway_Transfer,
        Task_TransferToCollection,
        BoundaryEvent_TransferRejected,
        Event_CollectionOutcome,
        Gateway_CollectionOutcome,
        Task_RecordCollected,
        EndEvent_Collected,
        Task_RecordWrittenOffByPsrm,
        EndEvent_WrittenOffByPsrm,
        Gateway_Returned,
        UserTask_HandleReturnedClaim,
        Gateway_ReturnedDecision,
        Gateway_WriteOff,
        Task_WriteOff,
        EndEvent_WrittenOff,
        SubProcess_Cancellation,
        StartEvent_CancellationRequested,
        Task_CreditClaim,
        Task_RecordCancelledByFbs,
        EndEvent_CancelledByFbs,
        Gateway_SettledBeforeCancellation,
        Task_RecordSettledBeforeCancellation,
        EndEvent_SettledBeforeCancellation,
        Task_DecideDunningMode,
        Gateway_InvoiceOrSilence,
        Event_InvoiceMissing,
        Task_FlagMissingInvoice,
        Event_InvoiceIssuedLate,
        Gateway_DunningMode,
        Gateway_OnHold,
        Task_ResumeClaim,
        SubProcess_FollowDebtor,
        StartEvent_FollowDebtor,
        Gateway_FollowMerge,
        Gateway_FollowState,
        EndEvent_FollowPaid,
        EndEvent_FollowWrittenOff,
        Gateway_DebtorReports,
        Event_DebtorStepReported,
        Task_RecordDebtorStep,
        Event_FollowPayment,
        Event_MissingUpdate,
        Task_FlagMissingUpdate,
        Task_MissingUpdatePolicy,
        Gateway_MissingUpdate,
        UserTask_CheckMissingUpdate,
        Gateway_AfterMissingUpdate,
        Event_DebtorStepAfterMissing,
        Event_PaymentAfterMissing,
        Gateway_InCollection,
        Event_CollectionOutcomeFollowed,
        Event_PaymentInCollection,
        Gateway_FollowReturned,
        Task_RecordReturnedToDebtor,
        EndEvent_FollowCollectionOutcome,
        Gateway_AfterFollow,
        EndEvent_WrittenOffByDebtor,
        BoundaryEvent_FollowDisputeReceived,
        Task_HoldClaim,
        Gateway_InvoiceMerge,
        Gateway_FollowEnter,
        Gateway_StepMerge,
        Gateway_DisputeMerge,
        Gateway_MissingMerge,
        Gateway_AfterDunningMerge,
        Gateway_OutcomeMerge,
        SubProcess_Submission,
        StartEvent_Submission,
        Gateway_Submitted,
        Gateway_InvoiceKnown,
        Gateway_AwaitInvoice,
        EndEvent_Invoiced,
        BoundaryEvent_EarlyDispute,
        Gateway_EarlyHold,
        Gateway_HoldMerge,
        Gateway_DisputeDecided,
        Gateway_Invoiced,
        Gateway_DeadlineReached,
        BoundaryEvent_RejectedClaimDisputed,
        Gateway_AtPsrmMerge,
        Gateway_AtPsrm,
        Event_DisputeAtPsrm,
        Task_ResumeCollection;

        public String id() {
            return name();
        }
    }

    // ---- set at start
    /**
     * The charge's id in FBS, set as a variable by versions before 5; since, the instance's business
     * key alone. Read it with {@link #fbsChargeId}.
     */
    static final ProcessVariable<String> FBS_CHARGE_ID = ProcessVariable.of("fbsChargeId", String.class);
    /** Input of dmn/debtor-routing.dmn; also names the caseworker group (sagsbehandler-561). */
    public static final ProcessVariable<String> MUNICIPALITY_CODE =
            ProcessVariable.of("municipalityCode", String.class);
    /**
     * Input of dmn/debtor-routing.dmn: the day the charge arose, ISO date (yyyy-MM-dd). Transient: it
     * lives only until the first wait, by which the routing has been decided.
     */
    public static final ProcessVariable<String> CHARGE_DATE = ProcessVariable.of("chargeDate", String.class);
    /** Input of reminder-policy.dmn and collection.dmn: a {@link ChargeType} name. */
    public static final ProcessVariable<String> CHARGE_TYPE = ProcessVariable.of("chargeType", String.class);
    /** Input of collection.dmn: derived from the CPR number, which itself never becomes a variable. */
    public static final ProcessVariable<Boolean> DEBTOR_UNDER_18 = ProcessVariable.of("debtorUnder18", Boolean.class);
    /** Open balance in øre, kept current from the debtor system's answers and events. */
    public static final ProcessVariable<Long> BALANCE_ORE = ProcessVariable.of("balanceOre", Long.class);
    /** Counts submissions of the claim (1 until a rejected claim is resubmitted); part of the submission's idempotency reference. */
    public static final ProcessVariable<Integer> SUBMISSION_NO = ProcessVariable.of("submissionNo", Integer.class);
    /** Counts transfers to collection (1 until PSRM returns a claim); part of the transfer's idempotency reference. */
    public static final ProcessVariable<Integer> TRANSFER_NO = ProcessVariable.of("transferNo", Integer.class);

    // ---- routing and submission
    /** Output of dmn/debtor-routing.dmn: a {@link dk.fbs.oir.routing.Route} name. */
    public static final ProcessVariable<String> ROUTE = ProcessVariable.of("route", String.class);
    /** Output of dmn/dunning-mode.dmn: a {@link dk.fbs.oir.debtorsystem.DunningMode} name, kept for the charge's life. */
    public static final ProcessVariable<String> DUNNING_MODE = ProcessVariable.of("dunningMode", String.class);
    /** DEBTOR_LED: the last step the debtor system reported ({@link DebtorStep}), and a reminder's number and fee. */
    public static final ProcessVariable<String> DEBTOR_STEP = ProcessVariable.of("debtorStep", String.class);

    public static final ProcessVariable<String> DEBTOR_STEP_TEXT = ProcessVariable.of("debtorStepText", String.class);
    /** DEBTOR_LED: the claim is held (berostillet) while a dispute is decided. */
    public static final ProcessVariable<Boolean> CLAIM_ON_HOLD = ProcessVariable.of("claimOnHold", Boolean.class);
    /** Counts holds for disputes (0 before the first); part of the hold's and the resume's idempotency reference. */
    public static final ProcessVariable<Integer> DISPUTE_NO = ProcessVariable.of("disputeNo", Integer.class);
    /** Output of dmn/missing-update.dmn: CASEWORKER or FLAG. */
    public static final ProcessVariable<String> MISSING_UPDATE_HANDLING =
            ProcessVariable.of("missingUpdateHandling", String.class);

    public static final ProcessVariable<String> DEBTOR_SYSTEM_CLAIM_ID =
            ProcessVariable.of("debtorSystemClaimId", String.class);
    /** The debtor system's reason for rejecting the claim (error message of "Fordring afvist"). */
    public static final ProcessVariable<String> REJECTION_TEXT = ProcessVariable.of("rejectionText", String.class);

    // ---- invoice and reminders
    /** Message InvoiceIssued: ISO dates. */
    public static final ProcessVariable<String> DUE_DATE = ProcessVariable.of("dueDate", String.class);

    public static final ProcessVariable<String> LAST_PAY_DATE = ProcessVariable.of("lastPayDate", String.class);
    /** The current last day to pay on time (ISO date): of the invoice, later of the last reminder. */
    public static final ProcessVariable<String> DEADLINE = ProcessVariable.of("deadline", String.class);
    /** Number of the next reminder; input of reminder-policy.dmn. */
    public static final ProcessVariable<Integer> REMINDER_NO = ProcessVariable.of("reminderNo", Integer.class);
    /** Outputs of reminder-policy.dmn. */
    public static final ProcessVariable<Boolean> SEND_REMINDER = ProcessVariable.of("sendReminder", Boolean.class);

    public static final ProcessVariable<Integer> WAIT_DAYS = ProcessVariable.of("waitDays", Integer.class);
    public static final ProcessVariable<Integer> DEADLINE_DAYS = ProcessVariable.of("deadlineDays", Integer.class);
    /** Reminder fee in kroner with two decimals, as text: money is never a floating-point number. */
    public static final ProcessVariable<String> REMINDER_FEE = ProcessVariable.of("reminderFee", String.class);

    // ---- dispute and cancellation
    public static final ProcessVariable<String> DISPUTE_TEXT = ProcessVariable.of("disputeText", String.class);

    public static final ProcessVariable<String> CANCELLATION_REASON =
            ProcessVariable.of("cancellationReason", String.class);
    /** The status of a claim settled before a cancellation reached it (PAID, COLLECTED, WRITTEN_OFF), or NONE. */
    public static final ProcessVariable<String> SETTLED_BEFORE_CANCELLATION =
            ProcessVariable.of("settledBeforeCancellation", String.class);

    // ---- collection
    /** Outputs of collection.dmn: TRANSFER, APPROVAL or WRITE_OFF, and the reason. */
    public static final ProcessVariable<String> COLLECTION_DECISION =
            ProcessVariable.of("collectionDecision", String.class);

    public static final ProcessVariable<String> COLLECTION_REASON =
            ProcessVariable.of("collectionReason", String.class);
    /** Message CollectionOutcome: COLLECTED, RETURNED or WRITTEN_OFF, with PSRM's text. */
    public static final ProcessVariable<String> COLLECTION_OUTCOME =
            ProcessVariable.of("collectionOutcome", String.class);

    public static final ProcessVariable<String> COLLECTION_OUTCOME_TEXT =
            ProcessVariable.of("collectionOutcomeText", String.class);

    /** Input parameters of the task type "record status" (delegate recordChargeStatus). */
    public static final ProcessVariable<String> STATUS = ProcessVariable.of("status", String.class);

    public static final ProcessVariable<String> TEXT = ProcessVariable.of("text", String.class);

    private ChargeProcess() {}

    /**
     * Starts the lifecycle of a charge that is already in the ledger. Personal data (the CPR
     * number, the name) stays in the ledger and never becomes a process variable.
     */
    public static ProcessInstance start(RuntimeService runtimeService, Charge charge) {
        return runtimeService.startProcessInstanceByKey(
                KEY,
                charge.fbsChargeId(),
                Variables.createVariables()
                        .putValue(MUNICIPALITY_CODE.name(), charge.municipalityCode())
                        .putValue(
                                CHARGE_DATE.name(),
                                Variables.stringValue(charge.occurredOn().toString(), true))
                        .putValue(CHARGE_TYPE.name(), charge.type().name())
                        .putValue(DEBTOR_UNDER_18.name(), Cpr.isUnder18(charge.debtorCpr(), charge.occurredOn()))
                        .putValue(BALANCE_ORE.name(), charge.balance().ore())
                        .putValue(REMINDER_NO.name(), 1)
                        .putValue(DEBTOR_STEP.name(), DebtorStep.NONE.name())
                        .putValue(CLAIM_ON_HOLD.name(), false));
    }

    /** The charge's id in FBS: the instance's business key (a variable of its own before version 5). */
    public static String fbsChargeId(VariableScope scope) {
        String variable = FBS_CHARGE_ID.get(scope);
        if (variable != null) {
            return variable;
        }
        DelegateExecution execution =
                scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
        return execution.getProcessBusinessKey();
    }
}
