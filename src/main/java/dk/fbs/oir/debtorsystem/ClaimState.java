package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A claim as the debtor system reported it. */
public record ClaimState(
        String claimId,
        String fbsChargeId,
        ClaimStatus state,
        Money principal,
        Money balance,
        LocalDate dueDate,
        LocalDate lastPayDate,
        String paymentReference,
        int reminders,
        OffsetDateTime changedAt,
        /** Berostillet: the debtor system sends no reminder and makes no transfer until it is resumed. */
        boolean onHold) {}
