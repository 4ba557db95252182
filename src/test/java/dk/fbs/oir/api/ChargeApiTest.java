package dk.fbs.oir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.TestCharges;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The REST contract FBS codes against: intake, idempotency, access. Bad and hostile input: {@code HostileInputTest}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ChargeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void authenticateAsFbs() {
        http = http.withBasicAuth("fbs", "fbs");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

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
        assertThat(JSON.readTree(http.getForObject("/api/v1/charges/" + id, String.class))
                        .get("amount")
                        .asText())
                .isEqualTo("125.00");
    }

    @Test
    void nothingIsOpenByDefault() {
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
        String id = "ANON-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThat(anonymous
                        .postForEntity(
                                "/api/v1/charges", new HttpEntity<>(TestCharges.json(id, "561"), headers), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertNothingStarted(id);
        assertThat(http.withBasicAuth("operator", "operator")
                        .getForEntity("/api/v1/charges/" + id, String.class)
                        .getStatusCode())
                .as("an operator is not FBS")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("fbs", "fbs")
                        .getForEntity("/api/v1/debtor-systems/parked-events", String.class)
                        .getStatusCode())
                .as("FBS is not an operator")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous
                        .getForEntity("/engine-rest/process-definition", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous
                        .getForEntity("/actuator/health/readiness", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous
                        .postForEntity(
                                "/camunda/api/admin/setup/default/user/create",
                                new HttpEntity<>(
                                        "{\"profile\":{\"id\":\"evil\"},\"credentials\":{\"password\":\"x\"}}",
                                        headers),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Kroner as digits with at most two decimals, in a JSON string or number; answered with two places. */
    @ParameterizedTest(name = "amount {0}")
    @CsvSource({"'\"125.5\"', 125.50", "'\"125\"', 125.00", "'\"0.01\"', 0.01", "125.5, 125.50", "125, 125.00"})
    void anAmountWithUpToTwoDecimalsIsAcceptedAndAnsweredWithTwo(String amount, String answered) throws Exception {
        String id = "FBS-561-" + UUID.randomUUID();
        ResponseEntity<String> response = post(TestCharges.json(id, "561").replace("\"125.00\"", amount));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(JSON.readTree(response.getBody()).get("amount").textValue()).isEqualTo(answered);
    }

    /** An exponent, a sign or blanks are refused, never read as money: the problem names the field. */
    @ParameterizedTest(name = "amount {0}")
    @ValueSource(
            strings = {
                "\"1E+2\"",
                "\"1.25e2\"",
                "1.25E+2",
                "\"+125.00\"",
                "\" 125.00\"",
                "\"125.00 \"",
                "\"125,00\"",
                "\"1 250.00\"",
                "\".5\"",
                "\"125.\"",
                "\"0x7D\""
            })
    void anAmountWithAnExponentSignOrBlanksIsRefusedNamingTheField(String amount) throws Exception {
        String id = "FBS-561-" + UUID.randomUUID();
        ResponseEntity<String> response = post(TestCharges.json(id, "561").replace("\"125.00\"", amount));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var problem = JSON.readTree(response.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("amount");
        assertThat(problem.get("detail").asText()).startsWith("amount must be kroner written as digits");
        assertNothingStarted(id);
    }

    /** Søg og hent answers money as every answer does, live from the debtor system and from our ledger. */
    @ParameterizedTest(name = "municipality {0}")
    @CsvSource({"101, DEBTOR_SYSTEM", "155, LEDGER"})
    void theDebtorSearchAnswersMoneyAsDecimalStringsWithTwoPlaces(String municipality, String source) throws Exception {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(post(TestCharges.json(id, municipality).replace("\"125.00\"", "\"349.5\""))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        new FbsClient(http).awaitStatus(id, "SUBMITTED", "INVOICED", "HANDLED_IN_FBS");

        var answer = JSON.readTree(post(
                        "/api/v1/debtors/search",
                        "{\"cpr\":\"" + TestCharges.CPR + "\",\"municipalityCode\":\"" + municipality + "\"}")
                .getBody());
        assertThat(answer.get("source").asText()).isEqualTo(source);
        assertThat(answer.get("openBalance").textValue()).matches("\\d+\\.\\d{2}");
        var charge = answer.get("charges").findParents("fbsChargeId").stream()
                .filter(c -> c.get("fbsChargeId").asText().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(charge.get("amount").textValue()).isEqualTo("349.50");
        assertThat(charge.get("balance").textValue()).isEqualTo("349.50");
    }

    @Test
    void anUnknownChargeIsNotFound() {
        assertThat(http.getForEntity("/api/v1/charges/NO-SUCH-CHARGE", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOpenApiDocumentDescribesTheContract() {
        String doc = http.getForObject("/v3/api-docs", String.class);
        assertThat(doc).contains("/api/v1/charges", "/api/v1/charges/{fbsChargeId}", "fbsChargeId", "municipalityCode");
    }

    private ResponseEntity<String> post(String body) {
        return post("/api/v1/charges", body);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /** Running or ended: the history holds every instance ever started. */
    private long processInstances(String businessKey) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count();
    }

    private void assertNothingStarted(String id) {
        assertThat(jdbc.queryForObject("select count(*) from charge where fbs_charge_id = ?", Long.class, id))
                .isZero();
        assertThat(processInstances(id)).isZero();
    }
}
