package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresTestDatabase;
import dk.fbs.oir.TestCharges;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** REST → charge process → SOAP → simulator, on PostgreSQL with the job executor running. */
@DirtiesContext // one Camunda engine "default" per JVM at a time
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ChargeFlowIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  @Autowired TestRestTemplate http;
  private FbsClient fbs;

  @org.junit.jupiter.api.BeforeEach
  void fbs() {
    fbs = new FbsClient(http);
  }
  @Autowired JdbcTemplate jdbc;

  @ParameterizedTest(name = "{0} ({1}) gets a {2} claim")
  @CsvSource({
      "101, KMD_OPUS,      'OP101-\\d{8}'",
      "621, PRISME_2015,   'P15/\\d{4}/\\d{6}'",
      "561, PRISME_2009,   '9\\d{8}'",
      "173, EG_OS_INDSIGT, 'EG-173-[0-9A-F]{8}'"})
  void aChargeReachesItsMunicipalitysDebtorSystem(String municipality, String route, String claimIdPattern) {
    String id = "FBS-" + municipality + "-" + UUID.randomUUID();
    assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    JsonNode charge = fbs.awaitStatus(id, "SUBMITTED", "INVOICED"); // the invoice may follow at once
    assertThat(charge.get("route").asText()).isEqualTo(route);
    assertThat(charge.get("debtorSystemClaimId").asText()).matches(claimIdPattern);
    assertThat(charge.get("lastConfirmedAt").isNull()).isFalse();
    assertThat(charge.get("timeline").findValuesAsText("status")).startsWith("RECEIVED", "SUBMITTED");

    JsonNode claims = fbs.claims(id);
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).get("claimId").asText()).isEqualTo(charge.get("debtorSystemClaimId").asText());
    assertThat(claims.get(0).get("principal").asText()).isEqualTo("125.00");
  }

  @Test
  void aChargeBeforeTheMunicipalitysGoLiveIsHandledInFbs() {
    String id = "FBS-561-" + UUID.randomUUID();
    fbs.post("/api/v1/charges", TestCharges.json(id, "561").replace("2026-11-20", "2022-04-13")); // Esbjerg went live 14 April 2022

    JsonNode charge = fbs.awaitStatus(id, "HANDLED_IN_FBS");
    assertThat(charge.get("route").asText()).isEqualTo("FBS_INTERNAL");
    assertThat(fbs.claims(id)).isEmpty();
  }

  @Test
  void aClaimRejectedByTheDebtorSystemEndsRejectedWithTheReason() {
    String id = "FBS-101-" + UUID.randomUUID();
    fbs.post("/api/v1/charges", TestCharges.json(id, "101").replace(TestCharges.CPR, TestCharges.UNKNOWN_DEBTOR_CPR));

    JsonNode charge = fbs.awaitStatus(id, "REJECTED");
    assertThat(charge.get("timeline").get(1).get("text").asText()).contains("KMD Opus", "UKENDT_DEBITOR");
    assertThat(fbs.claims(id)).isEmpty();
  }

  @Test
  void theSameChargePostedConcurrentlyBecomesOneInstanceAndOneClaim() throws Exception {
    String id = "FBS-621-" + UUID.randomUUID();
    List<Callable<HttpStatus>> posts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      posts.add(() -> HttpStatus.valueOf(fbs.post("/api/v1/charges", TestCharges.json(id, "621")).getStatusCode().value()));
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
    assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Long.class, id))
        .isEqualTo(1);
    assertThat(fbs.claims(id)).hasSize(1);
  }

}
