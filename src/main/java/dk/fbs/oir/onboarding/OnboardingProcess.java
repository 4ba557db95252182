package dk.fbs.oir.onboarding;

import dk.fbs.oir.common.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The backing of {@code processes/onboarding.bpmn}, a municipality's road to go-live: its key, the
 * element ids and variables code and tests depend on, and how an instance starts. Process owners:
 * do not rename these ids or variables in Camunda Modeler without changing this class.
 */
public final class OnboardingProcess {

    public static final String KEY = "onboarding";
    public static final String WAVES_DECISION = "onboarding-waves";
    public static final String KLIK_DECISION = "klik-tasks";

    /** Ids of the diagram's elements. */
    public enum Element {
        StartEvent_OnboardingStarted,
        UserTask_Enrol,
        Task_RecordEnrolment,
        UserTask_ChooseWave,
        Task_ReserveWave,
        Task_ChooseKlikTasks,
        UserTask_KlikTask,
        Gateway_VendorTestMerge,
        Task_VendorTest,
        Gateway_VendorTestPassed,
        UserTask_RetryVendorTest,
        UserTask_ApproveGoLive,
        Task_RecordApproval,
        Gateway_WaitMerge,
        UserTask_PostponeGoLive,
        BoundaryEvent_GoLiveDate,
        Task_MoveWave,
        Task_GoLive,
        EndEvent_Live;

        public String id() {
            return name();
        }
    }

    // ---- set at start
    /** The municipality: tenant, business key ({@code onboarding-155}) and group {@code projektleder-155}. */
    public static final ProcessVariable<String> MUNICIPALITY_CODE =
            ProcessVariable.of("municipalityCode", String.class);
    /** Input of dmn/onboarding-waves.dmn and dmn/klik-tasks.dmn: a {@link dk.fbs.oir.debtorsystem.DebtorSystem} name. */
    public static final ProcessVariable<String> DEBTOR_SYSTEM = ProcessVariable.of("debtorSystem", String.class);

    // ---- forms
    /** "Tilmeld implementeringsforløbet". */
    public static final ProcessVariable<String> PROJECT_LEADER_NAME =
            ProcessVariable.of("projectLeaderName", String.class);

    public static final ProcessVariable<String> PROJECT_LEADER_EMAIL =
            ProcessVariable.of("projectLeaderEmail", String.class);
    /**
     * "Vælg bølge" and "Udskyd idriftsættelse": the wave's number, one of the task's {@code waveChoices}
     * (Tasklist submits an Integer, the engine's Java API may give a Long).
     */
    public static final ProcessVariable<Number> WAVE = ProcessVariable.of("wave", Number.class);
    /** "Udskyd idriftsættelse": why. */
    public static final ProcessVariable<String> POSTPONEMENT_REASON =
            ProcessVariable.of("postponementReason", String.class);
    /** The multi-instance element of "Udfør KLIK-opgave": a code of dmn/klik-tasks.dmn. */
    public static final ProcessVariable<String> KLIK_TASK = ProcessVariable.of("klikTask", String.class);

    public static final ProcessVariable<String> KLIK_TASK_NOTE = ProcessVariable.of("klikTaskNote", String.class);
    /** "Ret forbindelsen og test igen": what was corrected. */
    public static final ProcessVariable<String> RETRY_NOTE = ProcessVariable.of("retryNote", String.class);
    /** "Godkend idriftsættelse": why; the approver is the user completing the task. */
    public static final ProcessVariable<String> APPROVAL_REASON = ProcessVariable.of("approvalReason", String.class);

    // ---- set by the service tasks
    /** The chosen wave's go-live day, ISO date; the timer "Bølgens go-live-dato" fires at its start. */
    public static final ProcessVariable<String> GO_LIVE_DATE = ProcessVariable.of("goLiveDate", String.class);
    /** "Test med leverandør": passed or not, what happened, and the attempt (part of the idempotency references). */
    public static final ProcessVariable<Boolean> VENDOR_TEST_PASSED =
            ProcessVariable.of("vendorTestPassed", Boolean.class);

    public static final ProcessVariable<String> VENDOR_TEST_RESULT =
            ProcessVariable.of("vendorTestResult", String.class);
    public static final ProcessVariable<Integer> VENDOR_TEST_ATTEMPT =
            ProcessVariable.of("vendorTestAttempt", Integer.class);

    private OnboardingProcess() {}

    public static String businessKey(String municipalityCode) {
        return "onboarding-" + municipalityCode;
    }

    public static String projectLeaderGroup(String municipalityCode) {
        return "projektleder-" + municipalityCode;
    }

    /** Starts a municipality's onboarding; its row in {@code onboarding} must exist. */
    static ProcessInstance start(RuntimeService runtime, String municipalityCode, String debtorSystem) {
        return runtime.startProcessInstanceByKey(
                KEY,
                businessKey(municipalityCode),
                Variables.createVariables()
                        .putValue(MUNICIPALITY_CODE.name(), municipalityCode)
                        .putValue(DEBTOR_SYSTEM.name(), debtorSystem)
                        .putValue(VENDOR_TEST_ATTEMPT.name(), 0));
    }
}
