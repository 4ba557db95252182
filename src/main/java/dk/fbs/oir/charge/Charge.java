package dk.fbs.oir.charge;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.routing.Route;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A charge in our ledger. */
public record Charge(
        String fbsChargeId,
        String municipalityCode,
        String debtorCpr,
        String debtorName,
        ChargeType type,
        Money amount,
        Money balance,
        String description,
        String materialId,
        String branch,
        LocalDate occurredOn,
        Route route,
        /** Who runs the collection after the invoice; null until routed, and for a charge that stays in FBS. */
        DunningMode dunningMode,
        ChargeStatus status,
        String debtorSystemClaimId,
        LocalDate dueDate,
        LocalDate lastPayDate,
        String paymentReference,
        OffsetDateTime awaitingUpdateSince,
        String requestHash,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime lastConfirmedAt) {

    /** The debtor system the charge was routed to; an error for a charge that stays in FBS. */
    public DebtorSystem debtorSystem() {
        return (route == null ? Optional.<DebtorSystem>empty() : route.debtorSystem())
                .orElseThrow(() -> new IllegalStateException(fbsChargeId + " is not routed to a debtor system"));
    }

    @Override
    public String toString() {
        return "Charge[" + fbsChargeId + ", " + municipalityCode + ", debtor " + Cpr.mask(debtorCpr) + ", " + status
                + "]";
    }
}
