package dk.fbs.oir.reconciliation;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A difference between our ledger and a debtor system's: both sides in words, the amount it is
 * about in øre (theirs − ours; null where it is not about an amount), and what became of it.
 */
public record Difference(
        long id,
        String municipalityCode,
        DebtorSystem debtorSystem,
        DifferenceKind kind,
        String fbsChargeId,
        String claimId,
        String postingId,
        String ours,
        String theirs,
        Long amountOre,
        LocalDate firstSeenOn,
        String state,
        String resolution,
        String note,
        String resolvedBy,
        OffsetDateTime resolvedAt) {}
