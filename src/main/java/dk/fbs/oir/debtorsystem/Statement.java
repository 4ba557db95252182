package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import java.time.LocalDate;
import java.util.List;

/** The debtor system's reconciliation statement: its claims with their balances and the day's postings. */
public record Statement(LocalDate day, List<ClaimState> claims, List<Posting> postings, Money totalBalance) {}
