package dk.fbs.oir.reconciliation;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A municipality's reconciliation of one day: both sides' totals (øre) and how many differences. */
public record Report(
        String municipalityCode,
        LocalDate reconciledOn,
        DebtorSystem debtorSystem,
        OffsetDateTime createdAt,
        int ourClaims,
        int theirClaims,
        long ourBalanceOre,
        long theirBalanceOre,
        long theirPaymentsOre,
        long theirCreditsOre,
        long theirWriteOffsOre,
        long theirFeesOre,
        long ourDeskPaymentsOre,
        int pending,
        int inFlight,
        int differences,
        int openDifferences) {}
