package dk.fbs.oir.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.DunningMode;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.simulator.SimulatorProperties;
import dk.fbs.oir.simulator.SimulatorProperties.Fault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Updates from the debtor systems on PostgreSQL: pull and push, duplicates and replays, parked
 * events, payments at the library, freshness, and search with its fallback.
 */
@PostgresIntegrationTest(properties = {"debtor-sync.cycle=R/PT2S", "freshness.max-age.EG_OS_INDSIGT=PT1S"})
class DebtorUpdatesIT {

    @Autowired
    TestRestTemplate http;

    private FbsClient fbs;

    @org.junit.jupiter.api.BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    DebtorSync sync;

    @Autowired
    OirGateway oir;

    @Autowired
    JdbcTemplate jdbc;

    private String pushUrl;

    @AfterEach
    void restoreSimulator() {
        if (pushUrl != null) {
            simulator.setPushUrl(pushUrl);
        }
        for (DebtorSystem system : DebtorSystem.values()) {
            simulator.behaviour(system).setFault(Fault.NONE);
            simulator.behaviour(system).setEventDelay(Duration.ZERO);
        }
    }

    @Test
    void aPaymentInTheDebtorSystemArrivesByPullWithinOneSyncInterval() {
        String id = invoiced("101");
        pushUrl = simulator.getPushUrl();
        simulator.setPushUrl(""); // the debtor system does not notify: only the timed pull (every 2 s) finds it

        fbs.payAsCitizen(id, "125.00");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
    }

    @Test
    void aPaymentInTheDebtorSystemArrivesAtOnceByPush() {
        String id = invoiced("621");
        fbs.payAsCitizen(id, "125.00");
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
    }

    @Test
    void aReplayedOrDuplicatedEventBatchChangesNothing() {
        String id = invoiced("101");
        fbs.payAsCitizen(id, "25.00");
        await().until(() -> "100.00".equals(fbs.charge(id).get("balance").asText()));
        JsonNode before = fbs.charge(id);

        // the same events once more: a duplicate of each, and a replay from the start of the log
        jdbc.update("update sync_cursor set last_seq = 0");
        sync.sync(DebtorSystem.KMD_OPUS, "101");
        sync.sync(DebtorSystem.KMD_OPUS, "101");

        JsonNode after = fbs.charge(id);
        assertThat(after.get("balance").asText()).isEqualTo("100.00");
        assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
    }

    @Test
    void anEventForAnUnknownClaimIsParkedAndShown() {
        String unknown = "HAND-" + UUID.randomUUID(); // created by hand in the debtor system, not by us
        oir.submitClaim(
                DebtorSystem.PRISME_2009,
                new ClaimSubmission(
                        "561",
                        unknown,
                        TestCharges.CPR,
                        "Jens Hansen",
                        ClaimSubmission.ClaimKind.GEBYR,
                        Money.ofOre(7500),
                        "Manuel fordring",
                        LocalDate.now(),
                        null,
                        null,
                        DunningMode.FBS_LED),
                new IdempotencyRef(unknown));
        invoiced("561"); // so that Esbjerg's events are read

        await().atMost(Duration.ofSeconds(15))
                .until(() -> FbsClient.read(http.withBasicAuth("operator", "operator")
                                .getForObject("/api/v1/debtor-systems/parked-events", String.class))
                        .findValuesAsText("fbsChargeId")
                        .contains(unknown));
    }

    @Test
    void aLibraryPaymentForAPrisme2009MunicipalityIsForwardedAndClosesTheCharge() {
        String id = invoiced("561");
        JsonNode charge = fbs.charge(id);
        assertThat(charge.get("paymentOptions").findValuesAsText("channel")).containsExactly("LIBRARY");

        String paymentId = "KASSE-561-" + UUID.randomUUID();
        Map<String, String> payment = Map.of(
                "paymentId",
                paymentId,
                "amount",
                "125.00",
                "paidOn",
                LocalDate.now().toString());
        assertThat(fbs.post("/api/v1/charges/" + id + "/payments", payment).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(fbs.post("/api/v1/charges/" + id + "/payments", payment).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
        JsonNode claim = FbsClient.read(http.getForObject("/simulator/api/claims?fbsChargeId=" + id, String.class))
                .get(0);
        assertThat(claim.get("state").asText()).isEqualTo("BETALT");
        assertThat(claim.get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void aChargeWithTheKmdOpusPaymentSolutionOffersIt() {
        JsonNode options = fbs.charge(invoiced("101")).get("paymentOptions");
        assertThat(options.get(0).get("channel").asText()).isEqualTo("PAYMENT_SOLUTION");
        assertThat(options.get(0).get("reference").asText()).startsWith("+71<");
    }

    @Test
    void aChargePastItsFreshnessLimitIsFlagged() {
        simulator.behaviour(DebtorSystem.EG_OS_INDSIGT).setEventDelay(Duration.ofHours(1)); // the invoice event is late
        String id = "FBS-173-" + UUID.randomUUID();
        fbs.post("/api/v1/charges", TestCharges.json(id, "173"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> fbs.charge(id).get("stale").asBoolean());
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode health = FbsClient.read(http.getForObject("/actuator/health", String.class));
        assertThat(health.get("status").asText()).isEqualTo("STALE_CHARGES");
        assertThat(health.at("/components/debtorFreshness/details/staleCharges/EG_OS_INDSIGT")
                        .asLong())
                .isPositive();
    }

    @Test
    void searchAnswersLiveAndFallsBackToTheLedgerWhenTheDebtorSystemIsDown() {
        String cpr = "1512873456";
        String id = "FBS-101-" + UUID.randomUUID();
        fbs.post("/api/v1/charges", TestCharges.json(id, "101").replace(TestCharges.CPR, cpr));
        await().until(() -> "INVOICED".equals(fbs.charge(id).get("status").asText()));
        Map<String, String> query = Map.of("cpr", cpr, "municipalityCode", "101");

        JsonNode live = FbsClient.read(fbs.post("/api/v1/debtors/search", query).getBody());
        assertThat(live.get("source").asText()).isEqualTo("DEBTOR_SYSTEM");
        assertThat(live.get("charges").findValuesAsText("fbsChargeId")).containsExactly(id);
        assertThat(live.get("charges").get(0).get("claimState").asText()).isEqualTo("OPKRAEVET");

        simulator.behaviour(DebtorSystem.KMD_OPUS).setFault(Fault.DOWN);
        ResponseEntity<String> fallback = fbs.post("/api/v1/debtors/search", query);
        assertThat(fallback.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode ledger = FbsClient.read(fallback.getBody());
        assertThat(ledger.get("source").asText()).isEqualTo("LEDGER");
        assertThat(ledger.get("note").asText()).contains("svarede ikke");
        assertThat(ledger.get("charges").findValuesAsText("fbsChargeId")).containsExactly(id);
        assertThat(fallback.getBody()).doesNotContain(cpr);
    }

    // ------------------------------------------------------------------

    private String invoiced(String municipality) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "INVOICED".equals(fbs.charge(id).get("status").asText()));
        return id;
    }
}
