package dk.fbs.oir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.TestCharges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

/**
 * {@code POST /api/v1/charge-batches}: each charge answered as {@code POST /api/v1/charges} answers it,
 * one bad charge never stopping the others; the same batch again changes nothing; a body that is no
 * array of 1 to 1,000 charges is refused whole. Hostile input as in {@code HostileInputTest}, where it
 * matters for a batch: names given twice, deep nesting, huge arrays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ChargeBatchApiTest {

    private static final String BATCHES = "/api/v1/charge-batches";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    private FbsClient fbs;
    private final String tag = "BATCH-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Test
    void eachChargeIsAnsweredAsTheSingleEndpointWouldInTheOrderSent() {
        String posted = id("posted");
        ResponseEntity<String> single = fbs.post("/api/v1/charges", TestCharges.json(posted, "621"));
        assertThat(single.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String fresh = id("fresh");
        String last = id("last");
        List<String> elements = List.of(
                TestCharges.json(fresh, "101"),
                TestCharges.json(id("amount"), "101").replace("\"125.00\"", "\"1.005\""),
                TestCharges.json(id("debtor"), "101").replaceFirst("\\{\"cpr\":[^}]*}", "\"Jens Hansen\""),
                TestCharges.json(fresh, "101"),
                TestCharges.json(fresh, "101").replace("125.00", "130.00"),
                TestCharges.json(posted, "621"),
                TestCharges.json(posted, "621").replace("Esbjerg", "Kolding"),
                TestCharges.json(id("unknown"), "999"),
                "42",
                "null",
                TestCharges.json(id("twice"), "101")
                        .replace("\"amount\":\"125.00\"", "\"amount\":\"125.00\",\"amount\":\"0.01\""),
                TestCharges.json(id("deep"), "101")
                        .replace("\"Overskredet lånetid\"", "[".repeat(5000) + "]".repeat(5000)),
                TestCharges.json(last, "173"));

        JsonNode results = fbs.postBatch(elements);

        assertThat(FbsClient.statuses(results))
                .containsExactly(202, 400, 400, 200, 409, 200, 409, 400, 400, 400, 400, 400, 202);
        List<String> ids = new ArrayList<>();
        results.forEach(result -> ids.add(result.path("fbsChargeId").asText(null)));
        assertThat(ids)
                .containsExactly(
                        fresh,
                        id("amount"),
                        id("debtor"),
                        fresh,
                        fresh,
                        posted,
                        posted,
                        id("unknown"),
                        null,
                        null,
                        id("twice"),
                        id("deep"),
                        last);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode result = results.get(i);
            boolean refused = result.get("status").asInt() >= 400;
            assertThat(result.has("problem")).isEqualTo(refused);
            assertThat(result.has("charge")).isEqualTo(!refused);
            if (refused) { // the same problem as the single endpoint's
                ResponseEntity<String> alone = fbs.post("/api/v1/charges", elements.get(i));
                assertThat(alone.getStatusCode().value())
                        .isEqualTo(result.get("status").asInt());
                JsonNode problem = FbsClient.read(alone.getBody());
                assertThat(result.get("problem").get("errors"))
                        .as(elements.get(i))
                        .isEqualTo(problem.get("errors"));
                assertThat(result.at("/problem/title")).isEqualTo(problem.get("title"));
                assertThat(result.at("/problem/detail")).isEqualTo(problem.get("detail"));
            }
        }
        assertThat(results.get(0).get("charge").fieldNames())
                .toIterable()
                .containsExactlyElementsOf(
                        () -> FbsClient.read(single.getBody()).fieldNames());
        assertThat(results.get(0).at("/charge/debtor/cpr").asText()).isEqualTo("010190-****");
        assertThat(results.get(12).at("/charge/route").asText()).isEqualTo("EG_OS_INDSIGT");
        assertThat(results.get(5).at("/charge/fbsChargeId").asText()).isEqualTo(posted);
        assertThat(results.toString()).doesNotContain(TestCharges.CPR);

        assertThat(stored()).containsExactlyInAnyOrder(fresh, posted, last);
        assertThat(processInstances()).isEqualTo(3);
        assertThat(fbs.charge(fresh).get("amount").asText()).isEqualTo("125.00");
    }

    @Test
    void theSameBatchAgainChangesNothing() {
        List<String> elements = List.of(
                TestCharges.json(id("1"), "101"),
                TestCharges.json(id("2"), "561"),
                TestCharges.json(id("3"), "999"),
                TestCharges.json(id("4"), "155").replace("2026-11-20", "2022-04-13"));

        assertThat(FbsClient.statuses(fbs.postBatch(elements))).containsExactly(202, 202, 400, 202);
        JsonNode again = fbs.postBatch(elements);

        assertThat(FbsClient.statuses(again)).containsExactly(200, 200, 400, 200);
        assertThat(again.get(3).at("/charge/status").asText()).isEqualTo("HANDLED_IN_FBS");
        assertThat(stored()).containsExactlyInAnyOrder(id("1"), id("2"), id("4"));
        assertThat(processInstances()).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from charge_timeline where fbs_charge_id like ? and status = ?",
                        Long.class,
                        tag + "-%",
                        "RECEIVED"))
                .as("received once each")
                .isEqualTo(3);
    }

    @Test
    void aThousandChargesAreAnsweredEachAndAThousandAndOneAreRefusedWhole() {
        List<String> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> TestCharges.json(id("n" + i), "101").replace("\"125.00\"", "\"-1\""))
                .toList();
        JsonNode results = fbs.postBatch(thousand); // over 64 KiB, the single endpoint's limit

        assertThat(results).hasSize(1000);
        assertThat(FbsClient.statuses(results)).containsOnly(400);
        assertThat(results.get(999).get("fbsChargeId").asText()).isEqualTo(id("n999"));

        List<String> tooMany = new ArrayList<>(IntStream.range(0, 1001)
                .mapToObj(i -> TestCharges.json(id("m" + i), "101"))
                .toList());
        refusedWhole(array(tooMany), "(body) must hold at most 1000 charges");
        refusedWhole(array(Collections.nCopies(200_000, "0")), "(body) must hold at most 1000 charges");
        assertThat(stored()).isEmpty();
    }

    /** Not an array of charges: refused whole, naming the body, and nothing stored. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "a single charge",
                "an empty array",
                "null",
                "a string",
                "truncated",
                "two arrays",
                "nested 20000 deep",
                "blank",
                "empty"
            })
    void aBodyThatIsNoArrayOfChargesIsRefusedWhole(String kind) {
        String charge = TestCharges.json(id("x"), "101");
        String body = switch (kind) {
            case "a single charge" -> charge;
            case "an empty array" -> "[]";
            case "null" -> "null";
            case "a string" -> "\"" + id("x") + "\"";
            case "truncated" -> "[" + charge + ",";
            case "two arrays" -> "[" + charge + "] [" + charge + "]";
            case "nested 20000 deep" -> "[" + charge + "," + "[".repeat(20_000) + "]".repeat(20_000) + "]";
            case "blank" -> "  ";
            default -> "";
        };
        ResponseEntity<String> answer = fbs.post(BATCHES, body);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(FbsClient.read(answer.getBody()).at("/errors/0/field").asText())
                .isEqualTo("(body)");
        assertThat(stored()).isEmpty();
    }

    @Test
    void onlyFbsMayPostABatchAndOnlyAsJson() {
        String body = array(List.of(TestCharges.json(id("x"), "101")));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));

        assertThat(anonymous
                        .postForEntity(BATCHES, new HttpEntity<>(body, json), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("operator", "operator")
                        .postForEntity(BATCHES, new HttpEntity<>(body, json), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        assertThat(fbs.http()
                        .postForEntity(BATCHES, new HttpEntity<>(body, text), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(stored()).isEmpty();
    }

    private void refusedWhole(String body, String detail) {
        ResponseEntity<String> answer = fbs.post(BATCHES, body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = FbsClient.read(answer.getBody());
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("(body)");
    }

    private static String array(List<String> elements) {
        return "[" + String.join(",\n", elements) + "]";
    }

    private String id(String name) {
        return tag + "-" + name;
    }

    private List<String> stored() {
        return jdbc.queryForList(
                "select fbs_charge_id from charge where fbs_charge_id like ?", String.class, tag + "-%");
    }

    private long processInstances() {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike(tag + "-%")
                .count();
    }
}
