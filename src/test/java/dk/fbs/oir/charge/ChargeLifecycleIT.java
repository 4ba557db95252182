package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.TimeTravel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One charge through each main path of its lifecycle, end to end on PostgreSQL: FBS' REST calls,
 * the charge process with its job executor, SOAP calls to the simulator, the simulator's events
 * pushed back, and caseworkers' decisions through the task service. Timers are driven through the
 * job API and the shared clock, so the test takes seconds, not months.
 */
@PostgresIntegrationTest
class ChargeLifecycleIT {

    @Autowired
    TestRestTemplate http;

    private FbsClient fbs;

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Autowired
    MutableClock clock;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    /** The charges this test posted. */
    private final List<String> posted = new ArrayList<>();

    /**
     * Every event of this test's charges has reached us before the clock goes back: an event
     * published at a moved clock's time is not visible to a reset one, and would hold up every later
     * event of its municipality (the next test's invoice) until that time.
     */
    @AfterEach
    void resetClock() {
        for (String id : posted) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from sim_event where fbs_charge_id = ?", Long.class, id)
                            .equals(jdbc.queryForObject(
                                    "select count(*) from debtor_event where fbs_charge_id = ?", Long.class, id)));
        }
        clock.reset();
    }

    @Test
    void paidOnTime() {
        String id = invoiced("101");
        fbs.payAsCitizen(id, "125.00");

        JsonNode charge = fbs.awaitStatus(id, "PAID");
        assertThat(charge.get("balance").asText()).isEqualTo("0.00");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("BETALT");
    }

    @Test
    void paidAfterReminder2() {
        String id = invoiced("101");
        passDeadline(id);
        fbs.awaitStatus(id, "REMINDED");
        passDeadline(id);
        await().until(() -> fbs.claim(id).get("reminders").asInt() == 2);
        assertThat(fbs.claim(id).get("balance").asText()).isEqualTo("225.00"); // 125 + the second reminder's 100 kr fee

        fbs.payAsCitizen(id, "225.00");
        JsonNode charge = fbs.awaitStatus(id, "PAID");
        assertThat(charge.get("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith("Rykker 2 sendt med gebyr"));
    }

    @Test
    void transferredToPsrmAndCollected() {
        String id = invoiced("101");
        remindersRunOut(id);
        fbs.awaitStatus(id, "IN_COLLECTION");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("OVERDRAGET_TIL_INDDRIVELSE");

        fbs.post(
                "/simulator/api/collection-outcomes",
                Map.of("claimId", fbs.charge(id).get("debtorSystemClaimId").asText(), "outcome", "COLLECTED"));
        fbs.awaitStatus(id, "COLLECTED");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("INDDREVET");
    }

    @Test
    void disputedWhileAtPsrm_heldThereUntilUpheld_thenCollected() {
        String id = invoiced("101");
        remindersRunOut(id);
        fbs.awaitStatus(id, "IN_COLLECTION");
        assertThat(fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "DISPUTED");
        await().until(() -> fbs.claim(id).get("onHold").asBoolean());

        var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        taskService.complete(task.getId(), Map.of("disputeDecision", "UPHOLD"));
        fbs.awaitStatus(id, "IN_COLLECTION");
        await().until(() -> !fbs.claim(id).get("onHold").asBoolean());
        fbs.post(
                "/simulator/api/collection-outcomes",
                Map.of("claimId", fbs.charge(id).get("debtorSystemClaimId").asText(), "outcome", "COLLECTED"));
        fbs.awaitStatus(id, "COLLECTED");
    }

    @Test
    void writtenOffByTheCaseworker() {
        String id = invoiced(
                "101", TestCharges.json(UUID.randomUUID().toString(), "101").replace(TestCharges.CPR, "0101154234"));
        remindersRunOut(id); // a debtor under 18: collection.dmn asks a caseworker

        var task = await().until(
                        () -> taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(id)
                                .singleResult(),
                        t -> t != null);
        assertThat(task.getName()).isEqualTo("Godkend oversendelse til inddrivelse");
        taskService.complete(task.getId(), Map.of("approvalDecision", "WRITE_OFF"));

        JsonNode charge = fbs.awaitStatus(id, "WRITTEN_OFF");
        assertThat(charge.get("balance").asText()).isEqualTo("0.00");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("AFSKREVET");
    }

    @Test
    void cancelledAfterReminder1() {
        String id = invoiced("621");
        passDeadline(id);
        fbs.awaitStatus(id, "REMINDED");

        ResponseEntity<String> response =
                fbs.post("/api/v1/charges/" + id + "/cancellation", Map.of("reason", "MATERIAL_RETURNED"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "CANCELLED");
        assertThat(fbs.claim(id).get("state").asText()).isEqualTo("KREDITERET");
        assertThat(fbs.claim(id).get("balance").asText()).isEqualTo("0.00");

        assertThat(fbs.post("/api/v1/charges/" + id + "/cancellation", Map.of("reason", "FEE_WAIVED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void disputedAndReduced() {
        String id = invoiced("101");
        assertThat(fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        fbs.awaitStatus(id, "DISPUTED");

        var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(task.getName()).isEqualTo("Behandl indsigelse");
        taskService.complete(task.getId(), Map.of("disputeDecision", "REDUCE", "reductionAmount", "25,00"));

        await().until(() -> "100.00".equals(fbs.charge(id).get("balance").asText()));
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("INVOICED");
        assertThat(fbs.claim(id).get("balance").asText()).isEqualTo("100.00");
    }

    @Test
    void aPaymentWhileNobodyWaitsForItIsKept_theChargeEndsPaidWhenTheDisputeIsDecided() {
        String id = invoiced("101");
        fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Jeg har betalt"));
        fbs.awaitStatus(id, "DISPUTED");

        fbs.payAsCitizen(id, "125.00"); // the process waits for the caseworker, not for a payment
        await().until(() -> "0.00".equals(fbs.charge(id).get("balance").asText()));
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("DISPUTED");

        var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        taskService.complete(task.getId(), Map.of("disputeDecision", "UPHOLD"));
        JsonNode paid = fbs.awaitStatus(id, "PAID");
        assertThat(paid.get("timeline").findValuesAsText("text"))
                .filteredOn(t -> t.startsWith("Indbetaling"))
                .hasSize(1);
        assertThat(paid.get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void rejectedAndCorrected() {
        String id = "FBS-561-" + UUID.randomUUID();
        posted.add(id);
        fbs.post(
                "/api/v1/charges",
                TestCharges.json(id, "561").replace(TestCharges.CPR, TestCharges.UNKNOWN_DEBTOR_CPR));
        fbs.awaitStatus(id, "REJECTED");

        var task = taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(task.getName()).isEqualTo("Behandl afvist fordring");
        taskService.complete(task.getId(), Map.of("rejectionDecision", "RESUBMIT", "correctedCpr", "0101901235"));

        fbs.awaitStatus(id, "INVOICED");
        assertThat(fbs.claim(id).get("debtor").asText()).isEqualTo("010190-****");
        assertThat(runtimeService.getVariables(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .singleResult()
                        .getId()))
                .doesNotContainKey("correctedCpr");
    }

    // ------------------------------------------------------------------

    private String invoiced(String municipality) {
        return invoiced(municipality, TestCharges.json("ID", municipality));
    }

    /** Posts the body under a new id and waits for the invoice. */
    private String invoiced(String municipality, String body) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        String withId = body.replaceFirst("\"fbsChargeId\":\"[^\"]*\"", "\"fbsChargeId\":\"" + id + "\"");
        posted.add(id);
        assertThat(fbs.post("/api/v1/charges", withId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode charge = fbs.awaitStatus(id, "INVOICED");
        assertThat(charge.get("lastPayDate").isNull()).isFalse();
        return id;
    }

    /** Every reminder the policy allows (two for a fee), then the wait before collection. */
    private void remindersRunOut(String id) {
        for (int i = 0; i < 3; i++) {
            passDeadline(id);
        }
    }

    private void passDeadline(String id) {
        TimeTravel.passDeadline(id, clock, runtimeService, managementService);
    }
}
