package dk.fbs.oir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import java.time.Duration;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The engine's known holes, each closed and proven: one test per hole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "demo", "test"}) // test last: its API clients win
class EngineHardeningTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    org.camunda.bpm.engine.FilterService filterService;

    /** Creates the user "mallory" if the engine ever evaluates it: the side effect that must not happen. */
    private static final String CREATE_MALLORY = "${identityService.saveUser(identityService.newUser('mallory'))}";

    @ParameterizedTest(name = "a caseworker''s task query with {0}")
    @ValueSource(
            strings = {
                "{\"assigneeExpression\":\"" + CREATE_MALLORY + "\"}",
                "{\"orQueries\":[{\"candidateGroupExpression\":\"" + CREATE_MALLORY + "\"}]}"
            })
    void aCaseworkersQueryWithAnExpressionIsRefusedAndEvaluatesNothing(String body) {
        ResponseEntity<String> response =
                http.withBasicAuth("sb-esbjerg", "demo").postForEntity("/engine-rest/task", json(body), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void aSavedFilterWithAnExpressionIsRefusedAndEvaluatesNothing() {
        String filter = "{\"resourceType\":\"Task\",\"name\":\"Ondsindet\",\"query\":{\"assigneeExpression\":\""
                + CREATE_MALLORY + "\"}}";
        assertThat(post("/engine-rest/filter/create", filter).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
        assertThat(filterService.createFilterQuery().filterName("Ondsindet").count())
                .isZero();
    }

    @Test
    void aJavaSerializedObjectSentOverRestIsRefused() throws Exception {
        String variables = "{\"variables\":{\"payload\":{\"type\":\"Object\",\"value\":\"" + javaSerialized()
                + "\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";
        long before = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("library-payment")
                .count();

        ResponseEntity<String> response = post("/engine-rest/process-definition/key/library-payment/start", variables);

        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(response.getBody()).containsIgnoringCase("serializ");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("library-payment")
                        .count())
                .isEqualTo(before);
    }

    @Test
    void onlyOperatorsDeploy() {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "ondsindet");
        body.add(
                "data",
                new org.springframework.core.io.ByteArrayResource(Bpmn.convertToString(Bpmn.createExecutableProcess("x")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .endEvent()
                                .done())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "x.bpmn";
                    }
                });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("sb-esbjerg", "demo")
                        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentName("ondsindet")
                        .count())
                .isZero();
    }

    @ParameterizedTest(name = "task query body {0}")
    @ValueSource(
            strings = {
                "{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}",
                "{\"orQueries\":[{\"candidateGroupExpression\":\"${execution.getProcessEngineServices()}\"}]}",
                "{\"orQueries\":[{\"orQueries\":[{\"assigneeExpression\":\"#{1+1}\"}]}]}",
                "{\"assigneeExpression\":\"\\u0024{currentUser().getClass()}\"}",
                "{\"dueAfterExpression\":\"${dateTime().plusDays(1).getClass()}\"}"
            })
    void expressionsSmuggledIntoTaskQueriesAreRefused(String body) {
        ResponseEntity<String> response = post("/engine-rest/task", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Expression not allowed");
    }

    @Test
    void expressionsInQueryParametersAreRefused() {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${''.getClass()}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aTasklistFilterMayUseTheAllowedHelpersButNothingElse() {
        String allowed = "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":"
                + "{\"candidateGroupsExpression\":\"${currentUserGroups()}\",\"dueBeforeExpression\":\"${dateTime().plusDays(7)}\"}}";
        assertThat(post("/engine-rest/filter/create", allowed).getStatusCode()).isEqualTo(HttpStatus.OK);

        String smuggled = allowed.replace("${currentUserGroups()}", "${currentUserGroups().getClass()}");
        assertThat(post("/engine-rest/filter/create", smuggled).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theAdminSetupIsRefusedOnceAnAdministratorExists() {
        assertThat(http.postForEntity(
                                "/camunda/api/admin/setup/default/user/create",
                                json("{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void javaSerializedVariablesAreRefused() throws Exception {
        // what an attacker sends: a Java-serialized object, to be deserialized by the engine later
        var value = Variables.serializedObjectValue(javaSerialized())
                .serializationDataFormat(SerializationDataFormats.JAVA)
                .objectTypeName(ArrayList.class.getName())
                .create();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
                        "library-payment", Variables.createVariables().putValueTyped("payload", value)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("serialization");
    }

    @Test
    void modelsWithScriptsAreNotDeployed() {
        var withScript = Bpmn.createExecutableProcess("evil")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .scriptTask()
                .scriptFormat("javascript")
                .scriptText("java.lang.System.exit(1)")
                .endEvent()
                .done();
        assertThatThrownBy(() -> repositoryService
                        .createDeployment()
                        .addModelInstance("evil.bpmn", withScript)
                        .deploy())
                .hasMessageContaining("Scripts are not allowed");
    }

    @Test
    void theJobLockOutlastsTheSlowestCall() {
        OirProperties oir = new OirProperties();
        OirProperties.Endpoint slow = new OirProperties.Endpoint();
        slow.setReceiveTimeout(Duration.ofSeconds(60));
        oir.getEndpoints().put(DebtorSystem.KMD_OPUS, slow);
        assertThatThrownBy(() -> EngineHardening.requireLockLongerThanCalls(60_000, oir))
                .hasMessageContaining("KMD Opus");
        EngineHardening.requireLockLongerThanCalls(300_000, oir); // the configured lock: 5 minutes
    }

    private static String javaSerialized() throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(java.util.List.of("x")));
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private ResponseEntity<String> post(String path, String body) {
        return http.withBasicAuth("demo", "demo").postForEntity(path, json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
