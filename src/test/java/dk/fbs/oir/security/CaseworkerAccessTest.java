package dk.fbs.oir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.charge.ChargeService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * Caseworkers of one municipality see that municipality's tasks and nothing else, through
 * /engine-rest with Camunda's authorizations and tenants; the task form shows the debtor masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "demo", "test"}) // test last: its API clients win
class CaseworkerAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    ChargeService charges;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Test
    void anEsbjergCaseworkerSeesEsbjergsTasksOnly() throws Exception {
        String esbjerg = rejectedCharge("561");
        String copenhagen = rejectedCharge("101");

        JsonNode esbjergTasks = tasksOf("sb-esbjerg");
        assertThat(esbjergTasks.findValuesAsText("tenantId")).containsOnly("561");
        assertThat(esbjergTasks.findValuesAsText("name")).contains("Behandl afvist fordring");
        assertThat(tasksOf("sb-koebenhavn").findValuesAsText("tenantId")).containsOnly("101");
        assertThat(tasksOf("demo").findValuesAsText("tenantId")).contains("561", "101"); // an operator sees all

        String esbjergTask = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(esbjerg)
                .singleResult()
                .getId();
        String copenhagenTask = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(copenhagen)
                .singleResult()
                .getId();
        assertThat(http.withBasicAuth("sb-esbjerg", "demo")
                        .getForEntity("/engine-rest/task/" + copenhagenTask, String.class)
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        String form = http.withBasicAuth("sb-esbjerg", "demo")
                .getForObject("/engine-rest/task/" + esbjergTask + "/form-variables", String.class);
        assertThat(form).contains("010190-****").doesNotContain(TestCharges.UNKNOWN_DEBTOR_CPR);
    }

    @Test
    void aKoldingCaseworkerCannotSeeClaimOrCompleteAnEsbjergTask() {
        String esbjerg = rejectedCharge("561");
        String task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(esbjerg)
                .singleResult()
                .getId();
        TestRestTemplate kolding = http.withBasicAuth("sb-kolding", "demo");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

        assertThat(kolding.getForObject("/engine-rest/task", String.class)).doesNotContain(task);
        assertThat(kolding.postForEntity(
                                "/engine-rest/task/" + task + "/claim",
                                new org.springframework.http.HttpEntity<>("{\"userId\":\"sb-kolding\"}", headers),
                                String.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isFalse();
        assertThat(kolding.postForEntity(
                                "/engine-rest/task/" + task + "/complete",
                                new org.springframework.http.HttpEntity<>(
                                        "{\"variables\":{\"rejectionDecision\":{\"value\":\"CANCEL\"}}}", headers),
                                String.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isFalse();

        var unchanged = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(unchanged).as("the task is still open").isNotNull();
        assertThat(unchanged.getAssignee()).isNull();
    }

    @Test
    void theCaseworkersFiltersListTheirOwnWorkNearestDueDateFirst() throws Exception {
        String esbjerg = rejectedCharge("561");
        String task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(esbjerg)
                .singleResult()
                .getId();
        TestRestTemplate caseworker = http.withBasicAuth("sb-esbjerg", "demo");

        JsonNode filters =
                JSON.readTree(caseworker.getForObject("/engine-rest/filter?resourceType=Task", String.class));
        assertThat(filters.findValuesAsText("name"))
                .contains("Min kommunes opgaver", "Indsigelser", "Afviste fordringer", "Afstemningsdifferencer");
        for (JsonNode filter : filters) {
            JsonNode query = JSON.readTree(caseworker.getForObject(
                            "/engine-rest/filter/" + filter.get("id").asText(), String.class))
                    .get("query");
            assertThat(query.get("sorting").get(0).get("sortBy").asText())
                    .as(filter.get("name").asText())
                    .isEqualTo("dueDate");
            assertThat(query.get("sorting").get(0).get("sortOrder").asText()).isEqualTo("asc");
        }
        JsonNode rejected = list(caseworker, filters, "Afviste fordringer");
        assertThat(rejected.findValuesAsText("id")).contains(task);
        assertThat(list(caseworker, filters, "Min kommunes opgaver").findValuesAsText("id"))
                .contains(task);
        assertThat(list(caseworker, filters, "Indsigelser").findValuesAsText("id"))
                .doesNotContain(task);
        assertThat(list(http.withBasicAuth("sb-kolding", "demo"), filters, "Afviste fordringer")
                        .findValuesAsText("id"))
                .as("another municipality's caseworker")
                .doesNotContain(task);

        var created = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(created.getDueDate())
                .as("dmn/task-due-dates.dmn: a rejected claim within 5 days")
                .isEqualTo(
                        java.util.Date.from(created.getCreateTime().toInstant().plus(Duration.ofDays(5))));
    }

    private static JsonNode list(TestRestTemplate user, JsonNode filters, String name) throws Exception {
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                return JSON.readTree(user.getForObject(
                        "/engine-rest/filter/" + filter.get("id").asText() + "/list", String.class));
            }
        }
        throw new AssertionError("no filter " + name);
    }

    @Test
    void aWrongPasswordGetsNothing() {
        try {
            assertThat(http.withBasicAuth("sb-esbjerg", "wrong")
                            .getForEntity("/engine-rest/task", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            identityService.unlockUser("sb-esbjerg"); // the login delay would refuse the next test's right password
        }
    }

    private String rejectedCharge(String municipality) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        charges.receive(
                TestCharges.charge(id, municipality, TestCharges.UNKNOWN_DEBTOR_CPR, LocalDate.of(2026, 11, 20)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(id)
                                .count()
                        == 1);
        return id;
    }

    private JsonNode tasksOf(String user) throws Exception {
        var response = http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }
}
