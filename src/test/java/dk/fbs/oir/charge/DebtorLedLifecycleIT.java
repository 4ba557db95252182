package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.TimeTravel;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorTestControls;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
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
@Disabled("Unfinished (issue 15): runs too long and some scenarios do not reach their status yet; see the stop's note")
class DebtorLedLifecycleIT {

  private static final String PERSONALITIES = """
      157, KMD_OPUS
      270, PRISME_2015
      217, PRISME_2009
      183, EG_OS_INDSIGT""";

  @Autowired TestRestTemplate http;
  @Autowired MutableClock clock;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired SimulatorTestControls simulator;

  private FbsClient fbs;
  private OffsetDateTime started;

  @BeforeEach
  void fbs() {
    fbs = new FbsClient(http);
    started = OffsetDateTime.now().minusMinutes(1);
  }

  /** Every event the simulator made in the test has reached us before its clock goes back. */
  @AfterEach
  void backToToday() {
    await().atMost(Duration.ofSeconds(60)).until(() -> simulator.eventsSince(started)
        <= jdbc.queryForObject("select count(*) from debtor_event where received_at >= ?", Long.class, started));
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
    advanceUntil(id, c -> c.get("timeline").findValuesAsText("text").stream().anyMatch(t -> t.startsWith("Rykker 2 sendt af")));
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
        .anyMatch(t -> t.startsWith("Overdraget til inddrivelse hos Gældsstyrelsen (PSRM) af " + system.displayName()));
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
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    fbs.awaitStatus(id, "CANCELLED");
    assertThat(fbs.claim(id).get("state").asText()).isEqualTo("KREDITERET");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(textBlock = PERSONALITIES)
  void disputedHeldAndUpheld(String municipality, DebtorSystem system) {
    String id = invoiced(municipality);
    assertThat(fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret")).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    fbs.awaitStatus(id, "DISPUTED");
    await().until(() -> fbs.claim(id).get("onHold").asBoolean());

    simulator.advanceDays(60); // held: the debtor system sends nothing
    assertThat(fbs.claim(id).get("reminders").asInt()).isZero();

    var task = await().until(() -> taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult(),
        t -> t != null);
    taskService.complete(task.getId(), Map.of("disputeDecision", "UPHOLD"));
    await().until(() -> !fbs.claim(id).get("onHold").asBoolean());
    advanceUntil(id, "REMINDED"); // and its dunning goes on
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
    assertThat(charge.get("timeline").findValuesAsText("text")).anyMatch(t -> t.startsWith("Debitorsystemet har ikke meldt"));
    if (system != DebtorSystem.EG_OS_INDSIGT) { // dmn/missing-update.dmn: EG only flags
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getName())
          .isEqualTo("Kontroller manglende opdatering");
    }
  }

  // ----------------------------------------------------------------

  private String invoiced(String municipality) {
    String id = "FBS-" + municipality + "-" + UUID.randomUUID();
    assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality)).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    fbs.awaitStatus(id, "INVOICED");
    return id;
  }

  private JsonNode advanceUntil(String id, String status) {
    return advanceUntil(id, c -> status.equals(c.get("status").asText()));
  }

  /** Lets the debtor system's days pass, five at a time, until the charge shows what it should. */
  private JsonNode advanceUntil(String id, Predicate<JsonNode> reached) {
    for (int days = 0; days < 200; days += 5) {
      JsonNode charge = fbs.charge(id);
      if (reached.test(charge)) {
        return charge;
      }
      simulator.advanceDays(5);
      await().atMost(Duration.ofSeconds(20)).until(() -> simulator.eventsSince(started)
          <= jdbc.queryForObject("select count(*) from debtor_event where received_at >= ?", Long.class, started));
      String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> managementService.createJobQuery().processInstanceId(instance).executable().count() == 0);
    }
    throw new AssertionError(id + " never reached what the test waits for: " + fbs.charge(id));
  }

  private void pay(String id, DebtorSystem system, String amount) {
    if (system.hasPaymentSolution()) {
      fbs.payAsCitizen(id, amount);
    } else {
      assertThat(fbs.post("/api/v1/charges/" + id + "/payments", Map.of("paymentId", "DESK-" + UUID.randomUUID(),
          "amount", amount, "paidOn", clock.instant().atZone(clock.getZone()).toLocalDate().toString())).getStatusCode())
          .isEqualTo(HttpStatus.ACCEPTED);
    }
  }

  private void assertNoReminderOrTransferFromUs(String id) {
    assertThat(jdbc.queryForObject("select count(*) from sim_request where claim_id = ? and operation in"
        + " ('SendRykker', 'OverdragTilInddrivelse')", Long.class, fbs.charge(id).get("debtorSystemClaimId").asText()))
        .as("no SendRykker or OverdragTilInddrivelse from our process").isZero();
  }
}
