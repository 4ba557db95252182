package dk.fbs.oir.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.TestCharges;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import dk.fbs.oir.charge.ChargeService;

/**
 * A process owner's change reaches the running application without a new jar: an operator deploys
 * the changed file (deploy-changed-only), then moves running charges to the new version; those
 * that cannot move are reported and stay untouched.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "demo", "test"}) // test last: its API clients win
class ModelChangeTest {

  @Autowired TestRestTemplate http;
  @Autowired ChargeService charges;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aChangedProcessIsDeployedAndRunningChargesMoveToIt() throws Exception {
    FbsClient fbs = new FbsClient(http);
    String invoiced = "FBS-101-" + UUID.randomUUID();
    charges.receive(TestCharges.charge(invoiced, "101"));
    String rejected = "FBS-561-" + UUID.randomUUID();
    charges.receive(TestCharges.charge(rejected, "561", TestCharges.UNKNOWN_DEBTOR_CPR, LocalDate.of(2026, 11, 20)));
    fbs.awaitStatus(invoiced, "INVOICED");
    await().until(() -> tasks.createTaskQuery().processInstanceBusinessKey(rejected).count() == 1);

    String original = Files.readString(Path.of("processes/charge.bpmn"));
    assertThat(deploy(original).getStatusCode()).as("unchanged file").isEqualTo(HttpStatus.OK);
    assertThat(latestVersion()).as("an unchanged file makes no new version").isEqualTo(1);

    // version 2: the reminder task is renamed, and the rejected-claim task replaced by one with a new id
    String changed = original.replace("name=\"Send rykker\"", "name=\"Send rykkerbrev\"")
        .replace("UserTask_HandleRejectedClaim", "UserTask_ReviewRejectedClaim");
    assertThat(deploy(changed).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(latestVersion()).isEqualTo(2);

    JsonNode report = FbsClient.read(http.withBasicAuth("operator", "operator").postForEntity(
        "/api/v1/operator/migrations", json("{\"processDefinitionKey\":\"charge\"}"), String.class).getBody());

    assertThat(report.get("toVersion").asInt()).isEqualTo(2);
    assertThat(report.get("migrated").asInt()).isPositive();
    assertThat(versionOf(invoiced)).isEqualTo(2);
    JsonNode failures = report.get("notMigrated");
    assertThat(failures.findValuesAsText("businessKey")).contains(rejected);
    assertThat(failures.toString()).contains("UserTask_HandleRejectedClaim");
    assertThat(versionOf(rejected)).as("left untouched").isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(rejected).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_HandleRejectedClaim");
  }

  @Test
  void onlyOperatorsMigrate() {
    assertThat(new FbsClient(http).post("/api/v1/operator/migrations", Map.of("processDefinitionKey", "charge"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** What an operator runs: curl -u drift:… --data-binary @processes/charge.bpmn …/api/v1/operator/deployments?file=charge.bpmn */
  private org.springframework.http.ResponseEntity<String> deploy(String bpmn) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return http.withBasicAuth("operator", "operator").postForEntity("/api/v1/operator/deployments?file=charge.bpmn",
        new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), String.class);
  }

  private int latestVersion() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("charge").latestVersion().singleResult()
        .getVersion();
  }

  private int versionOf(String businessKey) {
    String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
        .getProcessDefinitionId();
    return repository.getProcessDefinition(definitionId).getVersion();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
