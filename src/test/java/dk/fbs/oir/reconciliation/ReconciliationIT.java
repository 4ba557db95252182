package dk.fbs.oir.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of difference produced on purpose through the simulator, found by the day's
 * reconciliation, classified, and repaired or turned into a caseworker task; a clean day has none;
 * a second run of the day repairs and asks nothing twice. PostgreSQL, the job executor running.
 * A reconciliation covers all of a municipality's claims, and other tests share this application:
 * the municipalities here (147, 151, 175) are used by no other test.
 */
@PostgresIntegrationTest
class ReconciliationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    private FbsClient fbs;
    private TestRestTemplate operator;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void clients() {
        fbs = new FbsClient(http);
        operator = http.withBasicAuth("operator", "operator");
    }

    @Test
    void everyKindOfDifferenceIsFoundClassifiedAndRepairedOrGivenToACaseworkerOnce() {
        Map<String, String> c = new HashMap<>();
        for (String name :
                List.of("clean", "lost", "duplicated", "altered", "restated", "unrecorded", "desk", "paidLost")) {
            c.put(name, invoiced("147"));
        }
        String lostClaim = claimId(c.get("lost"));
        fbs.payAsCitizen(c.get("paidLost"), "25.00");
        fbs.awaitStatus(c.get("paidLost"), "INVOICED");
        await().until(() ->
                fbs.charge(c.get("paidLost")).get("balance").asText().equals("100.00"));
        deskPayment(c.get("desk"), "50.00");

        tamper(c.get("lost"), "{\"action\":\"DROP\"}", HttpStatus.NO_CONTENT);
        tamper(c.get("paidLost"), "{\"action\":\"DROP\"}", HttpStatus.NO_CONTENT);
        tamper(c.get("duplicated"), "{\"action\":\"DUPLICATE\"}", HttpStatus.OK);
        tamper(c.get("altered"), "{\"action\":\"ALTER_BALANCE\",\"amount\":\"99.00\"}", HttpStatus.OK);
        tamper(c.get("restated"), "{\"action\":\"ALTER_STATE\",\"state\":\"AFSKREVET\"}", HttpStatus.OK);
        tamper(c.get("unrecorded"), "{\"action\":\"UNRECORDED_PAYMENT\",\"amount\":\"25.00\"}", HttpStatus.OK);
        tamper(c.get("desk"), "{\"action\":\"DROP_POSTINGS\"}", HttpStatus.OK);

        reconcile("147", 1);
        await().until(() -> state(c.get("lost"), "MISSING_IN_DEBTOR_SYSTEM").equals("REPAIRED"));
        JsonNode report = report("147");

        assertThat(kinds(report))
                .containsExactlyInAnyOrder(
                        c.get("lost") + " MISSING_IN_DEBTOR_SYSTEM REPAIRED CLAIM_RESENT",
                        c.get("paidLost") + " MISSING_IN_DEBTOR_SYSTEM OPEN null",
                        c.get("duplicated") + " UNKNOWN_TO_US OPEN null",
                        c.get("altered") + " AMOUNT_DIFFERS OPEN null",
                        c.get("restated") + " STATUS_DIFFERS OPEN null",
                        c.get("unrecorded") + " PAYMENT_NOT_MATCHED OPEN null",
                        c.get("desk") + " PAYMENT_NOT_MATCHED OPEN null");
        // the safe repair: the lost claim exists again, once, and the charge carries its new number
        assertThat(fbs.claims(c.get("lost"))).hasSize(1);
        assertThat(claimId(c.get("lost")))
                .isNotEqualTo(lostClaim)
                .isEqualTo(fbs.claim(c.get("lost")).get("claimId").asText());
        assertThat(fbs.charge(c.get("lost")).get("timeline").findValuesAsText("text"))
                .anyMatch(text -> text.contains("oprettet igen"));
        // everything else is a task for Frederiksberg's caseworkers, showing both sides
        List<Task> open = resolveTasks("147");
        assertThat(open).hasSize(6);
        Map<String, Object> form = tasks.getVariables(open.get(0).getId());
        assertThat(form).containsKeys("differenceId", "differenceKind");
        // totals to the øre as the statement stood: 8 claims ours, 7 theirs (two lost, one duplicated)
        assertThat(report.at("/ours/claims").asInt()).isEqualTo(8);
        assertThat(report.at("/theirs/claims").asInt()).isEqualTo(7);
        assertThat(report.at("/ours/balance").asText()).isEqualTo("925.00");
        assertThat(report.at("/theirs/balance").asText()).isEqualTo("774.00");
        assertThat(report.at("/theirs/payments").asText()).isEqualTo("25.00");
        assertThat(report.at("/ours/payments").asText()).isEqualTo("50.00");
        // −125 and −100 lost, +125 duplicated, −26 altered, −25 paid unrecorded
        assertThat(report.at("/balanceDifference").asText()).isEqualTo("-151.00");

        // a caseworker explains one difference; the same day run again repairs nothing and asks nothing twice
        Task altered = taskOf(open, c.get("altered"));
        identity.setAuthentication("sb-frederiksberg", List.of("sagsbehandler-147"), List.of("147"));
        try {
            tasks.complete(
                    altered.getId(), Map.of("resolutionDecision", "NO_CORRECTION", "resolutionNote", "Aftalt afdrag"));
        } finally {
            identity.clearAuthentication();
        }
        long differenceInstances = differenceInstances();
        reconcile("147", 2);

        assertThat(differenceInstances()).isEqualTo(differenceInstances);
        assertThat(jdbc.queryForObject(
                        "select count(*) from reconciliation_difference where municipality_code = '147'", Long.class))
                .isEqualTo(7);
        assertThat(resolveTasks("147")).hasSize(5);
        assertThat(fbs.claims(c.get("lost"))).hasSize(1);
        JsonNode again = report("147");
        assertThat(kinds(again)).hasSize(7).contains(c.get("altered") + " AMOUNT_DIFFERS RESOLVED NO_CORRECTION");
        assertThat(jdbc.queryForObject(
                        "select resolved_by from reconciliation_difference where fbs_charge_id = ?",
                        String.class,
                        c.get("altered")))
                .isEqualTo("sb-frederiksberg");
    }

    @Test
    void aCleanDayHasNoDifferencesAndExactTotals() {
        String open = invoiced("151");
        String paid = invoiced("151");
        fbs.payAsCitizen(paid, "125.00");
        fbs.awaitStatus(paid, "PAID");

        reconcile("151", 1);
        JsonNode report = report("151");

        assertThat(report.get("differences").asInt()).isZero();
        assertThat(report.get("differenceList")).isEmpty();
        assertThat(report.at("/ours/claims").asInt()).isEqualTo(2);
        assertThat(report.at("/ours/balance").asText())
                .isEqualTo("125.00")
                .isEqualTo(report.at("/theirs/balance").asText());
        assertThat(report.at("/theirs/payments").asText()).isEqualTo("125.00");
        assertThat(report.at("/balanceDifference").asText()).isEqualTo("0.00");
        assertThat(resolveTasks("151")).isEmpty();
        assertThat(open).isNotEqualTo(paid);
    }

    @Test
    void theReportIsCsvTooAndOnlyForThoseWhoMaySeeIt() {
        String id = invoiced("175");
        tamper(id, "{\"action\":\"ALTER_BALANCE\",\"amount\":\"1.00\"}", HttpStatus.OK);
        reconcile("175", 1);

        HttpHeaders csv = new HttpHeaders();
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> file = operator.exchange(
                "/api/v1/reconciliations/175/" + today, HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(file.getBody()).contains("\"Beløbet afviger\"", "\"" + id + "\"", "\"-124.00\"");

        assertThat(fbs.http()
                        .getForEntity("/api/v1/reconciliations/175/" + today, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // a caseworker logs in with the Tasklist user and sees their own municipality only
        caseworker("sb-roedovre", "175");
        caseworker("sb-odense", "461");
        assertThat(http.withBasicAuth("sb-roedovre", "hemmelig-1")
                        .getForEntity("/api/v1/reconciliations/175/" + today, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("sb-odense", "hemmelig-1")
                        .getForEntity("/api/v1/reconciliations/175/" + today, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("sb-roedovre", "hemmelig-1")
                        .postForEntity("/api/v1/reconciliations", new HttpEntity<>("{}", csv), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // last: a wrong password makes Camunda delay the user's next login
        assertThat(http.withBasicAuth("sb-roedovre", "forkert")
                        .getForEntity("/api/v1/reconciliations/175/" + today, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForObject("/afstemning.html", String.class))
                .contains("Afstemning", "/api/v1/reconciliations/");
        ResponseEntity<String> bad = operator.getForEntity("/api/v1/reconciliations/999/" + today, String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("municipalityCode");
        assertThat(operator.getForEntity("/api/v1/reconciliations/175/2026-02-30", String.class)
                        .getBody())
                .contains("\"day\"");
        ResponseEntity<String> range = operator.getForEntity(
                "/api/v1/reconciliations/175?from=" + today.minusDays(6) + "&to=" + today, String.class);
        assertThat(FbsClient.read(range.getBody())).hasSize(1);
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

    private void caseworker(String userId, String municipality) {
        var user = identity.newUser(userId);
        user.setPassword("hemmelig-1");
        identity.saveUser(user);
        identity.saveTenant(identity.newTenant(municipality));
        identity.createTenantUserMembership(municipality, userId);
    }

    private String claimId(String fbsChargeId) {
        return fbs.charge(fbsChargeId).get("debtorSystemClaimId").asText();
    }

    private void deskPayment(String fbsChargeId, String amount) {
        var payment = Map.of("paymentId", "KASSE-" + UUID.randomUUID(), "amount", amount, "paidOn", today.toString());
        assertThat(fbs.post("/api/v1/charges/" + fbsChargeId + "/payments", payment)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fbs.charge(fbsChargeId).get("balance").asText().equals("75.00"));
    }

    private void tamper(String fbsChargeId, String body, HttpStatus expected) {
        HttpHeaders json = new HttpHeaders();
        json.set(HttpHeaders.CONTENT_TYPE, "application/json");
        ResponseEntity<String> answer = http.postForEntity(
                "/simulator/api/claims/" + claimId(fbsChargeId) + "/tampering",
                new HttpEntity<>(body, json),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(expected);
    }

    /** Asks for the municipality's reconciliation of today and waits for the n-th run to finish. */
    private void reconcile(String municipality, int nth) {
        HttpHeaders json = new HttpHeaders();
        json.set(HttpHeaders.CONTENT_TYPE, "application/json");
        ResponseEntity<String> accepted = operator.postForEntity(
                "/api/v1/reconciliations",
                new HttpEntity<>("{\"municipalityCode\":\"" + municipality + "\",\"day\":\"" + today + "\"}", json),
                String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(ReconciliationProcess.KEY)
                                .variableValueEquals("onlyMunicipality", municipality)
                                .finished()
                                .count()
                        == nth);
    }

    private JsonNode report(String municipality) {
        return FbsClient.read(
                operator.getForObject("/api/v1/reconciliations/" + municipality + "/" + today, String.class));
    }

    private static List<String> kinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.get("differenceList")
                .forEach(d -> kinds.add(d.get("fbsChargeId").asText() + " "
                        + d.get("kind").asText() + " " + d.get("state").asText() + " "
                        + d.get("resolution").asText()));
        return kinds;
    }

    private String state(String fbsChargeId, String kind) {
        List<String> states = jdbc.queryForList(
                "select state from reconciliation_difference where fbs_charge_id = ?" + " and kind = ?",
                String.class,
                fbsChargeId,
                kind);
        return states.isEmpty() ? "" : states.get(0);
    }

    private List<Task> resolveTasks(String municipality) {
        return tasks.createTaskQuery()
                .taskDefinitionKey(ReconciliationProcess.Element.UserTask_ResolveDifference.id())
                .tenantIdIn(municipality)
                .list();
    }

    private Task taskOf(List<Task> open, String fbsChargeId) {
        long id = jdbc.queryForObject(
                "select id from reconciliation_difference where fbs_charge_id = ?", Long.class, fbsChargeId);
        return open.stream()
                .filter(t -> Long.valueOf(id).equals(tasks.getVariable(t.getId(), "differenceId")))
                .findFirst()
                .orElseThrow();
    }

    private long differenceInstances() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReconciliationProcess.DIFFERENCE_KEY)
                .count();
    }
}
