package dk.fbs.oir.oir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A claim as the debtor system reported it. {@code state} is ØiR's claim state (Danish). */
public record ClaimState(
    String claimId,
    String fbsChargeId,
    String state,
    BigDecimal principal,
    BigDecimal balance,
    LocalDate dueDate,
    LocalDate lastPayDate,
    String paymentReference,
    int reminders,
    OffsetDateTime changedAt) {}
