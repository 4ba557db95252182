package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.SoapCallRecorder;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorProperties;
import dk.fbs.oir.simulator.SimulatorProperties.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** REST → charge process → SOAP → simulator, on PostgreSQL with the job executor running. */
@PostgresIntegrationTest
class ChargeFlowIT {

    @Autowired
    TestRestTemplate http;

    private FbsClient fbs;

    @org.junit.jupiter.api.BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    SoapCallRecorder soapCalls;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void debtorSystemsBack() {
        simulator.behaviour(DebtorSystem.PRISME_2009).setFault(Fault.NONE);
        simulator.behaviour(DebtorSystem.PRISME_2009).setSlowDelay(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} ({1}) gets a {2} claim")
    @CsvSource({
        "101, KMD_OPUS,      'OP101-\\d{8}'",
        "621, PRISME_2015,   'P15/\\d{4}/\\d{6}'",
        "561, PRISME_2009,   '9\\d{8}'",
        "173, EG_OS_INDSIGT, 'EG-173-[0-9A-F]{8}'"
    })
    void aChargeReachesItsMunicipalitysDebtorSystem(String municipality, String route, String claimIdPattern) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        ResponseEntity<String> answer = fbs.post("/api/v1/charges", TestCharges.json(id, municipality));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody()).as("routed in the intake").contains("\"route\":\"" + route + "\"");

        JsonNode charge = fbs.awaitStatus(id, "SUBMITTED", "INVOICED"); // the invoice may follow at once
        assertThat(charge.get("route").asText()).isEqualTo(route);
        assertThat(charge.get("debtorSystemClaimId").asText()).matches(claimIdPattern);
        assertThat(charge.get("lastConfirmedAt").isNull()).isFalse();
        assertThat(charge.get("timeline").findValuesAsText("status")).startsWith("RECEIVED", "SUBMITTED");

        JsonNode claims = fbs.claims(id);
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).get("claimId").asText())
                .isEqualTo(charge.get("debtorSystemClaimId").asText());
        assertThat(claims.get(0).get("principal").asText()).isEqualTo("125.00");
    }

    @Test
    void aChargeBeforeTheMunicipalitysGoLiveIsHandledInFbs() {
        String id = "FBS-561-" + UUID.randomUUID();
        ResponseEntity<String> answer = // Esbjerg went live 14 April 2022
                fbs.post("/api/v1/charges", TestCharges.json(id, "561").replace("2026-11-20", "2022-04-13"));

        assertThat(answer.getBody()).as("answered at once").contains("\"status\":\"HANDLED_IN_FBS\"");
        JsonNode charge = fbs.awaitStatus(id, "HANDLED_IN_FBS");
        assertThat(charge.get("route").asText()).isEqualTo("FBS_INTERNAL");
        assertThat(fbs.claims(id)).isEmpty();
    }

    @Test
    void aClaimRejectedByTheDebtorSystemEndsRejectedWithTheReason() {
        String id = "FBS-101-" + UUID.randomUUID();
        fbs.post(
                "/api/v1/charges",
                TestCharges.json(id, "101").replace(TestCharges.CPR, TestCharges.UNKNOWN_DEBTOR_CPR));

        JsonNode charge = fbs.awaitStatus(id, "REJECTED");
        assertThat(charge.get("timeline").get(1).get("text").asText()).contains("KMD Opus", "UKENDT_DEBITOR");
        assertThat(fbs.claims(id)).isEmpty();
    }

    @Test
    void theSameChargePostedConcurrentlyBecomesOneInstanceAndOneClaim() throws Exception {
        String id = "FBS-621-" + UUID.randomUUID();
        List<Callable<HttpStatus>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(() -> HttpStatus.valueOf(fbs.post("/api/v1/charges", TestCharges.json(id, "621"))
                    .getStatusCode()
                    .value()));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var result : pool.invokeAll(posts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(HttpStatus.ACCEPTED, HttpStatus.OK);
        assertThat(statuses).filteredOn(HttpStatus.ACCEPTED::equals).hasSize(1);
        fbs.awaitStatus(id, "SUBMITTED", "INVOICED");
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .count())
                .isEqualTo(1);
        assertThat(fbs.claims(id)).hasSize(1);
    }

    /**
     * Prisme 2009 is down (HTTP 503) or too slow (it creates the claim, but answers after our 3 s
     * timeout): each submission is retried with back-off (the test profile's R2/PT1S) and then
     * becomes an incident. When the system is back an operator retries the incidents, as Cockpit's
     * "Increment number of retries" does, and every charge is submitted with exactly one claim: the
     * retry repeats the same idempotency reference, which the debtor system answers with the claim it
     * created the first time.
     */
    @ParameterizedTest(name = "debtor system {0}")
    @EnumSource(
            value = Fault.class,
            names = {"DOWN", "SLOW"})
    void aDebtorSystemOutageBecomesIncidents_retriedByTheOperatorEveryChargeIsSubmittedOnce(Fault fault) {
        simulator.behaviour(DebtorSystem.PRISME_2009).setSlowDelay(Duration.ofSeconds(4));
        simulator.behaviour(DebtorSystem.PRISME_2009).setFault(fault);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add("FBS-561-" + UUID.randomUUID());
            assertThat(fbs.post("/api/v1/charges", TestCharges.json(ids.get(i), "561"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }

        List<Incident> incidents = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> incidents(ids), found -> found.size() == ids.size());
        for (String id : ids) {
            assertThat(fbs.charge(id).get("status").asText()).isEqualTo("RECEIVED");
            List<SoapCallRecorder.Call> attempts = soapCalls.calls(id + "/opret/1");
            assertThat(attempts)
                    .as("first call and one retry (R2: two executions)")
                    .hasSize(2);
            for (int i = 1; i < attempts.size(); i++) {
                assertThat(Duration.between(
                                attempts.get(i - 1).at(), attempts.get(i).at()))
                        .as("back-off")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
            // SLOW: the debtor system did create the claim, only its answer came too late for us
            int claims = fault == Fault.SLOW ? 1 : 0;
            await().atMost(Duration.ofSeconds(10)).until(() -> fbs.claims(id).size() == claims);
        }
        assertThat(incidents).allSatisfy(incident -> {
            assertThat(incident.getActivityId()).isEqualTo(ChargeProcess.Element.Task_SubmitClaim.name());
            assertThat(managementService
                            .createJobQuery()
                            .jobId(incident.getConfiguration())
                            .singleResult()
                            .getRetries())
                    .isZero();
        });

        simulator.behaviour(DebtorSystem.PRISME_2009).setFault(Fault.NONE);
        incidents.forEach(incident -> managementService.setJobRetries(incident.getConfiguration(), 1));

        for (String id : ids) {
            JsonNode charge = fbs.awaitStatus(id, "SUBMITTED", "INVOICED");
            JsonNode claims = fbs.claims(id);
            assertThat(claims).as("claims of " + id).hasSize(1);
            assertThat(claims.get(0).get("claimId").asText())
                    .isEqualTo(charge.get("debtorSystemClaimId").asText());
            assertThat(soapCalls.calls(id + "/opret/1"))
                    .as("the operator's retry repeats the request")
                    .hasSize(3);
        }
        assertThat(incidents(ids)).isEmpty();
    }

    private List<Incident> incidents(List<String> ids) {
        return ids.stream()
                .map(id -> runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .singleResult())
                .filter(java.util.Objects::nonNull)
                .flatMap(pi -> runtimeService.createIncidentQuery().processInstanceId(pi.getId()).list().stream())
                .toList();
    }
}
