package dk.fbs.oir.charge;

import dk.fbs.oir.common.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The backing of {@code processes/charge.bpmn}: its key, the element ids code and tests depend on,
 * its typed variables, and how an instance is started. Process owners: do not rename these ids
 * or variables in Camunda Modeler without changing this class.
 */
public final class ChargeProcess {

  public static final String KEY = "charge";

  /** Error code of the BPMN error "Fordring afvist" (a business rejection by the debtor system). */
  public static final String ERROR_CLAIM_REJECTED = "CLAIM_REJECTED";

  /** Ids of the diagram's elements. */
  public enum Element {
    StartEvent_ChargeReceived,
    Task_DecideRoute,
    Gateway_Route,
    Task_RecordHandledInFbs,
    EndEvent_HandledInFbs,
    Task_SubmitClaim,
    BoundaryEvent_ClaimRejected,
    Task_RecordRejection,
    EndEvent_ClaimRejected,
    EndEvent_ClaimSubmitted;

    public String id() {
      return name();
    }
  }

  /** The charge's id in FBS; also the instance's business key. */
  public static final ProcessVariable<String> FBS_CHARGE_ID = ProcessVariable.of("fbsChargeId", String.class);
  /** Input of dmn/debtor-routing.dmn. */
  public static final ProcessVariable<String> MUNICIPALITY_CODE = ProcessVariable.of("municipalityCode", String.class);
  /** Input of dmn/debtor-routing.dmn: the day the charge arose, ISO date (yyyy-MM-dd). */
  public static final ProcessVariable<String> CHARGE_DATE = ProcessVariable.of("chargeDate", String.class);
  public static final ProcessVariable<String> CHARGE_TYPE = ProcessVariable.of("chargeType", String.class);
  /** Output of dmn/debtor-routing.dmn: a {@link dk.fbs.oir.routing.Route} name. */
  public static final ProcessVariable<String> ROUTE = ProcessVariable.of("route", String.class);
  public static final ProcessVariable<String> DEBTOR_SYSTEM_CLAIM_ID =
      ProcessVariable.of("debtorSystemClaimId", String.class);
  /** The debtor system's reason for rejecting the claim (error message of "Fordring afvist"). */
  public static final ProcessVariable<String> REJECTION_TEXT = ProcessVariable.of("rejectionText", String.class);
  /** Counts submissions of the claim; part of the submission's idempotency reference. */
  public static final ProcessVariable<Integer> SUBMISSION_NO = ProcessVariable.of("submissionNo", Integer.class);
  /** Input parameters of the task type "record status" (delegate recordChargeStatus). */
  public static final ProcessVariable<String> STATUS = ProcessVariable.of("status", String.class);
  public static final ProcessVariable<String> TEXT = ProcessVariable.of("text", String.class);

  private ChargeProcess() {}

  /**
   * Starts the lifecycle of a charge that is already in the ledger. Personal data (the CPR
   * number, the name) stays in the ledger and never becomes a process variable.
   */
  public static ProcessInstance start(RuntimeService runtimeService, Charge charge) {
    return runtimeService.startProcessInstanceByKey(KEY, charge.fbsChargeId(),
        Variables.createVariables()
            .putValue(FBS_CHARGE_ID.name(), charge.fbsChargeId())
            .putValue(MUNICIPALITY_CODE.name(), charge.municipalityCode())
            .putValue(CHARGE_DATE.name(), charge.occurredOn().toString())
            .putValue(CHARGE_TYPE.name(), charge.type().name())
            .putValue(SUBMISSION_NO.name(), 1));
  }
}
