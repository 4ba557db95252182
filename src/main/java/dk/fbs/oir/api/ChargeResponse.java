package dk.fbs.oir.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.charge.TimelineEntry;
import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
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
        /** Who runs the collection after the invoice: the debtor system (DEBTOR_LED) or our process (FBS_LED). */
        DunningMode dunningMode,
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
        boolean stale,
        List<PaymentOption> paymentOptions,
        List<TimelineEntry> timeline) {

    public record MaskedDebtor(String cpr, String name) {}

    /**
     * How the citizen can pay: {@code PAYMENT_SOLUTION} (KMD Opus, Prisme 2015: the debtor system's
     * own, with the reference to use), {@code LIBRARY} (at the desk; FBS posts it to
     * {@code /payments}), or {@code FBS} for a charge that stays in FBS.
     */
    public record PaymentOption(String channel, String debtorSystem, String reference) {}

    static List<PaymentOption> paymentOptions(Charge c) {
        if (c.route() == null || c.route().debtorSystem().isEmpty()) {
            return c.route() == null ? List.of() : List.of(new PaymentOption("FBS", null, null));
        }
        DebtorSystem system = c.debtorSystem();
        PaymentOption library = new PaymentOption("LIBRARY", system.displayName(), null);
        return system.hasPaymentSolution() && c.paymentReference() != null
                ? List.of(new PaymentOption("PAYMENT_SOLUTION", system.displayName(), c.paymentReference()), library)
                : List.of(library);
    }

    static ChargeResponse of(Charge c, List<TimelineEntry> timeline, boolean stale) {
        return new ChargeResponse(
                c.fbsChargeId(),
                c.municipalityCode(),
                c.route(),
                c.dunningMode(),
                c.status(),
                c.type(),
                c.amount().kroner(),
                c.balance().kroner(),
                c.debtorSystemClaimId(),
                new MaskedDebtor(Cpr.mask(c.debtorCpr()), c.debtorName()),
                c.description(),
                c.occurredOn(),
                c.dueDate(),
                c.lastPayDate(),
                c.paymentReference(),
                c.lastConfirmedAt(),
                stale,
                paymentOptions(c),
                timeline);
    }
}
