package dk.fbs.oir.reconciliation;

/** How a difference ended: repaired automatically, or as the caseworker decided. */
public enum Resolution {
    /** Reconciliation re-sent the lost claim with its original idempotency reference. */
    CLAIM_RESENT,
    /** The claim turned out to be in the debtor system after all. */
    NO_LONGER_MISSING,
    /** Caseworker: corrected in the debtor system. */
    CORRECTED_IN_DEBTOR_SYSTEM,
    /** Caseworker: corrected in FBS (e.g. the charge is cancelled or a payment registered there). */
    CORRECTED_IN_FBS,
    /** Caseworker: explained, no correction; the same difference is not raised again while unchanged. */
    NO_CORRECTION
}
