package dk.fbs.oir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** FBS' side of the REST contract, and the simulator's controls, for the integration tests. */
public final class FbsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    /** Logged in as the test profile's FBS client. */
    public FbsClient(TestRestTemplate http) {
        this.http = http.withBasicAuth("fbs", "fbs");
    }

    public TestRestTemplate http() {
        return http;
    }

    /** POSTs a JSON body (a string as it is, anything else serialized). */
    public ResponseEntity<String> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return http.postForEntity(path, new HttpEntity<>(json, headers), String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** POSTs charges (each a JSON text) as one batch; the answer's {@code results}, one per charge. */
    public JsonNode postBatch(List<String> charges) {
        ResponseEntity<String> answer = post("/api/v1/charge-batches", "[" + String.join(",\n", charges) + "]");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode results = read(answer.getBody()).get("results");
        assertThat(results).hasSize(charges.size());
        return results;
    }

    /** Each result's own status (its charge's and its problem's are others). */
    public static List<Integer> statuses(JsonNode results) {
        List<Integer> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asInt()));
        return statuses;
    }

    public JsonNode get(String path) {
        return read(http.getForObject(path, String.class));
    }

    public JsonNode charge(String fbsChargeId) {
        return get("/api/v1/charges/" + fbsChargeId);
    }

    /** Waits until the charge has one of the statuses, and returns it. */
    public JsonNode awaitStatus(String fbsChargeId, String... statuses) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> charge(fbsChargeId),
                        charge ->
                                List.of(statuses).contains(charge.get("status").asText()));
    }

    /** The simulator's claims for the charge. */
    public JsonNode claims(String fbsChargeId) {
        return get("/simulator/api/claims?fbsChargeId=" + fbsChargeId);
    }

    /** The charge's one claim in the simulator. */
    public JsonNode claim(String fbsChargeId) {
        JsonNode claims = claims(fbsChargeId);
        assertThat(claims).hasSize(1);
        return claims.get(0);
    }

    /** A citizen pays through the debtor system's payment solution. */
    public void payAsCitizen(String fbsChargeId, String amount) {
        String claimId = charge(fbsChargeId).get("debtorSystemClaimId").asText();
        assertThat(post("/simulator/api/citizen-payments", Map.of("claimId", claimId, "amount", amount))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
