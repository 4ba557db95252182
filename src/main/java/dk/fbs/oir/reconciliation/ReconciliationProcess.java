package dk.fbs.oir.reconciliation;

import dk.fbs.oir.common.ProcessVariable;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The backing of {@code processes/reconciliation.bpmn} (the daily run) and
 * {@code processes/reconciliation-difference.bpmn} (one difference, repaired or resolved by a
 * caseworker): keys, element ids, messages and variables, and how instances start.
 */
public final class ReconciliationProcess {

    public static final String KEY = "reconciliation";
    public static final String DIFFERENCE_KEY = "reconciliation-difference";

    /** Message start of reconciliation.bpmn: an operator asks for one municipality and day. */
    public static final String MESSAGE_REQUESTED = "ReconciliationRequested";
    /** BPMN error "Kunne ikke rettes": the debtor system refused the repair. */
    public static final String ERROR_REPAIR_FAILED = "REPAIR_FAILED";

    /** Ids of both diagrams' elements. */
    public enum Element {
        StartEvent_ReconciliationDue,
        StartEvent_ReconciliationRequested,
        Task_PlanReconciliation,
        Task_ReconcileMunicipality,
        EndEvent_ReconciliationDone,
        StartEvent_DifferenceFound,
        Task_ChooseHandling,
        Gateway_Handling,
        Task_ResendClaim,
        BoundaryEvent_RepairFailed,
        Task_RecordRepair,
        EndEvent_Repaired,
        UserTask_ResolveDifference,
        Task_RecordResolution,
        EndEvent_Resolved;

        public String id() {
            return name();
        }
    }

    // ---- reconciliation.bpmn
    /** The day reconciled, ISO date; set by the planning task to yesterday unless given. */
    public static final ProcessVariable<String> RECONCILIATION_DAY =
            ProcessVariable.of("reconciliationDay", String.class);
    /** One municipality only (an operator's request); absent: those of {@code reconciliation.municipalities}. */
    public static final ProcessVariable<String> ONLY_MUNICIPALITY =
            ProcessVariable.of("onlyMunicipality", String.class);
    /** The multi-instance element: the municipality reconciled. */
    public static final ProcessVariable<String> MUNICIPALITY_CODE =
            ProcessVariable.of("municipalityCode", String.class);

    // ---- reconciliation-difference.bpmn (municipalityCode as above: the tenant and the caseworker group)
    public static final ProcessVariable<Long> DIFFERENCE_ID = ProcessVariable.of("differenceId", Long.class);
    /** Input of dmn/reconciliation-handling.dmn: a {@link DifferenceKind} name. */
    public static final ProcessVariable<String> DIFFERENCE_KIND = ProcessVariable.of("differenceKind", String.class);
    /** Input of dmn/reconciliation-handling.dmn: our charge's status, empty where there is no charge. */
    public static final ProcessVariable<String> CHARGE_STATUS = ProcessVariable.of("chargeStatus", String.class);
    /** Input of dmn/reconciliation-handling.dmn: nothing was paid, credited or added since the claim was created. */
    public static final ProcessVariable<Boolean> CLAIM_UNTOUCHED = ProcessVariable.of("claimUntouched", Boolean.class);
    /** Output of dmn/reconciliation-handling.dmn: RESEND_CLAIM or CASEWORKER. */
    public static final ProcessVariable<String> HANDLING = ProcessVariable.of("handling", String.class);
    /** Set by the repair task: what the repair did, a {@link Resolution} name. */
    public static final ProcessVariable<String> REPAIR = ProcessVariable.of("repair", String.class);
    /** Set by the boundary event "Kunne ikke rettes": why the debtor system refused the repair. */
    public static final ProcessVariable<String> REPAIR_FAILURE = ProcessVariable.of("repairFailure", String.class);
    /** The caseworker's decision (form), a {@link Resolution} name or CHOOSE. */
    public static final ProcessVariable<String> RESOLUTION_DECISION =
            ProcessVariable.of("resolutionDecision", String.class);
    /** The caseworker's reason (form). */
    public static final ProcessVariable<String> RESOLUTION_NOTE = ProcessVariable.of("resolutionNote", String.class);

    private ReconciliationProcess() {}

    /** One difference found: to be repaired or resolved. Business key {@code difference-<id>}. */
    static ProcessInstance startDifference(
            RuntimeService runtime, Difference d, String chargeStatus, boolean claimUntouched) {
        return runtime.startProcessInstanceByKey(
                DIFFERENCE_KEY,
                "difference-" + d.id(),
                Map.of(
                        DIFFERENCE_ID.name(), d.id(),
                        MUNICIPALITY_CODE.name(), d.municipalityCode(),
                        DIFFERENCE_KIND.name(), d.kind().name(),
                        CHARGE_STATUS.name(), chargeStatus,
                        CLAIM_UNTOUCHED.name(), claimUntouched));
    }

    /** An operator asks for one municipality and day now. */
    public static ProcessInstance request(RuntimeService runtime, String municipalityCode, LocalDate day) {
        return runtime.createMessageCorrelation(MESSAGE_REQUESTED)
                .setVariable(ONLY_MUNICIPALITY.name(), municipalityCode)
                .setVariable(RECONCILIATION_DAY.name(), day.toString())
                .correlateStartMessage();
    }
}
