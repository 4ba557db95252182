package dk.fbs.oir.charge;

/** Values of {@link ChargeProcess#COLLECTION_OUTCOME}: PSRM's outcome as the gateway "Udfald af inddrivelse" reads it. */
public enum CollectionOutcome {
    COLLECTED,
    RETURNED,
    WRITTEN_OFF
}
