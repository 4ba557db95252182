package dk.fbs.oir.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeStatus;
import dk.fbs.oir.charge.ChargeType;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.Posting;
import dk.fbs.oir.debtorsystem.PostingKind;
import dk.fbs.oir.debtorsystem.Statement;
import dk.fbs.oir.payment.LibraryPayments.Payment;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.sync.DebtorSync.ReportedPayment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of a statement with our ledger, one kind of difference at a time. */
class ComparisonTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final OffsetDateTime CONFIRMED = OffsetDateTime.parse("2026-11-19T10:00:00+01:00");

    private final List<Charge> ours = new ArrayList<>();
    private final List<ClaimState> claims = new ArrayList<>();
    private final List<Posting> postings = new ArrayList<>();
    private final List<Payment> desk = new ArrayList<>();
    private final List<ReportedPayment> reported = new ArrayList<>();

    @Test
    void aCleanDayHasNoDifferencesAndExactTotals() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_550, 12_550);
        claim("C1", "FBS-1", "OPKRAEVET", 12_550);
        charge("FBS-2", "C2", ChargeStatus.PAID, 10_001, 0);
        claim("C2", "FBS-2", "BETALT", 0);
        posting("C2", "FBS-2", "INDBETALING", "100.01");
        reported.add(new ReportedPayment("C2", Money.ofOre(10_001), DAY));
        charge("FBS-3", "C3", ChargeStatus.REMINDED, 5_000, 5_033);
        claim("C3", "FBS-3", "RYKKET", 5_033);
        posting("C3", "FBS-3", "RYKKERGEBYR", "0.33");

        Comparison.Result r = compare();

        assertThat(r.findings()).isEmpty();
        assertThat(r.ourClaims()).isEqualTo(3);
        assertThat(r.theirClaims()).isEqualTo(3);
        assertThat(r.ourBalanceOre()).isEqualTo(17_583).isEqualTo(r.theirBalanceOre());
        assertThat(r.theirPaymentsOre()).isEqualTo(10_001);
        assertThat(r.theirFeesOre()).isEqualTo(33);
    }

    @Test
    void aClaimTheDebtorSystemDoesNotHaveIsMissing() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_500, 12_500);

        assertThat(compare().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DifferenceKind.MISSING_IN_DEBTOR_SYSTEM);
            assertThat(f.fbsChargeId()).isEqualTo("FBS-1");
            assertThat(f.amountOre()).isEqualTo(-12_500);
        });
    }

    @Test
    void aClaimWeDoNotHaveIsUnknownEvenForAChargeWeKnow() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_500, 12_500);
        claim("C1", "FBS-1", "OPKRAEVET", 12_500);
        claim("C9", "FBS-1", "OPKRAEVET", 12_500);

        assertThat(compare().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DifferenceKind.UNKNOWN_TO_US);
            assertThat(f.claimId()).isEqualTo("C9");
            assertThat(f.ours()).contains("C1");
        });
    }

    @Test
    void balanceAndStatusDifferencesAreFoundSeparately() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_500, 12_500);
        claim("C1", "FBS-1", "OPKRAEVET", 9_900);
        charge("FBS-2", "C2", ChargeStatus.INVOICED, 5_000, 5_000);
        claim("C2", "FBS-2", "AFSKREVET", 5_000);

        assertThat(compare().findings())
                .extracting(Comparison.Finding::kind, Comparison.Finding::amountOre)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.AMOUNT_DIFFERS, -2_600L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.STATUS_DIFFERS, null));
    }

    @Test
    void aPaymentNobodyToldUsOfIsNotMatchedAndExplainsTheBalance() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_500, 12_500);
        claim("C1", "FBS-1", "OPKRAEVET", 2_500);
        posting("C1", "FBS-1", "INDBETALING", "100.00");

        assertThat(compare().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DifferenceKind.PAYMENT_NOT_MATCHED);
            assertThat(f.postingId()).isEqualTo("C1/1");
            assertThat(f.amountOre()).isEqualTo(10_000);
        });
    }

    @Test
    void aDeskPaymentMissingFromTheStatementIsNotMatched() {
        charge("FBS-1", "C1", ChargeStatus.PAID, 12_500, 0);
        claim("C1", "FBS-1", "BETALT", 0);
        desk.add(new Payment("P-1", "FBS-1", Money.ofOre(12_500), DAY, "FORWARDED", CONFIRMED, CONFIRMED));

        assertThat(compare().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DifferenceKind.PAYMENT_NOT_MATCHED);
            assertThat(f.postingId()).isEqualTo("P-1");
        });
    }

    @Test
    void aDeskPaymentOnTheStatementIsMatchedOnceOnly() {
        charge("FBS-1", "C1", ChargeStatus.PAID, 20_000, 0);
        claim("C1", "FBS-1", "BETALT", 0);
        posting("C1", "FBS-1", "INDBETALING", "100.00");
        posting("C1", "FBS-1", "INDBETALING", "100.00");
        desk.add(new Payment("P-1", "FBS-1", Money.ofOre(10_000), DAY, "FORWARDED", CONFIRMED, CONFIRMED));

        assertThat(compare().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(DifferenceKind.PAYMENT_NOT_MATCHED));
    }

    @Test
    void aChangeWhoseEventIsOnItsWayIsPendingNotADifference() {
        charge("FBS-1", "C1", ChargeStatus.INVOICED, 12_500, 12_500);
        claim("C1", "FBS-1", "BETALT", 0);
        posting("C1", "FBS-1", "INDBETALING", "125.00");

        Comparison.Result r = Comparison.compare(statement("0.00"), ours, desk, reported, (charge, claim) -> true);

        assertThat(r.findings()).isEmpty();
        assertThat(r.pending()).isEqualTo(1);
    }

    @Test
    void aChargeStillBeingSubmittedIsInFlight() {
        ours.add(new Charge(
                "FBS-1",
                "101",
                "0101901234",
                "Jens",
                ChargeType.OVERDUE_FEE,
                Money.ofOre(100),
                Money.ofOre(100),
                "x",
                null,
                null,
                DAY,
                Route.to(DebtorSystem.KMD_OPUS),
                DunningMode.FBS_LED,
                ChargeStatus.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                "h",
                CONFIRMED,
                CONFIRMED,
                null));

        Comparison.Result r = compare();

        assertThat(r.findings()).isEmpty();
        assertThat(r.inFlight()).isEqualTo(1);
    }

    // ----------------------------------------------------------------

    private Comparison.Result compare() {
        return compare(claims.stream()
                .map(ClaimState::balance)
                .reduce(Money.ZERO, Money::plus)
                .toString());
    }

    private Comparison.Result compare(String total) {
        return Comparison.compare(statement(total), ours, desk, reported, (charge, claim) -> false);
    }

    private Statement statement(String total) {
        return new Statement(DAY, claims, postings, Money.ofKroner(new BigDecimal(total)));
    }

    private void charge(String id, String claimId, ChargeStatus status, long amountOre, long balanceOre) {
        ours.add(new Charge(
                id,
                "101",
                "0101901234",
                "Jens",
                ChargeType.OVERDUE_FEE,
                Money.ofOre(amountOre),
                Money.ofOre(balanceOre),
                "x",
                null,
                null,
                DAY,
                Route.to(DebtorSystem.KMD_OPUS),
                DunningMode.FBS_LED,
                status,
                claimId,
                null,
                null,
                null,
                null,
                "h",
                CONFIRMED,
                CONFIRMED,
                CONFIRMED));
    }

    private void claim(String claimId, String fbsChargeId, String state, long balanceOre) {
        claims.add(new ClaimState(
                claimId,
                fbsChargeId,
                ClaimStatus.ofOirName(state),
                Money.ofOre(100),
                Money.ofOre(balanceOre),
                null,
                null,
                null,
                0,
                CONFIRMED,
                false));
    }

    private void posting(String claimId, String fbsChargeId, String kind, String amount) {
        long n = postings.stream().filter(p -> p.claimId().equals(claimId)).count() + 1;
        postings.add(new Posting(
                claimId + "/" + n,
                claimId,
                fbsChargeId,
                PostingKind.ofOirName(kind),
                Money.ofKroner(new BigDecimal(amount)),
                DAY));
    }
}
