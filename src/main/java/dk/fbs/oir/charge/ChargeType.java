package dk.fbs.oir.charge;

import dk.fbs.oir.oir.ClaimSubmission.ClaimKind;

/** FBS' kinds of charge and the ØiR claim kind each becomes. */
public enum ChargeType {
  OVERDUE_FEE(ClaimKind.GEBYR),
  REPLACEMENT(ClaimKind.ERSTATNING),
  OTHER_FEE(ClaimKind.ANDET_GEBYR);

  private final ClaimKind claimKind;

  ChargeType(ClaimKind claimKind) {
    this.claimKind = claimKind;
  }

  public ClaimKind claimKind() {
    return claimKind;
  }
}
