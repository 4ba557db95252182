package dk.fbs.oir.charge;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimSubmission.ClaimKind;

/** FBS' kinds of charge and the ØiR claim kind each becomes. */
public enum ChargeType {
    OVERDUE_FEE(ClaimKind.GEBYR, "BIBLIOTEKSGEBYR"),
    REPLACEMENT(ClaimKind.ERSTATNING, "ERSTATNING_BIBLIOTEKSMATERIALE"),
    OTHER_FEE(ClaimKind.ANDET_GEBYR, "BIBLIOTEKSGEBYR");

    private final ClaimKind claimKind;
    private final String psrmClaimType;

    ChargeType(ClaimKind claimKind, String psrmClaimType) {
        this.claimKind = claimKind;
        this.psrmClaimType = psrmClaimType;
    }

    /** PSRM's claim type (fordringstype) when the claim goes to collection; replacement charges have their own. */
    public String psrmClaimType() {
        return psrmClaimType;
    }

    public ClaimKind claimKind() {
        return claimKind;
    }

    /**
     * The highest reminder fee the law allows per letter: a replacement charge is a civil-law claim
     * (renteloven § 9 b: 100 kr.), a library fee a public-law claim (gebyrloven § 2, stk. 2: 250 kr.).
     */
    public Money maxReminderFee() {
        return this == REPLACEMENT ? Money.ofOre(100_00) : Money.ofOre(250_00);
    }
}
