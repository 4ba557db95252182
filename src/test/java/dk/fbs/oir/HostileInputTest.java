package dk.fbs.oir;

import static dk.fbs.oir.HostileSoapCases.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fbs.oir.charge.ChargeProcess;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.payment.LibraryPaymentProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile and malformed input (issue #7, item 3), one table of cases over the REST API, the four
 * simulated debtor systems' SOAP endpoints, and a debtor system's answers to our CXF client. Every
 * refused case must get a clear 4xx (RFC 7807 naming the field at fault) or a SOAP fault, show no
 * internals, and leave every charge and the database as they were; input that is valid although it
 * looks like an attack (an expression, markup, SQL in a text) is stored verbatim and never evaluated.
 * Prints "N passed, M failed" at the end.
 */
// a hostile answer fails the claim's submission three times before its incident: a fifth of a second apart here
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R2/PT0.2S")
@ActiveProfiles({"simulator", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HostileInputTest.Tally.class)
class HostileInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MINIMUM_CASES = 50;
    static final Duration WAIT = Duration.ofSeconds(90);

    /** The debtor system whose ØiR endpoint is the fake, so its answers to us can be hostile. */
    static final DebtorSystem FAKED = DebtorSystem.EG_OS_INDSIGT;

    static final String FAKED_MUNICIPALITY = "173";
    static final FakeDebtorSystem FAKE = FakeDebtorSystem.start();

    /** Files an external entity would read: if it ever were read, its content would be valid input and show. */
    static final Path LEAK_TEXT = leakFile("LEAKED7");

    static final Path LEAK_AMOUNT = leakFile("1.00");

    /** Our tables and the simulator's: all of them must be unchanged by a refused request. */
    static final String PROCESSES = "charge and payment processes";

    static final String INCIDENTS = "incidents";
    static final List<String> TABLES = List.of(
            "charge",
            "charge_timeline",
            "library_payment",
            "debtor_event",
            "sync_cursor",
            "sim_claim",
            "sim_request",
            "sim_posting",
            "sim_event");

    @DynamicPropertySource
    static void fakeDebtorSystem(DynamicPropertyRegistry registry) {
        registry.add("oir.endpoints." + FAKED.slug() + ".url", FAKE::url);
        for (DebtorSystem system :
                DebtorSystem.values()) { // a busy machine must not turn an honest call into a timeout
            registry.add("oir.endpoints." + system.slug() + ".receive-timeout", () -> "PT20S");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One invoiced charge (and its claim) per debtor system, for the cases that need one to exist. */
    private final Map<DebtorSystem, Fixture> fixtures = new EnumMap<>(DebtorSystem.class);

    record Fixture(String chargeId, String municipality, String claimId) {}

    @BeforeAll
    void invoicedChargesInEverySystem() {
        FAKE.forwardTo("http://localhost:" + port + "/services/simulator/" + FAKED.slug());
        Map<DebtorSystem, String> municipalities = Map.of(
                DebtorSystem.KMD_OPUS,
                "101",
                DebtorSystem.PRISME_2015,
                "621",
                DebtorSystem.PRISME_2009,
                "561",
                DebtorSystem.EG_OS_INDSIGT,
                FAKED_MUNICIPALITY);
        municipalities.forEach((system, municipality) -> {
            String id = "FIXTURE-" + municipality + "-" + UUID.randomUUID();
            assertThat(call("fbs", "POST", "/api/v1/charges", "application/json", TestCharges.json(id, municipality))
                            .status)
                    .isEqualTo(202);
            fixtures.put(
                    system,
                    new Fixture(
                            id,
                            municipality,
                            awaitStatus(id, "INVOICED")
                                    .get("debtorSystemClaimId")
                                    .asText()));
            settled(id);
        });

        // the fake's answer that every hostile answer below spoils in one way is accepted as it is
        String honest = "HONEST-ANSWER-" + UUID.randomUUID();
        FAKE.answerOpretFordring(honest, answer(honest, "EG-173-FAKE0001", "125.00", "125.00", "Overskredet lånetid"));
        call("fbs", "POST", "/api/v1/charges", "application/json", TestCharges.json(honest, FAKED_MUNICIPALITY));
        assertThat(awaitStatus(honest, "SUBMITTED").get("debtorSystemClaimId").asText())
                .isEqualTo("EG-173-FAKE0001");
    }

    @AfterAll
    void stopTheFake() {
        FAKE.close();
    }

    // ================================================================ the table

    static Stream<Arguments> cases() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(HostileChargeCases.chargeIntake());
        rows.addAll(HostileChargeCases.chargeCommands());
        rows.addAll(HostileOperatorCases.debtorsAndOperators());
        rows.addAll(HostileSoapCases.soapRequests());
        rows.addAll(HostileSoapCases.debtorSystemAnswers());
        rows.addAll(validButSuspicious());
        return rows.stream().map(row -> Arguments.of(Named.of(row.kind() + ": " + row.name(), row)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInput(Row row) {
        row.check().accept(this);
    }

    /** A case: what is sent, and what must hold afterwards. */
    record Row(String kind, String name, Consumer<HostileInputTest> check) {}

    /** Valid input that looks like an attack: accepted, stored exactly as sent, never evaluated. */
    static List<Row> validButSuspicious() {
        return List.of(
                new Row(
                        "verbatim",
                        "expressions in a charge's texts",
                        t -> t.storedVerbatim(
                                "101",
                                Map.of(
                                        "description",
                                        "${7*7} #{7*7} ${T(java.lang.Runtime).getRuntime().exec('id')}",
                                        "materialId",
                                        "#{systemProperties['user.home']}",
                                        "branch",
                                        "${applicationScope}"),
                                Map.of("name", "${jndi:ldap://127.0.0.1:1/x}"))),
                new Row(
                        "verbatim",
                        "markup and SQL in a charge's texts",
                        t -> t.storedVerbatim(
                                "621",
                                Map.of(
                                        "description",
                                        "<script>alert(1)</script><img src=x onerror=alert(2)>",
                                        "branch",
                                        "'; DROP TABLE charge; --",
                                        "materialId",
                                        "\" OR \"\"=\""),
                                Map.of("name", "Robert'); DROP TABLE sim_claim;-- <b>Tables</b>"))),
                new Row(
                        "verbatim",
                        "expressions in a dispute",
                        t -> t.disputeVerbatim("${7*7} #{7*7} <script>alert(1)</script>")),
                new Row(
                        "verbatim",
                        "expressions in a cancellation note",
                        t -> t.cancellationVerbatim("#{7*7} ${7*7} '--")),
                new Row("verbatim", "expressions and markup in a SOAP OpretFordring", HostileInputTest::soapVerbatim));
    }

    // ================================================================ row builders

    static Row charge(String name, String field, Consumer<ObjectNode> change) {
        return new Row("charge", name, t -> {
            String id = "HOSTILE-" + UUID.randomUUID();
            ObjectNode body = (ObjectNode) FbsClient.read(TestCharges.json(id, "561"));
            change.accept(body);
            t.refused("fbs", "/api/v1/charges", "application/json", body.toString(), 400, field);
        });
    }

    /** A command on the invoiced KMD Opus fixture charge. */
    static Row command(String kind, String name, String path, String valid, String field, Consumer<ObjectNode> change) {
        return new Row(kind, name, t -> {
            ObjectNode body = (ObjectNode) FbsClient.read(valid);
            change.accept(body);
            t.refused(
                    "fbs",
                    "/api/v1/charges/" + t.fixtures.get(DebtorSystem.KMD_OPUS).chargeId() + "/" + path,
                    "application/json",
                    body.toString(),
                    400,
                    field);
        });
    }

    static Row json(
            String kind,
            String name,
            String user,
            String path,
            String valid,
            String field,
            Consumer<ObjectNode> change) {
        return new Row(kind, name, t -> {
            ObjectNode body = (ObjectNode) FbsClient.read(valid);
            change.accept(body);
            t.refused(user, path, "application/json", body.toString(), 400, field);
        });
    }

    static Row raw(
            String kind,
            String name,
            String user,
            String path,
            String contentType,
            Function<String, String> body,
            int status,
            String field) {
        return new Row(
                kind,
                name,
                t -> t.refused(user, path, contentType, body.apply("HOSTILE-" + UUID.randomUUID()), status, field));
    }

    static Row soap(DebtorSystem system, String name, Function<Fixture, String> body) {
        return new Row("SOAP " + system.slug(), name, t -> t.soapFault(system, body.apply(t.fixtures.get(system))));
    }

    static Row hostileAnswer(String name, Function<String, String> answer) {
        return new Row("answer from " + FAKED.slug(), name, t -> t.answerRefused(answer));
    }

    // ================================================================ checks

    /** A refused request: its status, problem details naming the field, no internals, nothing changed. */
    void refused(String user, String path, String contentType, String body, int status, String field) {
        refused(() -> call(user, "POST", path, contentType, body), status, field);
    }

    void refused(java.util.function.Supplier<Response> request, int status, String field) {
        Snapshot before = snapshot();
        Response response = request.get();

        assertThat(response.status).as(response.body).isEqualTo(status);
        assertNoInternals(response.body);
        if (field != null) {
            assertThat(response.contentType).isEqualTo("application/problem+json");
            JsonNode problem = FbsClient.read(response.body);
            assertThat(problem.at("/errors").findValuesAsText("field"))
                    .as(response.body)
                    .contains(field);
            assertThat(problem.get("detail").asText()).contains(field);
        } else if (!response.body.isEmpty()) {
            assertThat(response.contentType).isEqualTo("application/problem+json");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** A SOAP request to a simulated debtor system: a SOAP fault, no internals, nothing changed. */
    void soapFault(DebtorSystem system, String body) {
        Snapshot before = snapshot();
        Response response = call(null, "POST", "/services/simulator/" + system.slug(), "text/xml; charset=UTF-8", body);

        assertThat(response.status).as(response.body).isIn(400, 500);
        assertThat(response.body).contains("Fault>").contains("<faultstring");
        assertNoInternals(response.body);
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * A new charge for the faked system, whose OpretFordring the fake answers with {@code answer}:
     * our client refuses it, the job is retried and ends in an incident, the charge stays RECEIVED
     * without a claim, and nothing else changed.
     */
    void answerRefused(Function<String, String> answer) {
        Snapshot before = snapshot();
        String id = "HOSTILE-ANSWER-" + UUID.randomUUID();
        FAKE.answerOpretFordring(id, answer.apply(id));
        assertThat(call("fbs", "POST", "/api/v1/charges", "application/json", TestCharges.json(id, FAKED_MUNICIPALITY))
                        .status)
                .isEqualTo(202);

        Incident incident = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> runtime.createIncidentQuery()
                                .processInstanceId(processInstanceId(id))
                                .singleResult(),
                        Objects::nonNull);
        assertThat(incident.getActivityId()).isEqualTo(ChargeProcess.Element.Task_SubmitClaim.name());
        assertThat(FAKE.timesAnswered(id)).as("retried before the incident").isGreaterThan(1);
        assertThat(Objects.toString(incident.getIncidentMessage())).doesNotContain("LEAKED7");

        Map<String, Object> charge = jdbc.queryForMap("select * from charge where fbs_charge_id = ?", id);
        assertThat(charge.get("STATUS")).isEqualTo("RECEIVED");
        assertThat(charge.get("DEBTOR_SYSTEM_CLAIM_ID")).isNull();
        assertThat(charge.get("BALANCE_ORE")).isEqualTo(12500L);
        assertThat(jdbc.queryForList("select status from charge_timeline where fbs_charge_id = ?", String.class, id))
                .containsExactly("RECEIVED");
        assertThat(snapshot().without(id)).isEqualTo(before.plus(PROCESSES, 1).plus(INCIDENTS, 1));
        assertThat(everything()).doesNotContain("LEAKED7");
    }

    /** A charge with suspicious but valid texts: accepted, stored, shown and passed on exactly as sent. */
    void storedVerbatim(String municipality, Map<String, String> texts, Map<String, String> debtorTexts) {
        Snapshot before = snapshot();
        String id = "VERBATIM-" + UUID.randomUUID();
        ObjectNode body = (ObjectNode) FbsClient.read(TestCharges.json(id, municipality));
        texts.forEach(body::put);
        debtorTexts.forEach(debtor(body)::put);

        Response response = call("fbs", "POST", "/api/v1/charges", "application/json", body.toString());
        assertThat(response.status).as(response.body).isEqualTo(202);
        JsonNode charge = awaitStatus(id, "INVOICED");
        settled(id);
        assertThat(charge.get("description").asText()).isEqualTo(texts.get("description"));
        assertThat(charge.at("/debtor/name").asText()).isEqualTo(debtorTexts.get("name"));
        Map<String, Object> row = jdbc.queryForMap("select * from charge where fbs_charge_id = ?", id);
        texts.forEach(
                (field, text) -> assertThat(row.get(column(field))).as(field).isEqualTo(text));
        assertThat(row.get("DEBTOR_NAME")).isEqualTo(debtorTexts.get("name"));
        Map<String, Object> claim = jdbc.queryForMap("select * from sim_claim where fbs_charge_id = ?", id);
        assertThat(claim.get("DESCRIPTION")).isEqualTo(texts.get("description"));
        assertThat(claim.get("DEBTOR_NAME")).isEqualTo(debtorTexts.get("name"));
        assertThat(snapshot()
                        .without(id, charge.get("debtorSystemClaimId").asText())
                        .except("sync_cursor"))
                .isEqualTo(before.plus(PROCESSES, 1).except("sync_cursor"));
    }

    void disputeVerbatim(String text) {
        String id = invoicedCharge("621");
        Snapshot before = snapshot();
        Response response = call(
                "fbs",
                "POST",
                "/api/v1/charges/" + id + "/disputes",
                "application/json",
                JSON.createObjectNode().put("text", text).toString());
        assertThat(response.status).as(response.body).isEqualTo(202);
        awaitStatus(id, "DISPUTED");
        settled(id);

        String processInstance = processInstanceId(id);
        assertThat(runtime.getVariable(processInstance, ChargeProcess.DISPUTE_TEXT.name()))
                .isEqualTo(text);
        var task = tasks.createTaskQuery().processInstanceId(processInstance).singleResult();
        // the form shows the task's own copy of the text (forms/handle-dispute.form, read-only)
        assertThat(forms.getTaskFormVariables(task.getId()).getValue(ChargeProcess.DISPUTE_TEXT.name(), String.class))
                .isEqualTo(text);
        assertThat(tasks.getVariableLocal(task.getId(), ChargeProcess.DISPUTE_TEXT.name()))
                .isEqualTo(text);
        assertThat(jdbc.queryForList("select text from charge_timeline where fbs_charge_id = ?", String.class, id))
                .contains("Indsigelse: " + text);
        assertThat(snapshot().without(id)).isEqualTo(before.without(id));
    }

    void cancellationVerbatim(String note) {
        String id = invoicedCharge("561");
        Snapshot before = snapshot();
        Response response = call(
                "fbs",
                "POST",
                "/api/v1/charges/" + id + "/cancellation",
                "application/json",
                JSON.createObjectNode()
                        .put("reason", "MATERIAL_RETURNED")
                        .put("note", note)
                        .toString());
        assertThat(response.status).as(response.body).isEqualTo(202);
        JsonNode charge = awaitStatus(id, "CANCELLED");
        settled(id);

        String claimId = charge.get("debtorSystemClaimId").asText();
        assertThat(jdbc.queryForList(
                        "select text from sim_event where claim_id = ? and kind = 'FORDRING_KREDITERET'",
                        String.class,
                        claimId))
                .containsExactly("Annulleret af FBS: materialet er afleveret (" + note + ")");
        assertThat(snapshot().without(id, claimId).except("sync_cursor"))
                .isEqualTo(before.without(id, claimId).except("sync_cursor"));
    }

    static void soapVerbatim(HostileInputTest t) {
        Snapshot before = t.snapshot();
        String id = "SOAP-VERBATIM-" + UUID.randomUUID();
        String description = "${7*7} #{7*7} '; DROP TABLE sim_claim; --";
        String name = "<script>alert(1)</script>";
        String body = opret(
                t.fixtures.get(DebtorSystem.KMD_OPUS), id, "125.00", escape(description), "0101901234", escape(name));

        Response response = t.call(null, "POST", "/services/simulator/kmd-opus", "text/xml; charset=UTF-8", body);
        assertThat(response.status).as(response.body).isEqualTo(200);
        Map<String, Object> claim = t.jdbc.queryForMap("select * from sim_claim where fbs_charge_id = ?", id);
        assertThat(claim.get("DESCRIPTION")).isEqualTo(description);
        assertThat(claim.get("DEBTOR_NAME")).isEqualTo(name);
        // its events reach us and, for a charge we do not know, are parked for an operator
        await().atMost(WAIT)
                .until(() -> t.jdbc.queryForObject(
                                "select count(*) from debtor_event where fbs_charge_id = ? and outcome = 'PARKED'",
                                Long.class,
                                id)
                        == 2);
        assertThat(t.snapshot().without(id, (String) claim.get("CLAIM_ID")).except("sync_cursor"))
                .isEqualTo(before.except("sync_cursor"));
    }

    static void assertNoInternals(String body) {
        assertThat(body)
                .doesNotContainPattern("\\bat [a-z]+\\.[a-z]+\\.")
                .doesNotContain(
                        "Exception",
                        "java.",
                        "javax.",
                        "jakarta.",
                        "org.springframework",
                        "org.apache",
                        "com.fasterxml",
                        "dk.fbs",
                        "org.camunda",
                        "0101901234",
                        "LEAKED7",
                        "root:");
    }

    // ================================================================ snapshots

    /** Each table's rows, hashed (no CPR number in an assertion message), and the instances and deployments. */
    record Snapshot(Map<String, String> tables, Map<String, Long> engine, List<List<String>> rows) {

        /** Without a table whose rows a case changes on purpose (the sync cursor that read its charge's events). */
        Snapshot except(String table) {
            Map<String, String> kept = new TreeMap<>(tables);
            kept.remove(table);
            return new Snapshot(kept, engine, rows);
        }

        /** The same with {@code n} more of an engine count (a case that starts a charge on purpose). */
        Snapshot plus(String count, long n) {
            Map<String, Long> expected = new TreeMap<>(engine);
            expected.merge(count, n, Long::sum);
            return new Snapshot(tables, expected, rows);
        }

        /** Without the rows that mention any of {@code tokens} (the charge a case created on purpose). */
        Snapshot without(String... tokens) {
            Map<String, String> hashed = new TreeMap<>();
            List<List<String>> kept = new ArrayList<>();
            for (int i = 0; i < TABLES.size(); i++) {
                List<String> table = rows.get(i).stream()
                        .filter(r -> Stream.of(tokens).noneMatch(r::contains))
                        .toList();
                kept.add(table);
                hashed.put(TABLES.get(i), table.size() + " rows, " + sha256(String.join("\n", table)));
            }
            return new Snapshot(hashed, engine, kept);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && tables.equals(s.tables) && engine.equals(s.engine);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tables, engine);
        }

        @Override
        public String toString() {
            return tables + " " + engine;
        }
    }

    Snapshot snapshot() {
        List<List<String>> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.add(jdbc
                    .query("select * from " + table, (rs, i) -> {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                            row.append(rs.getObject(c)).append('\u001f');
                        }
                        return row.toString();
                    })
                    .stream()
                    .sorted()
                    .toList());
        }
        Map<String, Long> engine = new TreeMap<>();
        engine.put(
                PROCESSES,
                history.createHistoricProcessInstanceQuery()
                        .processDefinitionKeyIn(ChargeProcess.KEY, LibraryPaymentProcess.KEY)
                        .count());
        engine.put("deployments", repository.createDeploymentQuery().count());
        engine.put(
                "definitions",
                repository.createProcessDefinitionQuery().count()
                        + repository.createDecisionDefinitionQuery().count());
        engine.put(INCIDENTS, runtime.createIncidentQuery().count());
        return new Snapshot(Map.of(), engine, rows).without();
    }

    /** Every row of every table, for a leak search. */
    String everything() {
        return snapshot().rows().stream().flatMap(List::stream).collect(Collectors.joining("\n"));
    }

    // ================================================================ helpers

    record Response(int status, String contentType, String body) {}

    Response call(String user, String method, String path, String contentType, String body) {
        return call(user, method, path, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    Response call(String user, String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .method(method, body);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers()
                            .firstValue("Content-Type")
                            .map(t -> t.replaceAll(";.*", ""))
                            .orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode awaitStatus(String id, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> FbsClient.read(call("fbs", "GET", "/api/v1/charges/" + id, "application/json", "").body),
                        charge -> status.equals(charge.path("status").asText()));
    }

    String invoicedCharge(String municipality) {
        String id = "VERBATIM-" + UUID.randomUUID();
        assertThat(call("fbs", "POST", "/api/v1/charges", "application/json", TestCharges.json(id, municipality))
                        .status)
                .isEqualTo(202);
        awaitStatus(id, "INVOICED");
        settled(id);
        return id;
    }

    /** Every event the debtor system published for the charge has reached us: nothing more will change it. */
    void settled(String id) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from sim_event where fbs_charge_id = ?", Long.class, id)
                        .equals(jdbc.queryForObject(
                                "select count(*) from debtor_event where fbs_charge_id = ?", Long.class, id)));
    }

    String processInstanceId(String businessKey) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ChargeProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        return instance == null ? "none" : instance.getId();
    }

    static ObjectNode debtor(ObjectNode body) {
        return (ObjectNode) body.get("debtor");
    }

    static String column(String field) {
        return switch (field) {
            case "materialId" -> "MATERIAL_ID";
            default -> field.toUpperCase();
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path leakFile(String content) {
        try {
            Path file = Files.createTempFile("hostile-leak", ".txt");
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- the tally

    /** Counts the cases' results and prints "N passed, M failed"; too few cases fail the suite. */
    static class Tally implements TestWatcher, AfterAllCallback {
        private final AtomicInteger passed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        @Override
        public void testSuccessful(ExtensionContext context) {
            passed.incrementAndGet();
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed.incrementAndGet();
            System.out.println("Hostile input FAILED: " + context.getDisplayName());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.out.println("Hostile input: " + passed + " passed, " + failed + " failed");
            if (passed.get() + failed.get() < MINIMUM_CASES) {
                throw new AssertionError("Only " + (passed.get() + failed.get()) + " hostile-input cases ran; at least "
                        + MINIMUM_CASES + " belong in the table");
            }
        }
    }
}
