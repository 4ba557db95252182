package dk.fbs.oir.charge;

import java.time.OffsetDateTime;

/** One state change of a charge, with a Danish text for FBS and the caseworker. */
public record TimelineEntry(OffsetDateTime at, ChargeStatus status, String text) {}
