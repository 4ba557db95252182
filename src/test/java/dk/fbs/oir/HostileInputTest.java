package dk.fbs.oir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fbs.oir.charge.ChargeProcess;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.payment.LibraryPaymentProcess;
import java.io.ByteArrayInputStream;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HostileInputTest.Tally.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MINIMUM_CASES = 50;
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** The debtor system whose ØiR endpoint is the fake, so its answers to us can be hostile. */
    private static final DebtorSystem FAKED = DebtorSystem.EG_OS_INDSIGT;

    private static final String FAKED_MUNICIPALITY = "173";
    private static final FakeDebtorSystem FAKE = FakeDebtorSystem.start();

    /** Files an external entity would read: if it ever were read, its content would be valid input and show. */
    private static final Path LEAK_TEXT = leakFile("LEAKED7");

    private static final Path LEAK_AMOUNT = leakFile("1.00");

    /** Our tables and the simulator's: all of them must be unchanged by a refused request. */
    private static final String PROCESSES = "charge and payment processes";

    private static final String INCIDENTS = "incidents";
    private static final List<String> TABLES = List.of(
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
        rows.addAll(chargeIntake());
        rows.addAll(chargeCommands());
        rows.addAll(debtorsAndOperators());
        rows.addAll(soapRequests());
        rows.addAll(debtorSystemAnswers());
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

    /** {@code POST /api/v1/charges}: the example body with one change. */
    static List<Row> chargeIntake() {
        String longId = "A".repeat(65);
        return List.of(
                charge("unknown municipality", "municipalityCode", b -> b.put("municipalityCode", "999")),
                charge("municipality code of four digits", "municipalityCode", b -> b.put("municipalityCode", "5611")),
                charge(
                        "municipality code with SQL",
                        "municipalityCode",
                        b -> b.put("municipalityCode", "101; DROP TABLE charge")),
                charge("negative amount", "amount", b -> b.put("amount", "-125.00")),
                charge("zero amount", "amount", b -> b.put("amount", "0.00")),
                charge("three decimals", "amount", b -> b.put("amount", "125.005")),
                charge(
                        "three decimals as a JSON number",
                        "amount",
                        b -> b.put("amount", new java.math.BigDecimal("125.005"))),
                charge("amount of ten integer digits", "amount", b -> b.put("amount", "1000000000.00")),
                charge("amount with a huge exponent", "amount", b -> b.put("amount", "1E+999999999")),
                charge("amount with an exponent", "amount", b -> b.put("amount", "1.25E+2")),
                charge("amount with a plus sign", "amount", b -> b.put("amount", "+125.00")),
                charge("amount with blanks", "amount", b -> b.put("amount", " 125.00 ")),
                charge("amount with a decimal comma", "amount", b -> b.put("amount", "125,00")),
                charge("amount NaN", "amount", b -> b.put("amount", "NaN")),
                charge("amount not a number", "amount", b -> b.put("amount", "hundrede")),
                charge("amount a boolean", "amount", b -> b.put("amount", true)),
                charge("amount an object", "amount", b -> b.putObject("amount").put("value", "125.00")),
                charge(
                        "CPR with an impossible date",
                        "debtor.cpr",
                        b -> debtor(b).put("cpr", "3201901234")),
                charge("CPR too short", "debtor.cpr", b -> debtor(b).put("cpr", "010190123")),
                charge("CPR with a dash", "debtor.cpr", b -> debtor(b).put("cpr", "010190-1234")),
                charge("CPR with SQL", "debtor.cpr", b -> debtor(b).put("cpr", "1111111111' OR '1'='1")),
                charge("debtor without a name", "debtor.name", b -> debtor(b).remove("name")),
                charge(
                        "debtor name of 201 characters",
                        "debtor.name",
                        b -> debtor(b).put("name", "N".repeat(201))),
                charge("debtor a string", "debtor", b -> b.put("debtor", "Jens Hansen")),
                charge(
                        "unknown field in the debtor",
                        "debtor.age",
                        b -> debtor(b).put("age", 36)),
                charge("missing fbsChargeId", "fbsChargeId", b -> b.remove("fbsChargeId")),
                charge("fbsChargeId a number", "fbsChargeId", b -> b.put("fbsChargeId", 123)),
                charge("fbsChargeId with a slash", "fbsChargeId", b -> b.put("fbsChargeId", "FBS/1")),
                charge("fbsChargeId with SQL", "fbsChargeId", b -> b.put("fbsChargeId", "X' OR '1'='1")),
                charge("fbsChargeId of 65 characters", "fbsChargeId", b -> b.put("fbsChargeId", longId)),
                charge("missing debtor", "debtor", b -> b.remove("debtor")),
                charge("missing type", "type", b -> b.remove("type")),
                charge("unknown type", "type", b -> b.put("type", "PARKING_FINE")),
                charge("type a number", "type", b -> b.put("type", 0)),
                charge("missing amount", "amount", b -> b.remove("amount")),
                charge("missing description", "description", b -> b.remove("description")),
                charge("description of 501 characters", "description", b -> b.put("description", "d".repeat(501))),
                charge(
                        "description with a NUL character",
                        "description",
                        b -> b.put("description", "Overskredet\u0000lånetid")),
                charge("branch with control characters", "branch", b -> b.put("branch", "Hoved\u001b[2Jbibliotek")),
                charge("impossible date", "occurredOn", b -> b.put("occurredOn", "2026-02-30")),
                charge("date in the future", "occurredOn", b -> b.put("occurredOn", "2999-01-01")),
                charge("date not a date", "occurredOn", b -> b.put("occurredOn", "i går")),
                charge("unknown field", "discount", b -> b.put("discount", "10.00")),
                raw(
                        "charge",
                        "the same field twice (a smuggled amount)",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561")
                                .replace("\"amount\":\"125.00\"", "\"amount\":\"125.00\",\"amount\":\"0.01\""),
                        400,
                        "amount"),
                raw(
                        "charge",
                        "amount as a JSON number with an exponent",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561").replace("\"125.00\"", "1.25E+2"),
                        400,
                        "amount"),
                raw(
                        "charge",
                        "description nested 5000 arrays deep",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561")
                                .replace("\"Overskredet lånetid\"", "[".repeat(5000) + "]".repeat(5000)),
                        400,
                        "description"),
                raw(
                        "charge",
                        "unparseable JSON",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> "{\"fbsChargeId\": \"" + id + "\", ",
                        400,
                        "(body)"),
                raw("charge", "JSON null", "fbs", "/api/v1/charges", "application/json", id -> "null", 400, "(body)"),
                raw("charge", "empty body", "fbs", "/api/v1/charges", "application/json", id -> "", 400, "(body)"),
                raw(
                        "charge",
                        "a JSON array",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> "[" + TestCharges.json(id, "561") + "]",
                        400,
                        "(body)"),
                raw(
                        "charge",
                        "oversized body (100 kB description)",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561").replace("Overskredet lånetid", "x".repeat(100_000)),
                        413,
                        null),
                new Row(
                        "charge",
                        "oversized body without a length (chunked)",
                        t -> t.refused(
                                () -> {
                                    String id = "HOSTILE-" + UUID.randomUUID();
                                    String body = TestCharges.json(id, "561")
                                            .replace("Overskredet lånetid", "x".repeat(100_000));
                                    return t.call(
                                            "fbs",
                                            "POST",
                                            "/api/v1/charges",
                                            "application/json",
                                            HttpRequest.BodyPublishers.ofInputStream(() ->
                                                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
                                },
                                400,
                                "(body)")),
                raw(
                        "charge",
                        "text/plain",
                        "fbs",
                        "/api/v1/charges",
                        "text/plain",
                        id -> TestCharges.json(id, "561"),
                        415,
                        null),
                raw(
                        "charge",
                        "XML with an external entity",
                        "fbs",
                        "/api/v1/charges",
                        "application/xml",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">]>"
                                + "<charge><fbsChargeId>" + id
                                + "</fbsChargeId><description>&x;</description></charge>",
                        415,
                        null));
    }

    /** Payments, cancellations and disputes for an invoiced KMD Opus charge; the charge must not change. */
    static List<Row> chargeCommands() {
        String payment = "{\"paymentId\":\"KASSE-1\",\"amount\":\"50.00\",\"paidOn\":\"2026-11-20\"}";
        String cancellation = "{\"reason\":\"MATERIAL_RETURNED\",\"note\":\"Afleveret i Valby\"}";
        String dispute = "{\"text\":\"Jeg har afleveret bogen\"}";
        return List.of(
                command("payment", "missing paymentId", "payments", payment, "paymentId", b -> b.remove("paymentId")),
                command(
                        "payment",
                        "paymentId with markup",
                        "payments",
                        payment,
                        "paymentId",
                        b -> b.put("paymentId", "<script>alert(1)</script>")),
                command(
                        "payment",
                        "paymentId with SQL",
                        "payments",
                        payment,
                        "paymentId",
                        b -> b.put("paymentId", "1' OR '1'='1")),
                command("payment", "negative amount", "payments", payment, "amount", b -> b.put("amount", "-50.00")),
                command("payment", "zero amount", "payments", payment, "amount", b -> b.put("amount", "0.00")),
                command("payment", "three decimals", "payments", payment, "amount", b -> b.put("amount", "49.999")),
                command("payment", "huge amount", "payments", payment, "amount", b -> b.put("amount", "1E+20")),
                command(
                        "payment",
                        "amount with an exponent",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "5E+1")),
                command(
                        "payment",
                        "amount with a plus sign",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "+50.00")),
                command(
                        "payment",
                        "amount with a blank",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "50.00 ")),
                command("payment", "amount a boolean", "payments", payment, "amount", b -> b.put("amount", false)),
                command(
                        "payment",
                        "impossible date",
                        "payments",
                        payment,
                        "paidOn",
                        b -> b.put("paidOn", "2026-02-30")),
                command(
                        "payment",
                        "date in the future",
                        "payments",
                        payment,
                        "paidOn",
                        b -> b.put("paidOn", "2999-01-01")),
                command("payment", "unknown field", "payments", payment, "currency", b -> b.put("currency", "EUR")),
                raw(
                        "payment",
                        "SQL in the charge id of the path",
                        "fbs",
                        "/api/v1/charges/x'%20OR%20'1'='1/payments",
                        "application/json",
                        id -> payment,
                        404,
                        null),
                command(
                        "cancellation",
                        "unknown reason",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.put("reason", "BECAUSE")),
                command(
                        "cancellation",
                        "missing reason",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.remove("reason")),
                command(
                        "cancellation",
                        "reason a number",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.put("reason", 1)),
                command(
                        "cancellation",
                        "note of 501 characters",
                        "cancellation",
                        cancellation,
                        "note",
                        b -> b.put("note", "n".repeat(501))),
                command("dispute", "missing text", "disputes", dispute, "text", b -> b.remove("text")),
                command("dispute", "blank text", "disputes", dispute, "text", b -> b.put("text", "   ")),
                command(
                        "dispute",
                        "text of 1001 characters",
                        "disputes",
                        dispute,
                        "text",
                        b -> b.put("text", "t".repeat(1001))),
                command(
                        "dispute",
                        "text an array",
                        "disputes",
                        dispute,
                        "text",
                        b -> b.putArray("text").add("x")));
    }

    static List<Row> debtorsAndOperators() {
        String search = "{\"cpr\":\"0101901234\",\"municipalityCode\":\"101\"}";
        String notification = "{\"municipalityCode\":\"101\"}";
        String bpmn =
                "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " targetNamespace=\"x\"><bpmn:process id=\"hostile\" isExecutable=\"true\">%s</bpmn:process></bpmn:definitions>";
        return List.of(
                json(
                        "debtor search",
                        "malformed CPR",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "cpr",
                        b -> b.put("cpr", "01019O1234")),
                json(
                        "debtor search",
                        "CPR with SQL",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "cpr",
                        b -> b.put("cpr", "1111111111' OR '1'='1")),
                json(
                        "debtor search",
                        "unknown municipality",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "999")),
                json(
                        "debtor search",
                        "municipality with markup",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "<b>101</b>")),
                json(
                        "debtor search",
                        "unknown field",
                        "fbs",
                        "/api/v1/debtors/search",
                        search,
                        "name",
                        b -> b.put("name", "Jens")),
                json(
                        "notification",
                        "unknown municipality",
                        "operator",
                        "/api/v1/debtor-systems/KMD_OPUS/notifications",
                        notification,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "999")),
                json(
                        "notification",
                        "municipality with SQL",
                        "operator",
                        "/api/v1/debtor-systems/KMD_OPUS/notifications",
                        notification,
                        "municipalityCode",
                        b -> b.put("municipalityCode", "1 OR 1=1")),
                raw(
                        "notification",
                        "unknown debtor system in the path",
                        "operator",
                        "/api/v1/debtor-systems/NO_SUCH_SYSTEM/notifications",
                        "application/json",
                        id -> notification,
                        400,
                        "debtorSystem"),
                raw(
                        "deployment",
                        "file name with a path",
                        "operator",
                        "/api/v1/operator/deployments?file=../../charge.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted(""),
                        400,
                        null),
                raw(
                        "deployment",
                        "BPMN with an external entity",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted("<bpmn:startEvent id=\"s\" name=\"&x;\"/>")
                                .replace(
                                        "<bpmn:definitions",
                                        "<!DOCTYPE d [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri()
                                                + "\">]><bpmn:definitions"),
                        400,
                        null),
                raw(
                        "deployment",
                        "DMN with entity expansion",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.dmn",
                        "application/octet-stream",
                        id -> "<?xml version=\"1.0\"?>" + LAUGHS
                                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&l9;\""
                                + " namespace=\"x\"/>",
                        400,
                        null),
                raw(
                        "deployment",
                        "not XML",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> "<bpmn:definitions",
                        400,
                        null),
                raw(
                        "deployment",
                        "BPMN with a script",
                        "operator",
                        "/api/v1/operator/deployments?file=hostile.bpmn",
                        "application/octet-stream",
                        id -> bpmn.formatted(
                                "<bpmn:startEvent id=\"s\"/><bpmn:scriptTask id=\"t\""
                                        + " scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"),
                        400,
                        null),
                raw(
                        "migration",
                        "missing processDefinitionKey",
                        "operator",
                        "/api/v1/operator/migrations",
                        "application/json",
                        id -> "{}",
                        400,
                        "processDefinitionKey"),
                raw(
                        "migration",
                        "an expression as processDefinitionKey",
                        "operator",
                        "/api/v1/operator/migrations",
                        "application/json",
                        id -> "{\"processDefinitionKey\":\"${7*7}\"}",
                        404,
                        null),
                raw(
                        "reconciliation",
                        "missing municipalityCode",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "unknown municipality",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"999\",\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "an expression as municipalityCode",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"${7*7}\",\"day\":\"2026-11-20\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "reconciliation",
                        "impossible day",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"101\",\"day\":\"2026-02-30\"}",
                        400,
                        "day"),
                raw(
                        "reconciliation",
                        "a day in the future",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"101\",\"day\":\"2999-01-01\"}",
                        400,
                        "day"),
                raw(
                        "reconciliation",
                        "a day before go-live",
                        "operator",
                        "/api/v1/reconciliations",
                        "application/json",
                        id -> "{\"municipalityCode\":\"561\",\"day\":\"2020-01-01\"}",
                        400,
                        "day"),
                raw(
                        "onboarding",
                        "missing municipalityCode",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "unknown municipality",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"999\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "an expression as municipalityCode",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"${7*7}\"}",
                        400,
                        "municipalityCode"),
                raw(
                        "onboarding",
                        "an unknown field",
                        "operator",
                        "/api/v1/onboardings",
                        "application/json",
                        id -> "{\"municipalityCode\":\"155\",\"wave\":5}",
                        400,
                        "wave"));
    }

    /** Requests to the simulated debtor systems; every operation that takes input, on every endpoint. */
    static List<Row> soapRequests() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">"
                + "<!ENTITY amt SYSTEM \"" + LEAK_AMOUNT.toUri() + "\">]>";
        String parameterEntity =
                "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY % p SYSTEM \"" + LEAK_TEXT.toUri() + "\"> %p;]>";
        String internalEntity = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY amt \"1.00\">]>";
        String laughs = "<?xml version=\"1.0\"?>" + LAUGHS;
        DebtorSystem kmd = DebtorSystem.KMD_OPUS;
        DebtorSystem p15 = DebtorSystem.PRISME_2015;
        DebtorSystem p09 = DebtorSystem.PRISME_2009;
        DebtorSystem eg = DebtorSystem.EG_OS_INDSIGT;
        return List.of(
                soap(kmd, "external entity in OpretFordring", f -> xxe + opret(f, "125.00", "&x;", "0101901234")),
                soap(
                        p15,
                        "external entity in HentFordring",
                        f -> xxe
                                + envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                        + "<t:FordringId>&x;</t:FordringId></t:HentFordringAnmodning>")),
                soap(
                        p09,
                        "external entity as the amount of RegistrerIndbetaling",
                        f -> xxe + indbetaling(f, "&amt;", "BIBLIOTEK")),
                soap(eg, "external entity as the amount of KrediterFordring", f -> xxe + krediter(f, "&amt;")),
                soap(kmd, "parameter entity (out-of-band XXE)", f -> parameterEntity + krediter(f, "1.00")),
                soap(p09, "internal entity as the amount", f -> internalEntity + indbetaling(f, "&amt;", "BIBLIOTEK")),
                soap(
                        kmd,
                        "entity expansion in HentFordring",
                        f -> laughs
                                + envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                        + "<t:FordringId>&l9;</t:FordringId></t:HentFordringAnmodning>")),
                soap(eg, "entity expansion in OpretFordring", f -> laughs + opret(f, "125.00", "&l9;", "0101901234")),
                soap(
                        p15,
                        "XInclude of a file",
                        f -> opret(
                                f,
                                "125.00",
                                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\"" + " href=\""
                                        + LEAK_TEXT.toUri() + "\" parse=\"text\"/>",
                                "0101901234")),
                soap(kmd, "not XML", f -> "<soapenv:Envelope"),
                soap(p15, "empty body", f -> ""),
                soap(p09, "not SOAP", f -> "{\"FordringId\":\"" + f.claimId() + "\"}"),
                soap(kmd, "three decimals", f -> opret(f, "12.345", "x", "0101901234")),
                soap(kmd, "negative amount", f -> opret(f, "-5.00", "x", "0101901234")),
                soap(kmd, "amount not a number", f -> opret(f, "mange", "x", "0101901234")),
                soap(
                        kmd,
                        "expressions as reference and amount",
                        f -> opret(f, "#{1+1}", "x", "0101901234")
                                .replaceFirst("<t:IdempotensReference>[^<]*<", "<t:IdempotensReference>\\${1+1}<")),
                soap(
                        kmd,
                        "unknown municipality",
                        f -> opret(f, "125.00", "x", "0101901234")
                                .replace("<t:Kommunekode>101<", "<t:Kommunekode>999<")),
                soap(p15, "amount of 14 digits", f -> opret(f, "12345678901234.00", "x", "0101901234")),
                soap(p15, "zero amount", f -> opret(f, "0.00", "x", "0101901234")),
                soap(p15, "description of 200 kB", f -> opret(f, "125.00", "x".repeat(200_000), "0101901234")),
                soap(p09, "malformed CPR", f -> opret(f, "125.00", "x", "01019O1234")),
                soap(
                        eg,
                        "impossible date",
                        f -> opret(f, "125.00", "x", "0101901234").replace("2026-11-20", "2026-02-30")),
                soap(
                        p15,
                        "CPR with SQL in SoegDebitorFordringer",
                        f -> envelope(
                                "<t:SoegDebitorFordringerAnmodning>" + kontekst(f)
                                        + "<t:CprNummer>1111111111' OR '1'='1</t:CprNummer></t:SoegDebitorFordringerAnmodning>")),
                soap(
                        p09,
                        "claim id with SQL in HentFordring",
                        f -> envelope("<t:HentFordringAnmodning>" + kontekst(f)
                                + "<t:FordringId>x' OR '1'='1</t:FordringId></t:HentFordringAnmodning>")),
                soap(p09, "zero payment", f -> indbetaling(f, "0.00", "BIBLIOTEK")),
                soap(eg, "unknown place of payment", f -> indbetaling(f, "1.00", "KONTANT")),
                soap(kmd, "negative credit", f -> krediter(f, "-5.00")),
                soap(eg, "credit larger than the balance", f -> krediter(f, "125.01")),
                soap(
                        p15,
                        "write-off of another municipality's claim",
                        f -> envelope("<t:AfskrivFordringAnmodning>"
                                + kontekst(f).replace(">" + f.municipality() + "<", ">101<") + "<t:FordringId>"
                                + f.claimId()
                                + "</t:FordringId><t:Aarsag>x</t:Aarsag></t:AfskrivFordringAnmodning>")),
                soap(kmd, "reminder number 0", f -> rykker(f, "0", "100.00", "2026-12-31")),
                soap(p09, "reminder number beyond int", f -> rykker(f, "99999999999999999999", "100.00", "2026-12-31")),
                soap(eg, "negative reminder fee", f -> rykker(f, "1", "-100.00", "2026-12-31")),
                soap(p15, "impossible new last day to pay", f -> rykker(f, "1", "100.00", "2026-02-30")),
                soap(
                        kmd,
                        "impossible limitation date",
                        f -> envelope(
                                "<t:OverdragTilInddrivelseAnmodning>" + kontekst(f)
                                        + "<t:FordringId>" + f.claimId()
                                        + "</t:FordringId><t:PsrmFordringstype>GEBYR</t:PsrmFordringstype>"
                                        + "<t:Foraeldelsesdato>2029-13-01</t:Foraeldelsesdato></t:OverdragTilInddrivelseAnmodning>")),
                soap(
                        eg,
                        "sequence number with SQL",
                        f -> envelope(
                                "<t:HentHaendelserAnmodning>" + kontekst(f)
                                        + "<t:EfterLoebenummer>0 OR 1=1</t:EfterLoebenummer><t:MaksAntal>10</t:MaksAntal></t:HentHaendelserAnmodning>")),
                soap(
                        p09,
                        "batch size beyond int",
                        f -> envelope(
                                "<t:HentHaendelserAnmodning>" + kontekst(f)
                                        + "<t:EfterLoebenummer>0</t:EfterLoebenummer><t:MaksAntal>99999999999</t:MaksAntal></t:HentHaendelserAnmodning>")),
                soap(
                        kmd,
                        "impossible reconciliation date",
                        f -> envelope("<t:HentAfstemningAnmodning>" + kontekst(f)
                                + "<t:Dato>2026-13-01</t:Dato></t:HentAfstemningAnmodning>")));
    }

    /** A debtor system answers our OpretFordring; our client must refuse the answer and the job end in an incident. */
    static List<Row> debtorSystemAnswers() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">]>";
        return List.of(
                hostileAnswer(
                        "external entity as the claim id", id -> doctype + answer(id, "&x;", "125.00", "125.00", "x")),
                hostileAnswer(
                        "parameter entity (out-of-band XXE)",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY % p SYSTEM \"" + LEAK_TEXT.toUri()
                                + "\"> %p;]>" + answer(id, "EG-173-AAAA0001", "125.00", "125.00", "x")),
                hostileAnswer(
                        "internal entity as the balance",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY s \"125.00\">]>"
                                + answer(id, "EG-173-AAAA0002", "125.00", "&s;", "x")),
                hostileAnswer(
                        "entity expansion",
                        id -> "<?xml version=\"1.0\"?>" + LAUGHS
                                + answer(id, "EG-173-AAAA0003", "125.00", "125.00", "&l9;")),
                hostileAnswer(
                        "malformed XML",
                        id -> answer(id, "EG-173-AAAA0004", "125.00", "125.00", "x")
                                .substring(0, 300)),
                hostileAnswer(
                        "an HTML page instead of SOAP", id -> "<html><body><h1>Vedligeholdelse</h1></body></html>"),
                hostileAnswer(
                        "a principal ten times ours", id -> answer(id, "EG-173-AAAA0005", "1250.00", "1250.00", "x")),
                hostileAnswer("a negative principal", id -> answer(id, "EG-173-AAAA0006", "-125.00", "-125.00", "x")),
                hostileAnswer("an over-precise balance", id -> answer(id, "EG-173-AAAA0007", "125.00", "125.001", "x")),
                hostileAnswer(
                        "the claim of another charge",
                        id -> answer("OTHER-CHARGE-1", "EG-173-AAAA0008", "125.00", "125.00", "x")));
    }

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

    private static Row charge(String name, String field, Consumer<ObjectNode> change) {
        return new Row("charge", name, t -> {
            String id = "HOSTILE-" + UUID.randomUUID();
            ObjectNode body = (ObjectNode) FbsClient.read(TestCharges.json(id, "561"));
            change.accept(body);
            t.refused("fbs", "/api/v1/charges", "application/json", body.toString(), 400, field);
        });
    }

    /** A command on the invoiced KMD Opus fixture charge. */
    private static Row command(
            String kind, String name, String path, String valid, String field, Consumer<ObjectNode> change) {
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

    private static Row json(
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

    private static Row raw(
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

    private static Row soap(DebtorSystem system, String name, Function<Fixture, String> body) {
        return new Row("SOAP " + system.slug(), name, t -> t.soapFault(system, body.apply(t.fixtures.get(system))));
    }

    private static Row hostileAnswer(String name, Function<String, String> answer) {
        return new Row("answer from " + FAKED.slug(), name, t -> t.answerRefused(answer));
    }

    // ================================================================ checks

    /** A refused request: its status, problem details naming the field, no internals, nothing changed. */
    private void refused(String user, String path, String contentType, String body, int status, String field) {
        refused(() -> call(user, "POST", path, contentType, body), status, field);
    }

    private void refused(java.util.function.Supplier<Response> request, int status, String field) {
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
    private void soapFault(DebtorSystem system, String body) {
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
    private void answerRefused(Function<String, String> answer) {
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
    private void storedVerbatim(String municipality, Map<String, String> texts, Map<String, String> debtorTexts) {
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

    private void disputeVerbatim(String text) {
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

    private void cancellationVerbatim(String note) {
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

    private static void soapVerbatim(HostileInputTest t) {
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

    private static void assertNoInternals(String body) {
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

    private Snapshot snapshot() {
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
    private String everything() {
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

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> FbsClient.read(call("fbs", "GET", "/api/v1/charges/" + id, "application/json", "").body),
                        charge -> status.equals(charge.path("status").asText()));
    }

    private String invoicedCharge(String municipality) {
        String id = "VERBATIM-" + UUID.randomUUID();
        assertThat(call("fbs", "POST", "/api/v1/charges", "application/json", TestCharges.json(id, municipality))
                        .status)
                .isEqualTo(202);
        awaitStatus(id, "INVOICED");
        settled(id);
        return id;
    }

    /** Every event the debtor system published for the charge has reached us: nothing more will change it. */
    private void settled(String id) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from sim_event where fbs_charge_id = ?", Long.class, id)
                        .equals(jdbc.queryForObject(
                                "select count(*) from debtor_event where fbs_charge_id = ?", Long.class, id)));
    }

    private String processInstanceId(String businessKey) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ChargeProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        return instance == null ? "none" : instance.getId();
    }

    private static ObjectNode debtor(ObjectNode body) {
        return (ObjectNode) body.get("debtor");
    }

    private static String column(String field) {
        return switch (field) {
            case "materialId" -> "MATERIAL_ID";
            default -> field.toUpperCase();
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path leakFile(String content) {
        try {
            Path file = Files.createTempFile("hostile-leak", ".txt");
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------- SOAP bodies

    /** Nine levels of ten: a billion "lol"s if a parser expanded them. */
    private static final String LAUGHS = "<!DOCTYPE e [<!ENTITY l0 \"lol\">"
            + java.util.stream.IntStream.rangeClosed(1, 9)
                    .mapToObj(i -> "<!ENTITY l" + i + " \"" + ("&l" + (i - 1) + ";").repeat(10) + "\">")
                    .collect(Collectors.joining())
            + "]>";

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:t=\"urn:fbs-oir:debitor:1\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String kontekst(Fixture f) {
        return "<t:Kontekst><t:Kommunekode>" + f.municipality() + "</t:Kommunekode><t:IdempotensReference>hostile/"
                + UUID.randomUUID() + "</t:IdempotensReference></t:Kontekst>";
    }

    private static String opret(Fixture f, String amount, String description, String cpr) {
        return opret(f, "HOSTILE-" + UUID.randomUUID(), amount, description, cpr, "X");
    }

    private static String opret(
            Fixture f, String fbsChargeId, String amount, String description, String cpr, String name) {
        return envelope("<t:OpretFordringAnmodning>" + kontekst(f) + "<t:FagsystemFordringId>" + fbsChargeId
                + "</t:FagsystemFordringId><t:Debitor><t:CprNummer>" + cpr + "</t:CprNummer><t:Navn>" + name
                + "</t:Navn>"
                + "</t:Debitor><t:Fordringsart>GEBYR</t:Fordringsart><t:Hovedstol>" + amount
                + "</t:Hovedstol><t:Beskrivelse>"
                + description
                + "</t:Beskrivelse><t:Stiftelsesdato>2026-11-20</t:Stiftelsesdato></t:OpretFordringAnmodning>");
    }

    private static String indbetaling(Fixture f, String amount, String place) {
        return envelope("<t:RegistrerIndbetalingAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId()
                + "</t:FordringId><t:Beloeb>" + amount + "</t:Beloeb><t:Betalingsdato>2026-11-20</t:Betalingsdato>"
                + "<t:Betalingssted>" + place + "</t:Betalingssted></t:RegistrerIndbetalingAnmodning>");
    }

    private static String krediter(Fixture f, String amount) {
        return envelope("<t:KrediterFordringAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId()
                + "</t:FordringId><t:Beloeb>" + amount
                + "</t:Beloeb><t:Aarsag>x</t:Aarsag></t:KrediterFordringAnmodning>");
    }

    private static String rykker(Fixture f, String number, String fee, String lastPayDate) {
        return envelope("<t:SendRykkerAnmodning>" + kontekst(f) + "<t:FordringId>" + f.claimId() + "</t:FordringId>"
                + "<t:RykkerNummer>" + number + "</t:RykkerNummer><t:Rykkergebyr>" + fee + "</t:Rykkergebyr>"
                + "<t:NySidsteBetalingsdag>" + lastPayDate + "</t:NySidsteBetalingsdag></t:SendRykkerAnmodning>");
    }

    /** A debtor system's answer to OpretFordring, as the WSDL describes it. */
    private static String answer(String fbsChargeId, String claimId, String principal, String balance, String text) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<t:OpretFordringSvar xmlns:t=\"urn:fbs-oir:debitor:1\"><t:Fordring><t:FordringId>" + claimId
                + "</t:FordringId><t:FagsystemFordringId>" + fbsChargeId + "</t:FagsystemFordringId><t:Kommunekode>"
                + FAKED_MUNICIPALITY + "</t:Kommunekode><t:Fordringsart>GEBYR</t:Fordringsart><t:Hovedstol>" + principal
                + "</t:Hovedstol><t:Saldo>" + balance + "</t:Saldo><t:Tilstand>REGISTRERET</t:Tilstand><t:Beskrivelse>"
                + text
                + "</t:Beskrivelse><t:Stiftelsesdato>2026-11-20</t:Stiftelsesdato><t:AntalRykkere>0</t:AntalRykkere>"
                + "<t:SenestAendret>2026-11-20T10:00:00Z</t:SenestAendret></t:Fordring></t:OpretFordringSvar>"
                + "</soap:Body></soap:Envelope>";
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
