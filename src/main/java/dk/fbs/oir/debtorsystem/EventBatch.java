package dk.fbs.oir.debtorsystem;

import java.util.List;

/** Published events of a municipality after a sequence number, oldest first, and the last sequence number. */
public record EventBatch(List<DebtorEvent> events, long lastSeq) {}
