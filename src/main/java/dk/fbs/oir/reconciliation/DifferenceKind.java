package dk.fbs.oir.reconciliation;

/** The kinds of difference between our ledger and a debtor system's, as the report names them. */
public enum DifferenceKind {
    MISSING_IN_DEBTOR_SYSTEM("Mangler i debitorsystemet"),
    UNKNOWN_TO_US("Ukendt for FBS-integrationen"),
    AMOUNT_DIFFERS("Beløbet afviger"),
    STATUS_DIFFERS("Status afviger"),
    PAYMENT_NOT_MATCHED("Indbetaling uden modpost");

    private final String text;

    DifferenceKind(String text) {
        this.text = text;
    }

    /** The kind in Danish, for the caseworker and the report. */
    public String text() {
        return text;
    }
}
