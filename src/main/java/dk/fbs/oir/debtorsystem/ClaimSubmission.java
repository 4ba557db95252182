package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import java.time.LocalDate;

/** What we hand to the debtor system when we create a claim. */
public record ClaimSubmission(
        String municipalityCode,
        String fbsChargeId,
        String cpr,
        String debtorName,
        ClaimKind kind,
        Money principal,
        String description,
        LocalDate establishedOn,
        String materialId,
        String branch,
        DunningMode dunningMode) {

    /** ØiR's kinds of claim (fordringsart). */
    public enum ClaimKind {
        GEBYR,
        ERSTATNING,
        ANDET_GEBYR
    }

    @Override
    public String toString() {
        return "ClaimSubmission[" + fbsChargeId + ", " + municipalityCode + ", debtor " + Cpr.mask(cpr) + ", " + kind
                + ", " + principal + "]";
    }
}
