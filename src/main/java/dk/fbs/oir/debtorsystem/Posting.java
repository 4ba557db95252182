package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import java.time.LocalDate;

/** A posting of the day in the debtor system. */
public record Posting(
        String postingId, String claimId, String fbsChargeId, PostingKind kind, Money amount, LocalDate postedOn) {}
