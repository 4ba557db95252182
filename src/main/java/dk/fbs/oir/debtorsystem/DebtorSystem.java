package dk.fbs.oir.debtorsystem;

/** The four debtor systems behind ØiR, and whether the citizen can pay through them. */
public enum DebtorSystem {
  KMD_OPUS("KMD Opus", "kmd-opus", true),
  PRISME_2015("Fujitsu Prisme 2015", "prisme-2015", true),
  PRISME_2009("Fujitsu Prisme 2009", "prisme-2009", false),
  EG_OS_INDSIGT("EG ØS-indsigt", "eg-os-indsigt", false);

  private final String displayName;
  private final String slug;
  private final boolean paymentSolution;

  DebtorSystem(String displayName, String slug, boolean paymentSolution) {
    this.displayName = displayName;
    this.slug = slug;
    this.paymentSolution = paymentSolution;
  }

  public String displayName() {
    return displayName;
  }

  /** Lower-case name used in URLs and configuration keys, e.g. {@code kmd-opus}. */
  public String slug() {
    return slug;
  }

  /** KMD Opus and Prisme 2015 have a citizen payment solution; the others do not. */
  public boolean hasPaymentSolution() {
    return paymentSolution;
  }
}
