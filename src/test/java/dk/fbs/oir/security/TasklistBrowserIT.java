package dk.fbs.oir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.MutableClock;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.charge.ChargeLedger;
import dk.fbs.oir.charge.ChargeService;
import dk.fbs.oir.charge.ChargeStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An Esbjerg caseworker in Tasklist, in a real browser: headless Chromium (Debian's package)
 * driven by {@code src/test/browser/tasklist.mjs} with playwright-core. The caseworker logs in,
 * sees only Esbjerg's dispute in the filter "Indsigelser" (not København's, neither in the list nor by
 * its link), decides "Behandl indsigelse" in its Camunda Form ("Annullér gebyret"), and the charge
 * is cancelled in our ledger and its claim credited; once with Danish as the browser's language, once with English. Screenshots:
 * {@code target/browser/<locale>/tasklist-list.png}, {@code tasklist.png} (before completing) and
 * {@code tasklist-completed.png}; the Danish list and form also as docs/tasklist-list.png and
 * docs/tasklist-form.png.
 *
 * <p>Needs {@code /usr/bin/chromium}, {@code node} and {@code src/test/browser/node_modules};
 * {@code .ci/run} installs them. Without them the test fails and says so; it never skips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "demo", "test"}) // test last: its API clients win
@Import(MutableClock.Registration.class)
class TasklistBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(TasklistBrowserIT.class);

    private static final Path BASEDIR = Path.of(System.getProperty("user.dir"));
    private static final Path BROWSER_TESTS = BASEDIR.resolve("src/test/browser");
    private static final Path SCRIPT = BROWSER_TESTS.resolve("tasklist.mjs");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = BASEDIR.resolve("target/browser");
    private static final Path DOCS = BASEDIR.resolve("docs");
    private static final String INSTALL_HINT = "run .ci/run, or install by hand: apt-get install -y chromium && "
            + "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix src/test/browser";
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(3);

    private static final String DISPUTE_TASK = "Behandl indsigelse";
    /** The decision in forms/handle-dispute.form. */
    private static final String CANCEL_LABEL = "Annullér gebyret";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ChargeService charges;

    @Autowired
    ChargeLedger ledger;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    MutableClock clock;

    /** Before the application starts: a missing browser is a failure that says what to install. */
    @BeforeAll
    static void browserInstalled() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": " + INSTALL_HINT);
        }
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            fail("No " + BROWSER_TESTS.resolve("node_modules/playwright-core") + ": " + INSTALL_HINT);
        }
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                fail("node --version failed: " + version);
            }
            log.info("Browser test with node {} and {}", version, CHROMIUM);
        } catch (IOException e) {
            fail("No node on the PATH (apt-get install -y nodejs npm): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Danish, the caseworkers' language, and English (the fallback) for a browser in another
     * language: Tasklist's own texts in that language, our forms always Danish. The Danish run's
     * screenshots of the list and of the form go to docs/ for the README.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "da-DK; Log ind; Tag opgaven|Sæt opfølgningsdato|Historik",
                "en-US; Log in; Claim|Set follow-up date|History"
            })
    void anEsbjergCaseworkerDecidesADisputeInTasklist(String locale, String loginText, String taskTexts)
            throws Exception {
        String esbjerg = disputed("561");
        Task dispute = awaitTask(esbjerg);
        assertThat(dispute.getName()).isEqualTo(DISPUTE_TASK);
        assertThat(dispute.getTenantId()).isEqualTo("561");
        assertThat(dispute.getAssignee()).isNull();
        assertThat(dispute.getDueDate()).as("dmn/task-due-dates.dmn").isNotNull();
        assertThat(candidateGroups(dispute)).containsExactly("sagsbehandler-561");

        String copenhagen = disputed("101");
        Task theirs = awaitTask(copenhagen);
        assertThat(theirs.getTenantId()).isEqualTo("101");
        assertThat(candidateGroups(theirs)).containsExactly("sagsbehandler-101");

        // the filter "Indsigelser" lists exactly one "Behandl indsigelse": Esbjerg's, not København's
        runBrowser(List.of(
                "http://localhost:" + port,
                "--user",
                "sb-esbjerg",
                "--password",
                "demo",
                "--filter",
                "Indsigelser",
                "--task",
                DISPUTE_TASK,
                "--expect",
                DISPUTE_TASK,
                "--tenant",
                "561",
                "--forbid-task-id",
                theirs.getId(),
                "--label",
                CANCEL_LABEL,
                "--locale",
                locale,
                "--login-text",
                loginText,
                "--task-text",
                taskTexts.split("\\|")[0],
                "--task-text",
                taskTexts.split("\\|")[1],
                "--task-text",
                taskTexts.split("\\|")[2],
                "--out",
                SCREENSHOTS.resolve(locale).toString()));

        // decided by the caseworker in the browser: the charge is cancelled in our ledger and the claim credited
        assertThat(taskService.createTaskQuery().taskId(dispute.getId()).count())
                .isZero();
        HistoricTaskInstance done = historyService
                .createHistoricTaskInstanceQuery()
                .taskId(dispute.getId())
                .singleResult();
        assertThat(done.getAssignee()).isEqualTo("sb-esbjerg");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(dispute.getProcessInstanceId())
                        .variableName("disputeDecision")
                        .singleResult()
                        .getValue())
                .isEqualTo("CANCEL");
        JsonNode charge = awaitStatus(esbjerg, ChargeStatus.CANCELLED);
        assertThat(ledger.get(esbjerg).status()).isEqualTo(ChargeStatus.CANCELLED);
        assertThat(ledger.timeline(esbjerg)).extracting(e -> e.text()).contains("Annulleret af sagsbehandler");
        assertThat(charge.get("timeline").findValuesAsText("status")).contains("DISPUTED", "CANCELLED");
        assertThat(claimState(esbjerg)).isEqualTo("KREDITERET");

        // København's dispute is untouched
        Task stillThere = taskService.createTaskQuery().taskId(theirs.getId()).singleResult();
        assertThat(stillThere).isNotNull();
        assertThat(stillThere.getAssignee()).isNull();
        assertThat(ledger.get(copenhagen).status()).isEqualTo(ChargeStatus.DISPUTED);

        assertThat(SCREENSHOTS.resolve(locale).resolve("tasklist.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve(locale).resolve("tasklist-completed.png"))
                .isNotEmptyFile();
        if (locale.startsWith("da")) {
            Files.copy(
                    SCREENSHOTS.resolve(locale).resolve("tasklist-list.png"),
                    DOCS.resolve("tasklist-list.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    SCREENSHOTS.resolve(locale).resolve("tasklist.png"),
                    DOCS.resolve("tasklist-form.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An invoiced charge of the municipality, disputed by the citizen through FBS. */
    private String disputed(String municipalityCode) {
        String id = "FBS-" + municipalityCode + "-" + UUID.randomUUID();
        charges.receive(TestCharges.charge(id, municipalityCode, TestCharges.CPR, LocalDate.of(2026, 11, 20)));
        awaitStatus(id, ChargeStatus.INVOICED);
        assertThat(new FbsClient(http)
                        .post("/api/v1/charges/" + id + "/disputes", Map.of("text", "Bogen blev afleveret til tiden"))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        awaitStatus(id, ChargeStatus.DISPUTED);
        return id;
    }

    // ------------------------------------------------------------------

    /** Runs the browser script from the Maven basedir, its output into the test log; exit code 0 or fail. */
    private void runBrowser(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(BASEDIR.toFile()).redirectErrorStream(true);
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        log.info("Running {}", String.join(" ", command));
        long started = System.nanoTime();
        Process browser = builder.start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            log.info("browser: {}", line);
                            synchronized (output) {
                                output.add(line);
                            }
                        }
                    } catch (IOException e) {
                        log.warn("browser output: {}", e.getMessage());
                    }
                },
                "tasklist-browser-output");
        reader.start();
        if (!browser.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            reader.join(5000);
            fail("The browser test did not finish within " + BROWSER_TIMEOUT + "; its output:\n" + joined(output));
        }
        reader.join(5000);
        log.info(
                "Browser test exited {} after {} s",
                browser.exitValue(),
                (System.nanoTime() - started) / 1_000_000_000);
        if (browser.exitValue() != 0) {
            fail("The browser test failed (exit " + browser.exitValue() + ", screenshots in " + SCREENSHOTS + "):\n"
                    + joined(output));
        }
    }

    private static String joined(List<String> output) {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private Task awaitTask(String id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(id)
                                .singleResult(),
                        t -> t != null);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** Waits for the status, as FBS reads it through the API. */
    private JsonNode awaitStatus(String id, ChargeStatus status) {
        return new FbsClient(http).awaitStatus(id, status.name());
    }

    private String claimState(String id) {
        return new FbsClient(http).claim(id).get("state").asText();
    }
}
