package dk.fbs.oir.reconciliation;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.Posting;
import dk.fbs.oir.debtorsystem.Statement;
import dk.fbs.oir.payment.LibraryPayments.Payment;
import dk.fbs.oir.sync.DebtorSync.ReportedPayment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Compares a debtor system's reconciliation statement for a municipality and day with our ledger.
 * No side effects: the same inputs give the same findings, which is what makes a second run of a
 * day harmless. Amounts are øre throughout.
 *
 * <p>A claim the debtor system changed after it last confirmed anything to us, within its
 * reporting delay ({@code freshness.max-age}), is <em>pending</em>, not a difference: debtor
 * systems report late, and the event is on its way.
 */
final class Comparison {

    /** One difference as found: both sides in words, and the amount it is about (theirs − ours). */
    record Finding(
            DifferenceKind kind,
            String fbsChargeId,
            String claimId,
            String postingId,
            String ours,
            String theirs,
            Long amountOre) {

        /** What makes two findings (on different days) the same difference: its kind and what it is about. */
        String fingerprint(String municipalityCode) {
            return String.join(
                    "|",
                    kind.name(),
                    municipalityCode,
                    String.valueOf(fbsChargeId),
                    String.valueOf(claimId),
                    String.valueOf(postingId));
        }
    }

    /** The day's totals on both sides and the findings. */
    record Result(
            int ourClaims,
            int theirClaims,
            long ourBalanceOre,
            long theirBalanceOre,
            long theirPaymentsOre,
            long theirCreditsOre,
            long theirWriteOffsOre,
            long theirFeesOre,
            long ourDeskPaymentsOre,
            int pending,
            int inFlight,
            List<Finding> findings) {}

    /** Our statuses that agree with each of the debtor system's claim states. */
    private static final Map<ClaimStatus, Set<ChargeStatus>> AGREEING = Map.of(
            ClaimStatus.REGISTERED, EnumSet.of(ChargeStatus.SUBMITTED),
            ClaimStatus.INVOICED, EnumSet.of(ChargeStatus.INVOICED, ChargeStatus.DISPUTED),
            ClaimStatus.REMINDED, EnumSet.of(ChargeStatus.REMINDED, ChargeStatus.DISPUTED),
            ClaimStatus.IN_COLLECTION, EnumSet.of(ChargeStatus.IN_COLLECTION),
            ClaimStatus.PAID, EnumSet.of(ChargeStatus.PAID),
            ClaimStatus.COLLECTED, EnumSet.of(ChargeStatus.COLLECTED),
            ClaimStatus.CREDITED, EnumSet.of(ChargeStatus.CANCELLED),
            ClaimStatus.WRITTEN_OFF, EnumSet.of(ChargeStatus.WRITTEN_OFF));

    private Comparison() {}

