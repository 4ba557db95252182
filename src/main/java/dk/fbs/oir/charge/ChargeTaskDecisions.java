package dk.fbs.oir.charge;

import dk.fbs.oir.common.ProcessVariable;

/** The variables the caseworkers' forms (forms/*.form) set in the user tasks of processes/charge.bpmn. */
public final class ChargeTaskDecisions {

    /** "Behandl afvist fordring": RESUBMIT or CANCEL, and optional corrections. */
    public static final ProcessVariable<String> REJECTION_DECISION =
            ProcessVariable.of("rejectionDecision", String.class);

    public static final ProcessVariable<String> CORRECTED_NAME = ProcessVariable.of("correctedName", String.class);
    public static final ProcessVariable<String> CORRECTED_CPR = ProcessVariable.of("correctedCpr", String.class);
    /** "Behandl indsigelse": UPHOLD, REDUCE or CANCEL; REDUCE with an amount in kroner. */
    public static final ProcessVariable<String> DISPUTE_DECISION = ProcessVariable.of("disputeDecision", String.class);

    public static final ProcessVariable<String> REDUCTION_AMOUNT = ProcessVariable.of("reductionAmount", String.class);
    /** "Behandl overbetaling". */
    public static final ProcessVariable<String> OVERPAYMENT_DECISION =
            ProcessVariable.of("overpaymentDecision", String.class);
    /** "Godkend oversendelse til inddrivelse": APPROVE or WRITE_OFF. */
    public static final ProcessVariable<String> APPROVAL_DECISION =
            ProcessVariable.of("approvalDecision", String.class);
    /** "Behandl returneret fordring": RETRANSFER or WRITE_OFF. */
    public static final ProcessVariable<String> RETURNED_DECISION =
            ProcessVariable.of("returnedDecision", String.class);
    /** "Kontroller manglende opdatering": WAIT or REPORTED. */
    public static final ProcessVariable<String> MISSING_UPDATE_DECISION =
            ProcessVariable.of("missingUpdateDecision", String.class);

    private ChargeTaskDecisions() {}
}
