package dk.fbs.oir.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorProperties;
import dk.fbs.oir.simulator.SimulatorTestControls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner's change reaches the running application without a new jar: an operator deploys
 * the changed file (deploy-changed-only), then moves running charges to the new version; those
 * that cannot move are reported and stay untouched.
 */
// one application for the class: each test counts versions from where it starts, deploys today's
// charge.bpmn again after it, and gives back the clock and the simulator's behaviour
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "demo", "test"}) // test last: its API clients win
@Import({MutableClock.Registration.class, SimulatorTestControls.Registration.class})
class ModelChangeTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ChargeService charges;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    MutableClock clock;

    @Autowired
    SimulatorTestControls simulatorControls;

    /** Today's models for the next test: the charges it starts run on today's charge.bpmn. */
    @AfterEach
    void todaysModel() throws Exception {
        clock.reset();
        simulatorControls.publishEverything(DebtorSystem.PRISME_2015); // a late invoice holds up Kolding's next
        assertThat(deploy("charge.bpmn", Files.readString(Path.of("processes/charge.bpmn")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aChangedProcessIsDeployedAndRunningChargesMoveToIt() throws Exception {
        FbsClient fbs = new FbsClient(http);
        int today = latestVersion();
        String invoiced = "FBS-101-" + UUID.randomUUID();
        charges.receive(TestCharges.charge(invoiced, "101"));
        String rejected = "FBS-561-" + UUID.randomUUID();
        charges.receive(
                TestCharges.charge(rejected, "561", TestCharges.UNKNOWN_DEBTOR_CPR, LocalDate.of(2026, 11, 20)));
        fbs.awaitStatus(invoiced, "INVOICED");
        await().until(() ->
                tasks.createTaskQuery().processInstanceBusinessKey(rejected).count() == 1);

        String original = Files.readString(Path.of("processes/charge.bpmn"));
        assertThat(deploy("charge.bpmn", original).getStatusCode())
                .as("unchanged file")
                .isEqualTo(HttpStatus.OK);
        assertThat(latestVersion()).as("an unchanged file makes no new version").isEqualTo(today);

        // version 2: the reminder task is renamed, and the rejected-claim task replaced by one with a new id
        String changed = original.replace("name=\"Send rykker\"", "name=\"Send rykkerbrev\"")
                .replace("UserTask_HandleRejectedClaim", "UserTask_ReviewRejectedClaim");
        assertThat(deploy("charge.bpmn", changed).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(latestVersion()).isEqualTo(today + 1);

        JsonNode report = FbsClient.read(http.withBasicAuth("operator", "operator")
                .postForEntity(
                        "/api/v1/operator/migrations", json("{\"processDefinitionKey\":\"charge\"}"), String.class)
                .getBody());

        assertThat(report.get("toVersion").asInt()).isEqualTo(today + 1);
        assertThat(report.get("migrated").asInt()).isPositive();
        assertThat(versionOf(invoiced)).isEqualTo(today + 1);
        JsonNode failures = report.get("notMigrated");
        assertThat(failures.findValuesAsText("businessKey")).contains(rejected);
        assertThat(failures.toString()).contains("UserTask_HandleRejectedClaim");
        assertThat(versionOf(rejected)).as("left untouched").isEqualTo(today);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(rejected)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("UserTask_HandleRejectedClaim");
    }

    @Test
    void aChangedReminderIntervalReachesNewChargesWhileRunningOnesKeepTheirs() throws Exception {
        FbsClient fbs = new FbsClient(http);
        // a Kolding charge (Prisme 2015, FBS_LED) whose invoice is late: it runs on the old version meanwhile
        simulator.behaviour(DebtorSystem.PRISME_2015).setEventDelay(Duration.ofHours(1));
        String running = "FBS-621-" + UUID.randomUUID();
        charges.receive(TestCharges.charge(running, "621"));
        fbs.awaitStatus(running, "SUBMITTED");

        // the process owner gives the first reminder on a fee 21 days instead of 14, under a new version tag
        String dmn = Files.readString(Path.of("dmn/reminder-policy.dmn"));
        String rule = dmn.substring(dmn.indexOf("<rule id=\"Rule_Fee_Reminder1\">"));
        String longerWait = dmn.replace(rule, rule.replaceFirst("<text>14</text>", "<text>21</text>"));
        assertThat(deploy("reminder-policy.dmn", longerWait).getStatusCode())
                .as("the old version tag is refused")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        String tagged = longerWait.replace(
                "name=\"Rykkerregler\" camunda:historyTimeToLive=\"P1830D\" camunda:versionTag=\"1\"",
                "name=\"Rykkerregler\" camunda:historyTimeToLive=\"P1830D\" camunda:versionTag=\"2\"");
        assertThat(deploy("reminder-policy.dmn", tagged).getStatusCode()).isEqualTo(HttpStatus.OK);
        String bpmn = Files.readString(Path.of("processes/charge.bpmn"))
                .replace(
                        "camunda:decisionRef=\"reminder-policy\" camunda:decisionRefBinding=\"versionTag\" camunda:decisionRefVersionTag=\"1\"",
                        "camunda:decisionRef=\"reminder-policy\" camunda:decisionRefBinding=\"versionTag\" camunda:decisionRefVersionTag=\"2\"");
        assertThat(deploy("charge.bpmn", bpmn).getStatusCode()).isEqualTo(HttpStatus.OK);

        simulator.behaviour(DebtorSystem.KMD_OPUS).setEventDelay(Duration.ZERO);
        String fresh = "FBS-101-" + UUID.randomUUID();
        charges.receive(TestCharges.charge(fresh, "101"));
        fbs.awaitStatus(fresh, "INVOICED");
        runtime.createMessageCorrelation("InvoiceIssued")
                .processInstanceBusinessKey(running)
                .setVariables(Map.of("dueDate", "2026-12-13", "lastPayDate", "2026-12-13"))
                .correlate();

        assertThat(daysFromDeadlineToFirstReminder(running))
                .as("the running charge keeps its rules")
                .isEqualTo(14);
        assertThat(daysFromDeadlineToFirstReminder(fresh))
                .as("a new charge gets the new ones")
                .isEqualTo(21);
    }

    @Test
    void afterAnApprovalStepIsAddedRunningChargesMoveToItAndNoneIsStuck() throws Exception {
        FbsClient fbs = new FbsClient(http);
        int withApprovalVersion = latestVersion() + 1;
        List<String> running = new java.util.ArrayList<>();
        for (String municipality : List.of("101", "621", "561")) { // FBS_LED: our reminders
            String id = "FBS-" + municipality + "-" + UUID.randomUUID();
            charges.receive(TestCharges.charge(id, municipality));
            running.add(id);
        }
        running.forEach(id -> fbs.awaitStatus(id, "INVOICED"));

        // processes/README.md, example 3: "Godkend rykker" before every reminder
        String withApproval = Files.readString(Path.of("processes/charge.bpmn"))
                .replace(
                        "sourceRef=\"Gateway_SendReminder\" targetRef=\"Task_SendReminder\"",
                        "sourceRef=\"Gateway_SendReminder\" targetRef=\"UserTask_ApproveReminder\"")
                .replace(
                        "<bpmn:incoming>Flow_SendReminder</bpmn:incoming>\n        <bpmn:outgoing>Flow_ReminderBackToLoop",
                        "<bpmn:incoming>Flow_ToApprovedReminder</bpmn:incoming>\n        <bpmn:outgoing>Flow_ReminderBackToLoop")
                .replace("<bpmn:serviceTask id=\"Task_SendReminder\"", """
            <bpmn:userTask id="UserTask_ApproveReminder" name="Godkend rykker" camunda:candidateGroups="sagsbehandler-${municipalityCode}">
              <bpmn:incoming>Flow_SendReminder</bpmn:incoming>
              <bpmn:outgoing>Flow_ToApprovedReminder</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToApprovedReminder" sourceRef="UserTask_ApproveReminder" targetRef="Task_SendReminder" />
            <bpmn:serviceTask id="Task_SendReminder\"""");
        assertThat(deploy("charge.bpmn", withApproval).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode report = FbsClient.read(http.withBasicAuth("operator", "operator")
                .postForEntity(
                        "/api/v1/operator/migrations", json("{\"processDefinitionKey\":\"charge\"}"), String.class)
                .getBody());
        assertThat(report.get("migrated").asInt()).isGreaterThanOrEqualTo(3); // and other tests' charges
        assertThat(report.get("notMigrated").findValuesAsText("businessKey")).doesNotContainAnyElementsOf(running);

        for (String id : running) { // each moves on through the new step
            assertThat(versionOf(id)).isEqualTo(withApprovalVersion);
            String instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(id)
                    .singleResult()
                    .getId();
            var timer = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .timers()
                    .singleResult();
            if (clock.instant().isBefore(timer.getDuedate().toInstant())) { // its day has come
                clock.advance(
                        Duration.between(clock.instant(), timer.getDuedate().toInstant())
                                .plusSeconds(1));
            }
            management.executeJob(timer.getId());
            var approval = tasks.createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey("UserTask_ApproveReminder")
                    .singleResult();
            assertThat(approval).as("%s waits at the new step", id).isNotNull();
            tasks.complete(approval.getId());
            fbs.awaitStatus(id, "REMINDED");
        }
    }

    /** Whole days between the charge's last day to pay and its reminder timer (which fires the day after + waitDays). */
    private long daysFromDeadlineToFirstReminder(String businessKey) {
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        var timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
        LocalDate deadline = LocalDate.parse((String) runtime.getVariable(instance.getId(), "deadline"));
        LocalDate due = timer.getDuedate()
                .toInstant()
                .atZone(java.time.ZoneId.systemDefault())
                .toLocalDate();
        return java.time.temporal.ChronoUnit.DAYS.between(deadline, due) - 1;
    }

    /**
     * A charge started on version 4 of charge.bpmn (its variables included: the charge's id, the
     * counters, the charge date) goes on with today's code after today's model is deployed.
     */
    @Test
    void aChargeOfTheEarlierModelVersionGoesOnWithTodaysCode() throws Exception {
        FbsClient fbs = new FbsClient(http);
        int version4 = latestVersion() + 1;
        assertThat(deploy("charge.bpmn", Files.readString(Path.of("src/test/resources/deploy/charge-v4.bpmn")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String id = "FBS-101-" + UUID.randomUUID();
        charges.receive(TestCharges.charge(id, "101"));
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId();
        runtime.setVariables(
                instance,
                Map.of(
                        "fbsChargeId",
                        id,
                        "chargeDate",
                        "2026-11-20",
                        "submissionNo",
                        1,
                        "transferNo",
                        1,
                        "disputeNo",
                        0)); // as version 4 started it
        assertThat(deploy("charge.bpmn", Files.readString(Path.of("processes/charge.bpmn")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(versionOf(id)).isEqualTo(version4);

        fbs.awaitStatus(id, "INVOICED");
        assertThat(fbs.post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        var task = await().until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(instance)
                                .singleResult(),
                        t -> t != null);
        tasks.complete(task.getId(), Map.of("disputeDecision", "UPHOLD"));
        fbs.awaitStatus(id, "INVOICED");
        // version 4 sends a reminder when its timer runs, even early from Cockpit: today's code refuses it
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult()
                .getId());
        var incident = await().until(
                        () -> runtime.createIncidentQuery()
                                .processInstanceId(instance)
                                .singleResult(),
                        i -> i != null);
        assertThat(incident.getActivityId()).isEqualTo("Task_SendReminder");
        assertThat(incident.getIncidentMessage()).contains("sendes ikke før sidste rettidige betalingsdag");
        assertThat(fbs.charge(id).get("status").asText()).isEqualTo("INVOICED");
        assertThat(versionOf(id)).as("it kept its version").isEqualTo(version4);
    }

    @Test
    void onlyOperatorsMigrate() {
        assertThat(new FbsClient(http)
                        .post("/api/v1/operator/migrations", Map.of("processDefinitionKey", "charge"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** What an operator runs: curl -u drift:… --data-binary @processes/charge.bpmn …/api/v1/operator/deployments?file=charge.bpmn */
    private org.springframework.http.ResponseEntity<String> deploy(String file, String model) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return http.withBasicAuth("operator", "operator")
                .postForEntity(
                        "/api/v1/operator/deployments?file=" + file,
                        new HttpEntity<>(model.getBytes(StandardCharsets.UTF_8), headers),
                        String.class);
    }

    private int latestVersion() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("charge")
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private int versionOf(String businessKey) {
        String definitionId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult()
                .getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
