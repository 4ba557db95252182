package dk.fbs.oir.charge;

/**
 * The states of a charge, as FBS sees them in {@code GET /api/v1/charges/{id}}. The state machine
 * is documented in the README; the charge process is the only writer.
 */
public enum ChargeStatus {
    /** Accepted from FBS; the process decides where it goes. */
    RECEIVED,
    /** The municipality has not gone live: the charge stays in FBS. */
    HANDLED_IN_FBS,
    /** The claim is registered in the municipality's debtor system. */
    SUBMITTED,
    /** The debtor system refused the claim for a business reason. */
    REJECTED,
    INVOICED,
    REMINDED,
    DISPUTED,
    IN_COLLECTION,
    PAID,
    CANCELLED,
    COLLECTED,
    WRITTEN_OFF;

    /** The charge is over: nothing more happens to it. */
    public boolean isFinal() {
        return switch (this) {
            case HANDLED_IN_FBS, PAID, CANCELLED, COLLECTED, WRITTEN_OFF -> true;
            default -> false;
        };
    }
}
