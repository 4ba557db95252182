package dk.fbs.oir.charge;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.routing.Route;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A charge in our ledger. Amounts in øre. */
public record Charge(
    String fbsChargeId,
    String municipalityCode,
    String debtorCpr,
    String debtorName,
    ChargeType type,
    long amountOre,
    long balanceOre,
    String description,
    String materialId,
    String branch,
    LocalDate occurredOn,
    Route route,
    ChargeStatus status,
    String debtorSystemClaimId,
    String requestHash,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime lastConfirmedAt) {

  @Override
  public String toString() {
    return "Charge[" + fbsChargeId + ", " + municipalityCode + ", debtor " + Cpr.mask(debtorCpr) + ", " + status + "]";
  }
}
