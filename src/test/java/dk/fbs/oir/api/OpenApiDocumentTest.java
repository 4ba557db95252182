package dk.fbs.oir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * FBS' contract changes only on purpose: the OpenAPI document the application serves is the one
 * kept in docs/openapi.json, and it describes itself (title, version, login, error answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path KEPT = Path.of("docs/openapi.json");
    private static final Path SERVED = Path.of("target/openapi.json");
    private static final String REGENERATE =
            "mvn -B -o verify -Dtest=OpenApiDocumentTest -DskipITs -Dopenapi.write=true";

    @Autowired
    TestRestTemplate http;

    @Test
    void theServedDocumentIsTheOneKeptInDocs() throws IOException {
        JsonNode served = served();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n");
        if (Boolean.getBoolean("openapi.write")) {
            Files.copy(SERVED, KEPT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.exists(KEPT) && served.equals(JSON.readTree(KEPT.toFile())))
                .as(
                        "The served OpenAPI document (%s) differs from %s: FBS' contract has changed. Compare the two files;"
                                + " if the change is deliberate (fields are added, never renamed), regenerate the kept one with `%s`"
                                + " and commit it.",
                        SERVED, KEPT, REGENERATE)
                .isTrue();
    }

    @Test
    void theDocumentDescribesItself() {
        JsonNode doc = served();
        assertThat(doc.at("/info/title").asText()).isEqualTo("FBS debitorintegration gennem ØiR");
        assertThat(doc.at("/info/version").asText()).isEqualTo(OpenApiDocument.VERSION);
        assertThat(doc.at("/servers/0/url").asText())
                .as("no host or port of the test's run")
                .isEqualTo("/");
        assertThat(doc.at("/components/securitySchemes/basicAuth/type").asText())
                .isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(doc.at("/security/0").fieldNames()).toIterable().containsExactly("basicAuth");
        assertThat(doc.at("/components/schemas/Problem/properties").fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "errors");

        JsonNode intake = doc.at("/paths/~1api~1v1~1charges/post/responses");
        assertThat(intake.fieldNames()).toIterable().contains("200", "202", "400", "401", "403", "409", "500");
        assertThat(intake.at("/400/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/paths/~1api~1v1~1charges~1{fbsChargeId}/get/responses")
                        .fieldNames())
                .toIterable()
                .contains("200", "401", "403", "404", "500");
        JsonNode batch = doc.at("/paths/~1api~1v1~1charge-batches/post");
        assertThat(batch.at("/requestBody/content/application~1json/schema/maxItems")
                        .asInt())
                .isEqualTo(1000);
        assertThat(batch.at("/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ChargeBatchResponse");
        assertThat(doc.at("/components/schemas/ChargeBatchResponse/properties/results/items/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ChargeResult");
        assertThat(doc.at("/components/schemas/ChargeResult/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("fbsChargeId", "status", "charge", "problem");
        doc.get("paths")
                .forEach(path -> path.forEach(
                        operation -> assertThat(operation.get("responses").fieldNames())
                                .toIterable()
                                .contains("401", "403", "500")));
    }

    @Test
    void moneyIsADecimalStringInEveryRequestAndAnswer() {
        JsonNode schemas = served().at("/components/schemas");
        for (String field : new String[] {"ChargeRequest/properties/amount", "PaymentRequest/properties/amount"}) {
            JsonNode amount = schemas.at("/" + field);
            assertThat(amount.get("type").asText()).as(field).isEqualTo("string");
            assertThat(amount.get("pattern").asText()).as(field).isEqualTo("^\\d+(\\.\\d{1,2})?$");
        }
        for (String field : new String[] {
            "ChargeResponse/properties/amount",
            "ChargeResponse/properties/balance",
            "Result/properties/openBalance",
            "Item/properties/amount",
            "Item/properties/balance"
        }) {
            assertThat(schemas.at("/" + field + "/type").asText()).as(field).isEqualTo("string");
        }
    }

    private JsonNode served() {
        try {
            return JSON.readTree(http.getForObject("/v3/api-docs", String.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
