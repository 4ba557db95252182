package dk.fbs.oir.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TimeTravel;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.routing.RegisterGoLive;
import dk.fbs.oir.routing.Route;
import dk.fbs.oir.routing.RoutingService;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Dragør's road to go-live end to end on PostgreSQL, the job executor running: started by an operator,
 * enrolled, a wave a process owner added, its KLIK tasks, a failed connection test and its retry, the
 * approval, the go-live timer, the new register version with its approver, and the routing of
 * Dragør's charges from that day. Another municipality's project leader sees none of it.
 */
@PostgresIntegrationTest
class OnboardingIT {

    private static final String DRAGOER = "pl-dragoer";
    private static final String TAARNBY = "pl-taarnby";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    RoutingService routing;

    @Autowired
    GoLivesKept goLivesKept;

    @Test
    void dragoerGoesLiveInALaterWaveAndItsChargesGoToPrismeFromThatDay() throws Exception {
        LocalDate goLive = LocalDate.now(clock).plusDays(60);
        addWave(7, goLive, goLive.minusDays(30));
        projectLeader(DRAGOER, "155");
        projectLeader(TAARNBY, "185");
        TestRestTemplate operator = http.withBasicAuth("operator", "operator");
        FbsClient fbs = new FbsClient(http);

        assertThat(post(operator, "999").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(operator, "101").getStatusCode())
                .as("København is live")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(http.withBasicAuth(DRAGOER, "demo"), "155").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(operator, "155").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(operator, "155").getStatusCode())
                .as("once per municipality")
                .isEqualTo(HttpStatus.CONFLICT);

