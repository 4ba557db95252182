package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.TimeTravel;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import dk.fbs.oir.simulator.SimulatorTestControls;
import dk.fbs.oir.sync.DebtorSync;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DEBTOR_LED end to end on PostgreSQL, once per personality: the municipality's finance function
 * runs the collection in its debtor system (the simulator's own dunning, on its clock) and our
 * process follows its events; it sends no reminder and no transfer itself. FBS sees the statuses
 * and the timeline. Municipalities of the sample register that are DEBTOR_LED and used by no other test.
 */
@PostgresIntegrationTest
class DebtorLedLifecycleIT {

    private static final String PERSONALITIES = """
      157, KMD_OPUS
      270, PRISME_2015
      217, PRISME_2009
      183, EG_OS_INDSIGT""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatorTestControls simulator;

    @Autowired
    DebtorSync debtorSync;

    private FbsClient fbs;

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    /** Every event the simulator made in the test has reached us before its clock goes back. */
    @AfterEach
    void backToToday() {
        awaitEverythingDelivered();
        simulator.reset();
        clock.reset();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void paidAfterTheDebtorSystemsSecondReminder(String municipality, DebtorSystem system) {
        simulator.atLeastTwoReminders(system);
        String id = invoiced(municipality);

        JsonNode first = advanceUntil(id, "REMINDED");
        assertThat(first.get("dunningMode").asText()).isEqualTo("DEBTOR_LED");
        advanceUntil(
                id,
                c -> c.get("timeline").findValuesAsText("text").stream()
                        .anyMatch(t -> t.startsWith("Rykker 2 sendt af")));
        String balance = fbs.charge(id).get("balance").asText();
        assertThat(new BigDecimal(balance)).isGreaterThan(new BigDecimal("125.00")); // the debtor system's own fees

        pay(id, system, balance);
        JsonNode paid = fbs.awaitStatus(id, "PAID");
        assertThat(paid.get("balance").asText()).isEqualTo("0.00");
        assertNoReminderOrTransferFromUs(id);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void collectedByPsrm(String municipality, DebtorSystem system) {
        String id = invoiced(municipality);

        advanceUntil(id, "IN_COLLECTION");
        JsonNode collected = advanceUntil(id, "COLLECTED");
        assertThat(collected.get("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith(
                        "Overdraget til inddrivelse hos Gældsstyrelsen (PSRM) af " + system.displayName()));
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("INDDREVET");
        assertNoReminderOrTransferFromUs(id);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void writtenOffByTheDebtorSystem(String municipality, DebtorSystem system) {
        simulator.writeOffEverything(system);
        String id = invoiced(municipality);

        JsonNode writtenOff = advanceUntil(id, "WRITTEN_OFF");
        assertThat(writtenOff.get("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith("Afskrevet af " + system.displayName()));
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("AFSKREVET");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void cancelledWhileAtPsrm(String municipality, DebtorSystem system) {
        String id = invoiced(municipality);
        advanceUntil(id, "IN_COLLECTION");

        assertThat(fbs.post("/api/v1/charges/" + id + "/cancellation", Map.of("reason", "MATERIAL_RETURNED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "CANCELLED");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("KREDITERET");
    }

    /**
     * PSRM collected the claim, but its event has not reached us when FBS cancels: there is nothing
     * left to credit, and the charge ends collected, with the cancellation in its timeline.
     */
    @Test
    void cancelledAfterPsrmCollectedButBeforeWeHeard() {
        String id = invoiced("157");
        advanceUntil(id, "IN_COLLECTION");
        simulator.stopPublishing(DebtorSystem.KMD_OPUS);
        try {
            for (int days = 0; !"INDDREVET".equals(fbs.claim(id).get("state").asText()); days += 5) {
                assertThat(days).as("PSRM's outcome").isLessThan(200);
                simulator.advanceDays(5);
            }
            assertThat(fbs.charge(id).get("status").asText()).isEqualTo("IN_COLLECTION");

            assertThat(fbs.post("/api/v1/charges/" + id + "/cancellation", Map.of("reason", "MATERIAL_RETURNED"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            JsonNode collected = fbs.awaitStatus(id, "COLLECTED", "CANCELLED");
            assertThat(collected.get("status").asText()).isEqualTo("COLLECTED");
            assertThat(collected.get("balance").asText()).isEqualTo("0.00");
            assertThat(collected.get("timeline").findValuesAsText("text"))
                    .anyMatch(t -> t.startsWith("Annullering fra FBS") && t.contains("kom for sent"));
            assertThat(jdbc.queryForObject(
                            "select count(*) from sim_request where operation = 'KrediterFordring' and claim_id = ?",
                            Long.class,
                            collected.get("debtorSystemClaimId").asText()))
                    .isZero();
        } finally {
            simulator.publishEverything(DebtorSystem.KMD_OPUS); // held events would hold up the municipality's next
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void disputedBeforeTheInvoiceHeldAndUpheld(String municipality, DebtorSystem system) {
        simulator.delayEvents(system, Duration.ofDays(1)); // its invoice reaches us a day after the claim
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "SUBMITTED");

        disputedAndHeld(id);
        simulator.advanceDays(60); // held: the debtor system sends no reminder; its invoice reaches us meanwhile
        awaitEverythingDelivered();
        assertThat(fbs.claim(id).get("reminders").asInt()).isZero();
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("DISPUTED");

        upheld(id);
        await().until(() -> !fbs.claim(id).get("onHold").asBoolean());
        JsonNode reminded = advanceUntil(id, "REMINDED"); // its dunning goes on
        assertThat(reminded.get("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith("Indsigelse: Bogen blev afleveret"))
                .anyMatch(t -> t.startsWith("Opkrævning udsendt"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from sim_request where operation = 'OpretFordring' and claim_id = ?",
                        Long.class,
                        reminded.get("debtorSystemClaimId").asText()))
                .as("submitted once")
                .isOne();
    }

    /** The municipality decides an objection to its claim at Gældsstyrelsen: held there meanwhile. */
    @Test
    void disputedWhileAtPsrmHeldAndUpheld() {
        String id = invoiced("157");
        advanceUntil(id, "IN_COLLECTION");
        disputedAndHeld(id);
        simulator.advanceDays(60); // held: PSRM's outcome waits
        awaitEverythingDelivered();
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("DISPUTED");

        upheld(id);
        fbs.awaitStatus(id, "IN_COLLECTION");
        await().until(() -> !fbs.claim(id).get("onHold").asBoolean());
        advanceUntil(id, "COLLECTED");
    }

    /**
     * The debtor system's events reach us twice and in the wrong order (a push retried, a pull
     * overtaking it), the last payment first: FBS sees each step once and the charge paid.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = PERSONALITIES)
    void everyEventDeliveredTwiceAndOutOfOrder(String municipality, DebtorSystem system) {
        simulator.atLeastTwoReminders(system);
        String id = invoiced(municipality);
        simulator.stopPublishing(system);
        for (int days = 0; reminders(id) < 2; days += 5) {
            assertThat(days).as("the debtor system's second reminder").isLessThan(200);
            simulator.advanceDays(5);
        }
        List<DebtorEvent> reminded = simulator.eventsOf(id);
        pay(id, system, reminded.get(reminded.size() - 1).balance().kroner().toPlainString());
        List<DebtorEvent> events = new ArrayList<>(await().until(
                        () -> simulator.eventsOf(id),
                        all -> all.stream().anyMatch(e -> e.kind() == EventKind.PAYMENT_RECEIVED)));

        Collections.reverse(events);
        events.forEach(event -> debtorSync.record(system, event, false));
        Collections.shuffle(events, new Random(events.size()));
        events.forEach(event -> debtorSync.record(system, event, false));
        simulator.publishEverything(system); // and the pull reads them once more, in order
        awaitEverythingDelivered();

        JsonNode paid = fbs.awaitStatus(id, "PAID");
        assertThat(paid.get("balance").asText()).isEqualTo("0.00");
        List<String> texts = paid.get("timeline").findValuesAsText("text");
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(eventsReceived(id)).isEqualTo(events.size());
        assertThat(jdbc.queryForList(
                        "select reminder_no from debtor_event where fbs_charge_id = ? and kind = 'RYKKER_UDSENDT'"
                                + " order by seq",
                        Integer.class,
                        id))
                .as("a reminder's number is kept with its event (and with an event that waits for its charge)")
                .containsExactly(1, 2);
        assertNoReminderOrTransferFromUs(id);
    }

    /**
     * Municipalities of their own: the events the silent debtor system makes are published only in a
     * year, and hold back every later event of their municipality until then.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({"159, KMD_OPUS", "316, PRISME_2015", "320, PRISME_2009", "210, EG_OS_INDSIGT"})
    void aDebtorSystemThatStopsPublishingIsNoticed(String municipality, DebtorSystem system) {
        String id = invoiced(municipality);
        simulator.stopPublishing(system);
        simulator.advancePastDeadline(fbs.charge(id));

        TimeTravel.passDeadline(id, clock, runtimeService, managementService); // our watchdog's timer
        JsonNode charge = fbs.charge(id);
        assertThat(charge.get("stale").asBoolean()).isTrue();
        assertThat(charge.get("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith("Debitorsystemet har ikke meldt"));
        if (system != DebtorSystem.EG_OS_INDSIGT) { // dmn/missing-update.dmn: EG only flags
            assertThat(taskService
                            .createTaskQuery()
                            .processInstanceBusinessKey(id)
                            .singleResult()
                            .getName())
                    .isEqualTo("Kontroller manglende opdatering");
        }
    }

    // ----------------------------------------------------------------

    private String invoiced(String municipality) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "INVOICED");
        return id;
    }

    /** Until the charge is or has been in the status (a step of five days can go beyond it). */
    private JsonNode advanceUntil(String id, String status) {
        return advanceUntil(
                id, c -> c.get("timeline").findValuesAsText("status").contains(status));
    }

    /**
     * Lets the debtor system's days pass, five at a time, until the charge shows what it should.
     * After a step that brought an event of the charge, waits until its process has done what the
     * event started; after one that brought none, its process has nothing new to do.
     */
    private JsonNode advanceUntil(String id, Predicate<JsonNode> reached) {
        for (int days = 0; days < 200; days += 5) {
            JsonNode charge = fbs.charge(id);
            if (reached.test(charge)) {
                return charge;
            }
            long eventsBefore = eventsReceived(id);
            simulator.advanceDays(5);
            awaitEverythingDelivered();
            if (eventsReceived(id) == eventsBefore) {
                continue;
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var instance = runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .singleResult();
                return instance == null
                        || managementService
                                        .createJobQuery()
                                        .processInstanceId(instance.getId())
                                        .executable()
                                        .count()
                                == 0;
            });
        }
        throw new AssertionError(id + " never reached what the test waits for: " + fbs.charge(id));
    }

    /** FBS passes on the citizen's dispute: the charge is disputed and its claim held. */
    private void disputedAndHeld(String id) {
        assertThat(fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "DISPUTED");
        await().until(() -> fbs.claim(id).get("onHold").asBoolean());
    }

    /** The caseworker upholds the charge ("Behandl indsigelse"). */
    private void upheld(String id) {
        var task = await().until(
                        () -> taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(id)
                                .singleResult(),
                        t -> t != null);
        taskService.complete(task.getId(), Map.of("disputeDecision", "UPHOLD"));
    }

    /**
     * Every event the simulated debtor systems have published has reached us: all but those a reader
     * cannot see yet, and those behind such an undelivered one (a reader never skips an event). An
     * earlier test's events, all delivered, do not hold anything back, although they lie ahead of the
     * simulator's clock once it has gone back to today. After two seconds the
     * test reads them as the timed pull would, instead of waiting up to a minute for it: an event of
     * an earlier test's municipality, made while this test's days pass, was at times found only by
     * the timed pull. It looks at once and then every 20 ms: the simulator has made its events before
     * advanceDays returns, and an event counts as delivered once its transaction has applied it.
     */
    private void awaitEverythingDelivered() {
        long pullAfter = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    if (undelivered() == 0) {
                        return true;
                    }
                    if (System.nanoTime() > pullAfter) {
                        for (DebtorSystem system : DebtorSystem.values()) {
                            debtorSync.sync(system);
                        }
                    }
                    return false;
                });
    }

    private long undelivered() {
        OffsetDateTime now = simulator.now();
        return jdbc.queryForObject("""
        select count(*) from sim_event s where s.visible_at <= ?
          and not exists (select 1 from debtor_event d where d.debtor_system = s.debtor_system and d.seq = s.seq)
          and not exists (select 1 from sim_event h where h.debtor_system = s.debtor_system
            and h.municipality_code = s.municipality_code and h.seq < s.seq and h.visible_at > ?
            and not exists (select 1 from debtor_event d where d.debtor_system = h.debtor_system and d.seq = h.seq))""", Long.class, now, now);
    }

    private long eventsReceived(String id) {
        return jdbc.queryForObject("select count(*) from debtor_event where fbs_charge_id = ?", Long.class, id);
    }

    private long reminders(String id) {
        return simulator.eventsOf(id).stream()
                .filter(e -> e.kind() == EventKind.REMINDER_SENT)
                .count();
    }

    private void pay(String id, DebtorSystem system, String amount) {
        if (system.hasPaymentSolution()) {
            fbs.payAsCitizen(id, amount);
        } else {
            assertThat(fbs.post(
                                    "/api/v1/charges/" + id + "/payments",
                                    Map.of(
                                            "paymentId",
                                            "DESK-" + UUID.randomUUID(),
                                            "amount",
                                            amount,
                                            "paidOn",
                                            clock.instant()
                                                    .atZone(clock.getZone())
                                                    .toLocalDate()
                                                    .toString()))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }
    }

    private void assertNoReminderOrTransferFromUs(String id) {
        assertThat(jdbc.queryForObject(
                        "select count(*) from sim_request where claim_id = ? and operation in"
                                + " ('SendRykker', 'OverdragTilInddrivelse')",
                        Long.class,
                        fbs.charge(id).get("debtorSystemClaimId").asText()))
                .as("no SendRykker or OverdragTilInddrivelse from our process")
                .isZero();
    }
}
