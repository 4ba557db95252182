package dk.fbs.oir.charge;

/** Values of {@link ChargeProcess#DEBTOR_STEP}: what the debtor system reports in its own dunning (DEBTOR_LED). */
public enum DebtorStep {
    NONE,
    REMINDER_SENT,
    TRANSFERRED,
    WRITTEN_OFF
}