        complete(
                DRAGOER,
                "Tilmeld implementeringsforløbet",
                Map.of("projectLeaderName", "Pia Leder", "projectLeaderEmail", "pia.leder@dragoer.dk"));
        Task chooseWave = awaitTask(DRAGOER, "Vælg bølge");
        assertThat(tasks.getVariableLocal(chooseWave.getId(), "factMunicipality"))
                .isEqualTo("155 Dragør");
        assertThat(FbsClient.read(tasks.getVariableLocal(chooseWave.getId(), "waveChoices")
                                .toString())
                        .findValuesAsText("value"))
                .as("only the open waves")
                .contains("7")
                .doesNotContain("0", "1", "2", "3", "4");
        assertThatThrownBy(() -> complete(DRAGOER, "Vælg bølge", Map.of("wave", 1L)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Vælg en af mulighederne under 'Bølge'");
        assertThatThrownBy(() -> complete(DRAGOER, "Vælg bølge", Map.of())).hasMessageContaining("Udfyld 'Bølge'");
        complete(DRAGOER, "Vælg bølge", Map.of("wave", 7)); // an Integer, as Tasklist submits it

        JsonNode mine =
                FbsClient.read(http.withBasicAuth(DRAGOER, "demo").getForObject("/api/v1/onboardings", String.class));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("state").asText()).isEqualTo("KLIK_TASKS");
        assertThat(mine.get(0).get("goLiveDate").asText()).isEqualTo(goLive.toString());
        assertThat(mine.get(0).get("openKlikTasks").findValuesAsText("code"))
                .containsExactly("PAYMENT_SOLUTION", "FUNCTION_CERTIFICATE", "SERVICEPLATFORM", "ENDPOINT", "TRAINING");
        assertThat(visibleTasks(TAARNBY))
                .as("another municipality's project leader")
                .isEmpty();
        assertThat(FbsClient.read(http.withBasicAuth(TAARNBY, "demo").getForObject("/api/v1/onboardings", String.class))
                        .findValuesAsText("municipalityCode"))
                .containsExactly("185");
        assertThat(http.withBasicAuth(TAARNBY, "demo")
                        .getForEntity("/api/v1/onboardings/155", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        simulatorFault("SOAP_FAULT");
        for (Task klik : visibleTasks(DRAGOER)) {
            assertThat(klik.getName()).startsWith("KLIK: ");
            assertThat(klik.getTenantId()).isEqualTo("155");
            complete(DRAGOER, klik.getName(), Map.of("klikTaskNote", "Udført"));
        }
        awaitTask(DRAGOER, "Ret forbindelsen og test igen");
        assertThat(onboarding(operator).get("vendorTestResult").asText())
                .startsWith("Ingen forbindelse til Fujitsu Prisme 2015");
        simulatorFault("NONE");
        complete(DRAGOER, "Ret forbindelsen og test igen", Map.of("retryNote", "Leverandøren har genstartet"));
        awaitTask(DRAGOER, "Godkend idriftsættelse");
        assertThat(onboarding(operator).get("vendorTestResult").asText()).startsWith("Bestået: testfordring");
        complete(
                DRAGOER,
                "Godkend idriftsættelse",
                Map.of("approvalReason", "KLIK-opgaverne er løst og testen bestået"));
        awaitTask(DRAGOER, "Udskyd idriftsættelse");

        TimeTravel.passDeadline(OnboardingProcess.businessKey("155"), clock, runtime, management);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> history.createHistoricActivityInstanceQuery()
                                .activityId(OnboardingProcess.Element.EndEvent_Live.id())
                                .count()
                        == 1);

        DecisionDefinition register = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(RoutingService.REGISTER_DECISION_KEY)
                .latestVersion()
                .singleResult();
        Deployment deployment = repository
                .createDeploymentQuery()
                .deploymentId(register.getDeploymentId())
                .singleResult();
        assertThat(deployment.getName()).isEqualTo("Idriftsættelse 155 bølge 7, godkendt af pl-dragoer");
        assertThat(deployment.getSource()).isEqualTo(RegisterGoLive.SOURCE);
        assertThat(register.getVersion()).isEqualTo(2);
        try (InputStream dmn = repository.getResourceAsStream(register.getDeploymentId(), register.getResourceName())) {
            Rule dragoer = Dmn.readModelFromStream(dmn).getModelElementById("Rule_Municipality_155");
            assertThat(dragoer.getDescription().getTextContent())
                    .isEqualTo("Dragør – i drift fra " + goLive
                            + " (bølge 7), godkendt af pl-dragoer: KLIK-opgaverne er løst og testen bestået");
        }
        assertThat(onboarding(operator).get("state").asText()).isEqualTo("LIVE");

        String before = "FBS-155-000001";
        String after = "FBS-155-000002";
        assertThat(fbs.post("/api/v1/charges", charge(before, goLive.minusDays(1)))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        assertThat(fbs.post("/api/v1/charges", charge(after, goLive))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        assertThat(fbs.awaitStatus(before, "HANDLED_IN_FBS").get("route").asText())
                .isEqualTo("FBS_INTERNAL");
        JsonNode routed = fbs.awaitStatus(after, "SUBMITTED", "INVOICED");
        assertThat(routed.get("route").asText()).isEqualTo("PRISME_2015");
        assertThat(fbs.claim(after).get("debtorSystem").asText()).isEqualTo("PRISME_2015");

        // a process owner ships an edited register without Dragør's go-live: it is put back
        try (InputStream jar = getClass().getClassLoader().getResourceAsStream(RegisterGoLive.RESOURCE)) {
            repository
                    .createDeployment()
                    .name("fbs-oir-debtor")
                    .addInputStream(RegisterGoLive.RESOURCE, jar)
                    .deploy();
        }
        assertThat(routing.route("155", goLive)).isEqualTo(Route.FBS_INTERNAL);
        assertThat(goLivesKept.reapply()).isEqualTo(1);
        assertThat(routing.route("155", goLive)).isEqualTo(Route.to(DebtorSystem.PRISME_2015));
        assertThat(goLivesKept.reapply()).as("once").isZero();
    }

    /** A process owner adds a wave at the end of dmn/onboarding-waves.dmn, as in Modeler, and deploys it. */
    private void addWave(int number, LocalDate goLive, LocalDate deadline) throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dmn/onboarding-waves.dmn")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        repository
                .createDeployment()
                .name("Bølge " + number)
                .addString("dmn/onboarding-waves.dmn", xml.replace("    </decisionTable>", """
              <rule id="Rule_Wave%1$d">
                <inputEntry id="Rule_Wave%1$d_DebtorSystem"><text></text></inputEntry>
                <outputEntry id="Rule_Wave%1$d_Wave"><text>%1$d</text></outputEntry>
                <outputEntry id="Rule_Wave%1$d_GoLiveDate"><text>"%2$s"</text></outputEntry>
                <outputEntry id="Rule_Wave%1$d_EnrolmentDeadline"><text>"%3$s"</text></outputEntry>
                <outputEntry id="Rule_Wave%1$d_Capacity"><text>5</text></outputEntry>
              </rule>
            </decisionTable>""".formatted(
                                number, goLive, deadline)))
                .deploy();
    }

    /** A project leader as the municipality's SSO would map them: group projektleder-<code>, member of the tenant. */
    private void projectLeader(String userId, String municipalityCode) {
        String group = OnboardingProcess.projectLeaderGroup(municipalityCode);
        identity.saveGroup(identity.newGroup(group));
        identity.saveTenant(identity.newTenant(municipalityCode));
        identity.createTenantGroupMembership(municipalityCode, group);
        User user = identity.newUser(userId);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(userId, group);
    }

    private ResponseEntity<String> post(TestRestTemplate client, String municipalityCode) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(
                "/api/v1/onboardings",
                new HttpEntity<>("{\"municipalityCode\":\"" + municipalityCode + "\"}", headers),
                String.class);
    }

    private JsonNode onboarding(TestRestTemplate operator) {
        return FbsClient.read(operator.getForObject("/api/v1/onboardings/155", String.class));
    }

    /** Every task the user may see, by Camunda's authorization and tenant checks, as in Tasklist. */
    private List<Task> visibleTasks(String userId) {
        return asUser(
                userId, () -> tasks.createTaskQuery().orderByTaskName().asc().list());
    }

    private Task awaitTask(String userId, String name) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> visibleTasks(userId).stream()
                                .filter(t -> t.getName().equals(name))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private void complete(String userId, String name, Map<String, Object> form) {
        Task task = awaitTask(userId, name);
        asUser(userId, () -> {
            tasks.complete(task.getId(), form);
            return null;
        });
    }

    private <T> T asUser(String userId, java.util.function.Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(g -> g.getId())
                .toList();
        List<String> tenants =
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(t -> t.getId())
                        .toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void simulatorFault(String fault) {
        http.put("/simulator/api/systems/PRISME_2015", Map.of("fault", fault));
    }

    private static String charge(String id, LocalDate occurredOn) {
        return """
        {"fbsChargeId":"%s","municipalityCode":"155","debtor":{"cpr":"0101901234","name":"Jens Hansen"},\
        "type":"OVERDUE_FEE","amount":"125.00","description":"Overskredet lånetid","occurredOn":"%s"}""".formatted(id, occurredOn);
    }
}
