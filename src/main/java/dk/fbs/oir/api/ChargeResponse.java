package dk.fbs.oir.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.charge.TimelineEntry;
import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.routing.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A charge as FBS reads it; the debtor's CPR number is masked. */
public record ChargeResponse(
    String fbsChargeId,
    String municipalityCode,
    Route route,
    ChargeStatus status,
    ChargeType type,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
    String debtorSystemClaimId,
    MaskedDebtor debtor,
    String description,
    LocalDate occurredOn,
    LocalDate dueDate,
    LocalDate lastPayDate,
    String paymentReference,
    OffsetDateTime lastConfirmedAt,
    List<TimelineEntry> timeline) {

  public record MaskedDebtor(String cpr, String name) {}

  static ChargeResponse of(Charge c, List<TimelineEntry> timeline) {
    return new ChargeResponse(c.fbsChargeId(), c.municipalityCode(), c.route(), c.status(), c.type(),
        Money.toKroner(c.amountOre()), Money.toKroner(c.balanceOre()), c.debtorSystemClaimId(),
        new MaskedDebtor(Cpr.mask(c.debtorCpr()), c.debtorName()), c.description(), c.occurredOn(),
        c.dueDate(), c.lastPayDate(), c.paymentReference(), c.lastConfirmedAt(), timeline);
  }
}
