package dk.fbs.oir.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Before anything is measured: the engine's endpoints and the peer's answer FBS alike, so the peer
 * does the intake's whole job (authentication, validation, idempotency, batch) and not less. Each
 * case's status (and, for a batch, each charge's) must be the one FBS' contract gives.
 */
final class ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ChargeLoad load;
    private final String authorization;

    ContractCheck(ChargeLoad load, String authorization) {
        this.load = load;
        this.authorization = authorization;
    }

    /** Fails unless every case answers as the contract says. */
    void check(String name, URI single, URI batch, String prefix) throws IOException, InterruptedException {
        String charge = load.body(prefix, 1);
        String other = load.body(prefix, 2);
        List<String> failures = new ArrayList<>();
        expect(failures, "no credentials", post(single, charge, null), 401);
        expect(failures, "a wrong password", post(single, charge, "Basic YmVuY2g6d3Jvbmc="), 401);
        expect(failures, "a new charge", post(single, charge, authorization), 202);
        expect(failures, "the same charge again", post(single, charge, authorization), 200);
        expect(
                failures,
                "another charge under its id",
                post(single, other.replace("0000002", "0000001"), authorization),
                409);
        expect(
                failures,
                "an amount with an exponent",
                post(single, other.replace("\"amount\":\"", "\"amount\":\"1e"), authorization),
                400);
        expect(
                failures,
                "an unknown municipality",
                post(
                        single,
                        other.replaceFirst("\"municipalityCode\":\"\\d+\"", "\"municipalityCode\":\"999\""),
                        authorization),
                400);
        HttpResponse<String> answer = post(
                batch,
                "[" + load.body(prefix, 3) + "," + charge + "," + other.replace("0000002", "0000001")
                        + ",{\"fbsChargeId\":\"x\"}]",
                authorization);
        expect(failures, "a batch", answer, 200);
        if (answer.statusCode() == 200) {
            List<Integer> statuses = new ArrayList<>();
            for (JsonNode result : JSON.readTree(answer.body()).path("results")) {
                statuses.add(result.path("status").asInt());
            }
            if (!statuses.equals(List.of(202, 200, 409, 400))) {
                failures.add("a batch of a new, the same, a conflicting and an invalid charge: " + statuses);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + " does not answer as FBS' contract says: " + failures);
        }
    }

    private static void expect(List<String> failures, String what, HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            failures.add(what + ": " + answer.statusCode() + " instead of " + status + " " + answer.body());
        }
    }

    private HttpResponse<String> post(URI uri, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
