package dk.fbs.oir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fbs.oir.TestCharges;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The REST contract FBS codes against: intake, idempotency, and RFC 7807 errors naming the field. */
@DirtiesContext // one Camunda engine "default" per JVM at a time
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ChargeApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;

  @org.junit.jupiter.api.BeforeEach
  void authenticateAsFbs() {
    http = http.withBasicAuth("fbs", "fbs");
  }
  @Autowired JdbcTemplate jdbc;

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("unknown municipality", "municipalityCode", b -> b.put("municipalityCode", "999")),
        bad("municipality code of four digits", "municipalityCode", b -> b.put("municipalityCode", "5611")),
        bad("negative amount", "amount", b -> b.put("amount", "-125.00")),
        bad("zero amount", "amount", b -> b.put("amount", "0.00")),
        bad("three decimals", "amount", b -> b.put("amount", "125.005")),
        bad("amount not a number", "amount", b -> b.put("amount", "hundrede")),
        bad("amount a boolean", "amount", b -> b.put("amount", true)),
        bad("CPR with an impossible date", "debtor.cpr", b -> debtor(b).put("cpr", "3201901234")),
        bad("CPR too short", "debtor.cpr", b -> debtor(b).put("cpr", "010190123")),
        bad("CPR with a dash", "debtor.cpr", b -> debtor(b).put("cpr", "010190-1234")),
        bad("debtor without a name", "debtor.name", b -> debtor(b).remove("name")),
        bad("missing fbsChargeId", "fbsChargeId", b -> b.remove("fbsChargeId")),
        bad("fbsChargeId a number", "fbsChargeId", b -> b.put("fbsChargeId", 123)),
        bad("fbsChargeId with a slash", "fbsChargeId", b -> b.put("fbsChargeId", "FBS/1")),
        bad("missing debtor", "debtor", b -> b.remove("debtor")),
        bad("missing type", "type", b -> b.remove("type")),
        bad("unknown type", "type", b -> b.put("type", "PARKING_FINE")),
        bad("missing amount", "amount", b -> b.remove("amount")),
        bad("missing description", "description", b -> b.remove("description")),
        bad("impossible date", "occurredOn", b -> b.put("occurredOn", "2026-02-30")),
        bad("date in the future", "occurredOn", b -> b.put("occurredOn", "2999-01-01")),
        bad("unknown field", "discount", b -> b.put("discount", "10.00")));
  }

  private static Arguments bad(String name, String field, Consumer<ObjectNode> change) {
    return Arguments.of(name, field, change);
  }

  private static ObjectNode debtor(ObjectNode body) {
    return (ObjectNode) body.get("debtor");
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @MethodSource("badRequests")
  void badRequestsAreRefusedNamingTheFieldAndStartNothing(String name, String field, Consumer<ObjectNode> change)
      throws Exception {
    String id = "BAD-" + UUID.randomUUID();
    ObjectNode body = (ObjectNode) JSON.readTree(TestCharges.json(id, "561"));
    change.accept(body);

    ResponseEntity<String> response = post(body.toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    var problem = JSON.readTree(response.getBody());
    assertThat(problem.at("/errors").findValuesAsText("field")).contains(field);
    assertThat(problem.get("detail").asText()).contains(field);
    assertThat(response.getBody()).doesNotContain("Exception", "at dk.", "0101901234");
    assertNothingStarted(id);
  }

  @Test
  void unparseableJsonIsABadRequest() {
    ResponseEntity<String> response = post("{\"fbsChargeId\": \"X-1\", ");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("\"field\":\"(body)\"", "not valid JSON");
    assertNothingStarted("X-1");
  }

  @Test
  void aNewChargeIsAcceptedAndTheSameChargeAgainReturnsIt() throws Exception {
    String id = "FBS-561-" + UUID.randomUUID();
    ResponseEntity<String> first = post(TestCharges.json(id, "561"));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(first.getHeaders().getLocation()).hasToString("/api/v1/charges/" + id);
    var charge = JSON.readTree(first.getBody());
    assertThat(charge.get("fbsChargeId").asText()).isEqualTo(id);
    assertThat(charge.get("amount").asText()).isEqualTo("125.00");
    assertThat(charge.at("/debtor/cpr").asText()).isEqualTo("010190-****");
    assertThat(first.getBody()).doesNotContain("0101901234");

    ResponseEntity<String> again = post(TestCharges.json(id, "561"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(processInstances(id)).isEqualTo(1);

    ResponseEntity<String> conflicting = post(TestCharges.json(id, "561").replace("125.00", "130.00"));
    assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(JSON.readTree(http.getForObject("/api/v1/charges/" + id, String.class)).get("amount").asText())
        .isEqualTo("125.00");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
    String id = "BIG-" + UUID.randomUUID();
    ObjectNode body = (ObjectNode) JSON.readTree(TestCharges.json(id, "561"));
    body.put("description", "x".repeat(100_000));

    ResponseEntity<String> response = post(body.toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertNothingStarted(id);
  }

  @Test
  void nothingIsOpenByDefault() {
    TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
    String id = "ANON-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    assertThat(anonymous.postForEntity("/api/v1/charges", new HttpEntity<>(TestCharges.json(id, "561"), headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertNothingStarted(id);
    assertThat(http.withBasicAuth("operator", "operator").getForEntity("/api/v1/charges/" + id, String.class)
        .getStatusCode()).as("an operator is not FBS").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("fbs", "fbs").getForEntity("/api/v1/debtor-systems/parked-events", String.class)
        .getStatusCode()).as("FBS is not an operator").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anonymous.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(anonymous.postForEntity("/camunda/api/admin/setup/default/user/create",
        new HttpEntity<>("{\"profile\":{\"id\":\"evil\"},\"credentials\":{\"password\":\"x\"}}", headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anUnknownChargeIsNotFound() {
    assertThat(http.getForEntity("/api/v1/charges/NO-SUCH-CHARGE", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theOpenApiDocumentDescribesTheContract() {
    String doc = http.getForObject("/v3/api-docs", String.class);
    assertThat(doc).contains("/api/v1/charges", "/api/v1/charges/{fbsChargeId}", "fbsChargeId", "municipalityCode");
  }

  private ResponseEntity<String> post(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/charges", new HttpEntity<>(body, headers), String.class);
  }

  /** Running or ended: the history holds every instance ever started. */
  private long processInstances(String businessKey) {
    return jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Long.class, businessKey);
  }

  private void assertNothingStarted(String id) {
    assertThat(jdbc.queryForObject("select count(*) from charge where fbs_charge_id = ?", Long.class, id)).isZero();
    assertThat(processInstances(id)).isZero();
  }
}
