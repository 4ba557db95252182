package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An event of a debtor system, numbered by its sequence per system. {@code amount} is the amount the
 * event is about (a payment, a fee), null where it is about none; {@code balance} is the claim's
 * balance after it. A reminder's event carries its number ({@code reminderNo}), its fee ({@code amount}) and
 * the new last day to pay ({@code lastPayDate}).
 */
public record DebtorEvent(
        long seq,
        EventKind kind,
        String claimId,
        String fbsChargeId,
        String municipalityCode,
        Money amount,
        Money balance,
        ClaimStatus state,
        LocalDate dueDate,
        LocalDate lastPayDate,
        Integer reminderNo,
        OffsetDateTime occurredAt,
        String text) {}
