package dk.fbs.oir.simulator;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A claim as the simulated debtor system holds it. */
record SimClaim(
        long claimNo,
        String claimId,
        DebtorSystem debtorSystem,
        String municipalityCode,
        String fbsChargeId,
        String cpr,
        String debtorName,
        String claimType,
        long principalOre,
        long balanceOre,
        String state,
        String description,
        LocalDate establishedOn,
        LocalDate dueDate,
        LocalDate lastPayDate,
        String paymentReference,
        int reminderCount,
        OffsetDateTime changedAt,
        /** The debtor system dunns the claim itself (invoice, reminders, collection on its own clock). */
        boolean debtorLed,
        /** Berostillet: no reminder and no transfer until it is resumed. */
        boolean onHold,
        /** When PSRM reports its outcome on a claim the debtor system transferred itself. */
        LocalDate collectionDue) {

    boolean isOpen() {
        return switch (state) {
            case "REGISTRERET", "OPKRAEVET", "RYKKET", "OVERDRAGET_TIL_INDDRIVELSE" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "SimClaim[" + claimId + ", " + fbsChargeId + ", debtor " + Cpr.mask(cpr) + ", " + state + "]";
    }
}
