package dk.fbs.oir.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.ClaimSubmission.ClaimKind;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.EventKind;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The debtor systems' own dunning of the claims they run themselves, on the simulator's clock:
 * each personality's reminders with its fee and interval, the transfer to PSRM after the last one,
 * PSRM's outcome, a write-off below the limit, and a hold that stops it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class SimulatedDunningTest {

    @Autowired
    OirGateway oir;

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    SimulatorClock clock;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void backToToday() {
        clock.reset();
        simulator.behaviour(DebtorSystem.PRISME_2009).setWriteOffBelow(new BigDecimal("50.00"));
    }

    @Test
    void kmdOpusRemindsTwiceThenTransfersAndPsrmCollects() {
        ClaimState claim = submit(DebtorSystem.KMD_OPUS, "851", DunningMode.DEBTOR_LED, "125.00");
        LocalDate lastPayDate = oir.getClaim(DebtorSystem.KMD_OPUS, "851", claim.claimId(), ref())
                .lastPayDate();

        advanceTo(lastPayDate.plusDays(1));
        ClaimState first = oir.getClaim(DebtorSystem.KMD_OPUS, "851", claim.claimId(), ref());
        assertThat(first.state()).isEqualTo(ClaimStatus.REMINDED);
        assertThat(first.reminders()).isEqualTo(1);
        assertThat(first.balance()).isEqualTo(Money.ofOre(22_500)); // KMD Opus' fee: 100 kr.
        assertThat(first.lastPayDate()).isEqualTo(lastPayDate.plusDays(11)); // 10 days to pay the reminder

        advanceTo(first.lastPayDate().plusDays(1));
        assertThat(oir.getClaim(DebtorSystem.KMD_OPUS, "851", claim.claimId(), ref())
                        .reminders())
                .isEqualTo(2);

        advance(11); // the second reminder's deadline passes: the debtor system transfers the claim itself
        assertThat(oir.getClaim(DebtorSystem.KMD_OPUS, "851", claim.claimId(), ref())
                        .state())
                .isEqualTo(ClaimStatus.IN_COLLECTION);

        advance(30); // PSRM's outcome
        ClaimState collected = oir.getClaim(DebtorSystem.KMD_OPUS, "851", claim.claimId(), ref());
        assertThat(collected.state()).isEqualTo(ClaimStatus.COLLECTED);
        assertThat(collected.balance()).isEqualTo(Money.ZERO);

        List<DebtorEvent> events = eventsOf(DebtorSystem.KMD_OPUS, "851", claim.claimId());
        assertThat(events)
                .extracting(DebtorEvent::kind)
                .containsSubsequence(
                        EventKind.INVOICE_ISSUED,
                        EventKind.REMINDER_SENT,
                        EventKind.REMINDER_SENT,
                        EventKind.TRANSFERRED_TO_COLLECTION,
                        EventKind.COLLECTION_COMPLETED);
        assertThat(events)
                .filteredOn(e -> e.kind() == EventKind.REMINDER_SENT)
                .extracting(DebtorEvent::reminderNo, DebtorEvent::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Money.ofOre(10_000)),
                        org.assertj.core.groups.Tuple.tuple(2, Money.ofOre(10_000)));
    }

    @Test
    void eachPersonalityHasItsOwnNumberOfReminders() {
        Map<DebtorSystem, String> municipalities = Map.of(
                DebtorSystem.KMD_OPUS,
                "751",
                DebtorSystem.PRISME_2015,
                "657",
                DebtorSystem.PRISME_2009,
                "615",
                DebtorSystem.EG_OS_INDSIGT,
                "740");
        Map<DebtorSystem, ClaimState> claims = new java.util.EnumMap<>(DebtorSystem.class);
        municipalities.forEach((system, m) -> claims.put(system, submit(system, m, DunningMode.DEBTOR_LED, "125.00")));

        advance(200); // long enough for every personality's whole dunning

        claims.forEach((system, claim) -> {
            ClaimState now = oir.getClaim(system, municipalities.get(system), claim.claimId(), ref());
            assertThat(now.reminders())
                    .as(system.displayName())
                    .isEqualTo(simulator.behaviour(system).getReminders());
            assertThat(now.state()).as(system.displayName()).isIn(ClaimStatus.COLLECTED, ClaimStatus.WRITTEN_OFF);
        });
    }

    @Test
    void aClaimOurProcessDunsIsLeftAlone() {
        ClaimState claim = submit(DebtorSystem.PRISME_2015, "746", DunningMode.FBS_LED, "125.00");

        advance(120);

        ClaimState now = oir.getClaim(DebtorSystem.PRISME_2015, "746", claim.claimId(), ref());
        assertThat(now.state()).isEqualTo(ClaimStatus.INVOICED);
        assertThat(now.reminders()).isZero();
    }

    @Test
    void aHeldClaimGetsNothingUntilResumedAndThenANewDeadline() {
        ClaimState claim = submit(DebtorSystem.EG_OS_INDSIGT, "791", DunningMode.DEBTOR_LED, "125.00");
        assertThat(oir.hold(DebtorSystem.EG_OS_INDSIGT, "791", claim.claimId(), "Indsigelse", ref())
                        .onHold())
                .isTrue();

        advance(60);
        assertThat(oir.getClaim(DebtorSystem.EG_OS_INDSIGT, "791", claim.claimId(), ref())
                        .reminders())
                .isZero();

        ClaimState resumed = oir.resume(DebtorSystem.EG_OS_INDSIGT, "791", claim.claimId(), ref());
        assertThat(resumed.onHold()).isFalse();
        assertThat(resumed.lastPayDate()).isEqualTo(today().plusDays(14)); // EG's reminder interval
    }

    @Test
    void aBalanceBelowTheLimitIsWrittenOffInsteadOfTransferred() {
        simulator.behaviour(DebtorSystem.PRISME_2009).setWriteOffBelow(new BigDecimal("1000.00"));
        ClaimState claim = submit(DebtorSystem.PRISME_2009, "810", DunningMode.DEBTOR_LED, "40.00");

        advance(100);

        ClaimState now = oir.getClaim(DebtorSystem.PRISME_2009, "810", claim.claimId(), ref());
        assertThat(now.state()).isEqualTo(ClaimStatus.WRITTEN_OFF);
        assertThat(eventsOf(DebtorSystem.PRISME_2009, "810", claim.claimId()))
                .extracting(DebtorEvent::kind)
                .contains(EventKind.CLAIM_WRITTEN_OFF)
                .doesNotContain(EventKind.TRANSFERRED_TO_COLLECTION);
    }

    @Test
    void theClockOnlyMovesOnByWholeDays() {
        JsonNode refused = http.postForObject("/simulator/api/clock", Map.of("advanceDays", 0), JsonNode.class);
        assertThat(refused.get("status").asInt()).isEqualTo(409);
        assertThat(refused.get("detail").asText()).contains("advanceDays");
    }

    // ----------------------------------------------------------------

    private ClaimState submit(DebtorSystem system, String municipality, DunningMode mode, String amount) {
        String id = "DUN-" + UUID.randomUUID();
        return oir.submitClaim(
                system,
                new ClaimSubmission(
                        municipality,
                        id,
                        TestCharges.CPR,
                        "Jens Hansen",
                        ClaimKind.GEBYR,
                        Money.ofKroner(new BigDecimal(amount)),
                        "Overskredet lånetid",
                        today(),
                        null,
                        null,
                        mode),
                IdempotencyRef.submission(id, 1));
    }

    private void advanceTo(LocalDate day) {
        advance((int) (day.toEpochDay() - today().toEpochDay()));
    }

    private void advance(int days) {
        JsonNode moved = http.postForObject("/simulator/api/clock", Map.of("advanceDays", days), JsonNode.class);
        assertThat(moved.get("today").asText()).isEqualTo(today().toString());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<DebtorEvent> eventsOf(DebtorSystem system, String municipality, String claimId) {
        return oir.events(system, municipality, 0, 1000).events().stream()
                .filter(e -> e.claimId().equals(claimId))
                .toList();
    }

    private static IdempotencyRef ref() {
        return new IdempotencyRef("test/" + UUID.randomUUID());
    }
}