    /**
     * @param ours the municipality's charges routed to this debtor system
     * @param deskPayments payments taken at the library on the day and forwarded
     * @param reported payments the debtor system's events of the day told us of
     * @param pending whether a charge's difference to its claim may still be an event on its way
     */
    static Result compare(
            Statement statement,
            List<Charge> ours,
            List<Payment> deskPayments,
            List<ReportedPayment> reported,
            BiPredicate<Charge, ClaimState> pending) {
        List<Finding> findings = new ArrayList<>();
        Map<String, ClaimState> theirs = new LinkedHashMap<>();
        statement.claims().forEach(c -> theirs.put(c.claimId(), c));
        Map<String, Charge> byChargeId = new HashMap<>();
        ours.forEach(c -> byChargeId.put(c.fbsChargeId(), c));

        // the day's payments on their side, matched to ours: desk payments first, then reported ones
        Map<String, Long> unmatchedByClaim = new HashMap<>();
        List<Payment> desk = new ArrayList<>(deskPayments);
        List<ReportedPayment> told = new ArrayList<>(reported);
        List<Posting> unmatched = new ArrayList<>();
        long payments = 0;
        long credits = 0;
        long writeOffs = 0;
        long fees = 0;
        for (Posting p : statement.postings()) {
            long amount = p.amount().ore();
            switch (p.kind()) {
                case PAYMENT -> {
                    payments += amount;
                    Charge charge = byChargeId.get(p.fbsChargeId());
                    boolean matched = charge != null
                            && p.claimId().equals(charge.debtorSystemClaimId())
                            && (desk.removeIf(once(d -> d.fbsChargeId().equals(charge.fbsChargeId())
                                            && d.amount().ore() == amount
                                            && d.paidOn().equals(p.postedOn())))
                                    || told.removeIf(once(r -> r.claimId().equals(p.claimId())
                                            && r.amount().ore() == amount
                                            && r.on().equals(p.postedOn()))));
                    if (!matched) {
                        unmatched.add(p);
                        unmatchedByClaim.merge(p.claimId(), amount, Long::sum);
                    }
                }
                case CREDIT -> credits += amount;
                case WRITE_OFF -> writeOffs += amount;
                case REMINDER_FEE -> fees += amount;
                case OTHER -> {} // a kind we do not know counts in no total; the balances still show it
            }
        }

        int ourClaims = 0;
        long ourBalance = 0;
        int pendingCount = 0;
        int inFlight = 0;
        Set<String> pendingClaims = new HashSet<>();
        for (Charge charge : ours) {
            if (charge.debtorSystemClaimId() == null) {
                if (charge.status() == ChargeStatus.RECEIVED) {
                    inFlight++; // submission under way (or an incident the operator sees in Cockpit)
                }
                continue;
            }
            ourClaims++;
            ourBalance += charge.balance().ore();
            ClaimState claim = theirs.remove(charge.debtorSystemClaimId());
            if (claim == null) {
                findings.add(new Finding(
                        DifferenceKind.MISSING_IN_DEBTOR_SYSTEM,
                        charge.fbsChargeId(),
                        charge.debtorSystemClaimId(),
                        null,
                        describe(charge),
                        "Ingen fordring " + charge.debtorSystemClaimId(),
                        -charge.balance().ore()));
                continue;
            }
            long ourBalanceOre = charge.balance().ore();
            long theirBalance = claim.balance().ore();
            boolean balanceDiffers = theirBalance != ourBalanceOre;
            boolean statusDiffers =
                    !AGREEING.getOrDefault(claim.state(), Set.of()).contains(charge.status());
            if (!balanceDiffers && !statusDiffers) {
                continue;
            }
            if (pending.test(charge, claim)) {
                pendingCount++;
                pendingClaims.add(claim.claimId());
                continue;
            }
            long unexplained = theirBalance - (ourBalanceOre - unmatchedByClaim.getOrDefault(claim.claimId(), 0L));
            if (unexplained != 0) {
                findings.add(new Finding(
                        DifferenceKind.AMOUNT_DIFFERS,
                        charge.fbsChargeId(),
                        claim.claimId(),
                        null,
                        "Saldo " + kroner(ourBalanceOre),
                        "Saldo " + kroner(theirBalance),
                        theirBalance - ourBalanceOre));
            }
            if (statusDiffers) {
                findings.add(new Finding(
                        DifferenceKind.STATUS_DIFFERS,
                        charge.fbsChargeId(),
                        claim.claimId(),
                        null,
                        "Status " + charge.status(),
                        "Tilstand " + claim.state().oirName(),
                        null));
            }
        }

        for (ClaimState claim : theirs.values()) {
            Charge sameCharge = byChargeId.get(claim.fbsChargeId());
            findings.add(new Finding(
                    DifferenceKind.UNKNOWN_TO_US,
                    claim.fbsChargeId(),
                    claim.claimId(),
                    null,
                    sameCharge == null
                            ? "Intet gebyr " + claim.fbsChargeId()
                            : sameCharge.debtorSystemClaimId() == null
                                    ? "Gebyret er " + sameCharge.status() + " uden fordring"
                                    : "Gebyret har fordring " + sameCharge.debtorSystemClaimId(),
                    "Fordring " + claim.claimId() + ", " + claim.state().oirName() + ", saldo " + claim.balance()
                            + " kr.",
                    claim.balance().ore()));
        }
        for (Posting p : unmatched) {
            if (pendingClaims.contains(p.claimId())) {
                continue;
            }
            findings.add(new Finding(
                    DifferenceKind.PAYMENT_NOT_MATCHED,
                    p.fbsChargeId(),
                    p.claimId(),
                    p.postingId(),
                    "Ingen indbetaling registreret",
                    "Indbetaling " + p.amount() + " kr. den " + p.postedOn() + " (postering " + p.postingId() + ")",
                    p.amount().ore()));
        }
        for (Payment d : desk) {
            Charge charge = byChargeId.get(d.fbsChargeId());
            findings.add(new Finding(
                    DifferenceKind.PAYMENT_NOT_MATCHED,
                    d.fbsChargeId(),
                    charge == null ? null : charge.debtorSystemClaimId(),
                    d.paymentId(),
                    "Betaling på biblioteket " + kroner(d.amount().ore()) + " den " + d.paidOn() + " (betaling "
                            + d.paymentId() + ")",
                    "Ingen indbetaling på dagen",
                    -d.amount().ore()));
        }
        long deskTotal = deskPayments.stream().mapToLong(d -> d.amount().ore()).sum();
        return new Result(
                ourClaims,
                statement.claims().size(),
                ourBalance,
                statement.totalBalance().ore(),
                payments,
                credits,
                writeOffs,
                fees,
                deskTotal,
                pendingCount,
                inFlight,
                findings);
    }

    /** A predicate true for the first element it matches only, so removeIf takes away one element. */
    private static <T> Predicate<T> once(Predicate<T> test) {
        boolean[] done = {false};
        return t -> {
            if (!done[0] && test.test(t)) {
                done[0] = true;
                return true;
            }
            return false;
        };
    }

    private static String describe(Charge charge) {
        return "Status " + charge.status() + ", saldo "
                + kroner(charge.balance().ore()) + ", fordring " + charge.debtorSystemClaimId();
    }

    static String kroner(long ore) {
        return Money.ofOre(ore) + " kr.";
    }
}
