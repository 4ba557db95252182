package dk.fbs.oir.charge;

import dk.fbs.oir.common.ProcessVariable;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The part of a charge's process variables that the history level {@code auditor} keeps. */
public final class ChargeAudit {

    /**
     * What the history level {@code auditor} keeps of a charge's variables: the decisions (of the
     * DMN tables and the caseworkers) and their reasons. The amounts and every step are in the
     * ledger's timeline; the caseworkers' corrections of name and CPR number are personal data.
     */
    public static final Set<String> VARIABLES = Stream.of(
                    ChargeProcess.ROUTE,
                    ChargeProcess.DUNNING_MODE,
                    ChargeProcess.MISSING_UPDATE_HANDLING,
                    ChargeProcess.REJECTION_TEXT,
                    ChargeProcess.REMINDER_FEE,
                    ChargeProcess.DISPUTE_TEXT,
                    ChargeProcess.CANCELLATION_REASON,
                    ChargeProcess.SETTLED_BEFORE_CANCELLATION,
                    ChargeProcess.COLLECTION_DECISION,
                    ChargeProcess.COLLECTION_REASON,
                    ChargeProcess.COLLECTION_OUTCOME,
                    ChargeProcess.COLLECTION_OUTCOME_TEXT,
                    ChargeTaskDecisions.REJECTION_DECISION,
                    ChargeTaskDecisions.DISPUTE_DECISION,
                    ChargeTaskDecisions.REDUCTION_AMOUNT,
                    ChargeTaskDecisions.OVERPAYMENT_DECISION,
                    ChargeTaskDecisions.APPROVAL_DECISION,
                    ChargeTaskDecisions.RETURNED_DECISION,
                    ChargeTaskDecisions.MISSING_UPDATE_DECISION)
            .map(ProcessVariable::name)
            .collect(Collectors.toUnmodifiableSet());

    private ChargeAudit() {}
}
