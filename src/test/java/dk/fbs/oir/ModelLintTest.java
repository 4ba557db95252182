package dk.fbs.oir;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in processes/, dmn/ and forms/ passes the model linters: bpmnlint with its recommended rules
 * and the Camunda 7.24 compatibility rules ({@code .bpmnlintrc}), dmnlint with its recommended
 * rules ({@code .dmnlintrc}), and Camunda Modeler's form linter (tools/modelcheck/formlint.mjs). The linters are the npm packages pinned in tools/modelcheck (install
 * them with {@code npm ci --prefix tools/modelcheck}); they run with the repository root as working
 * directory, so they read the rc files there.
 *
 * <p>A file fails on any problem the linter reports, errors and warnings alike: the message is
 * the linter's own table (element id, category, message, rule) under the file's name, followed by
 * how to fix each rule that fired. A rule that does not apply to this project is turned off in the
 * rc file, never ignored here.
 */
class ModelLintTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Path MODELCHECK = ROOT.resolve("tools/modelcheck");
    private static final Path NODE_MODULES = MODELCHECK.resolve("node_modules");
    private static final String INSTALL = "npm ci --prefix tools/modelcheck";
    private static final int MIN_NODE_MAJOR = 20; // bpmnlint 11 and bpmnlint-plugin-camunda-compat 2 need Node.js >= 20
    private static final long TIMEOUT_SECONDS = 120;

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    /** A row of the linters' table: "  Element_Id  error  Message  rule". */
    private static final Pattern ROW = Pattern.compile("^\\s*(\\S*)\\s+(error|warning|warn|info)\\s+(.*?)\\s*$");

    private static final Pattern RULE = Pattern.compile("\\s{2,}((?:[\\w-]+/)?[a-z][\\w-]*)$");

    /** How to fix what a rule reports, in words for whoever edits the model in Camunda Modeler. */
    private static final Map<String, String> FIX = Map.ofEntries(
            Map.entry("label-required", "give the element a (Danish) name"),
            Map.entry(
                    "no-bpmndi",
                    "the element has no shape or edge in the diagram: draw it in Camunda Modeler (or delete the element)"),
            Map.entry(
                    "no-overlapping-elements",
                    "move the element's shape in the diagram so that it no longer overlaps another one (layout only)"),
            Map.entry(
                    "fake-join",
                    "let the incoming flows meet in an exclusive (merge) gateway and connect that gateway to the element"),
            Map.entry("no-implicit-split", "split with a gateway instead of several unconditional outgoing flows"),
            Map.entry("no-implicit-end", "end the path with an end event"),
            Map.entry("no-implicit-start", "start the path with a start event"),
            Map.entry("end-event-required", "add an end event"),
            Map.entry("start-event-required", "add a start event"),
            Map.entry("no-disconnected", "connect the element with sequence flows, or delete it"),
            Map.entry(
                    "conditional-flows", "give every outgoing flow a condition, or make one of them the default flow"),
            Map.entry("no-gateway-join-fork", "use one gateway to join and a second one to fork"),
            Map.entry("superfluous-gateway", "remove the gateway: it has one incoming and one outgoing flow"),
            Map.entry("superfluous-termination", "use a plain end event: a terminate end event is not needed here"),
            Map.entry("superfluous-label", "remove the label"),
            Map.entry("no-duplicate-sequence-flows", "delete the duplicate sequence flow"),
            Map.entry(
                    "no-complex-gateway",
                    "replace the complex gateway (not supported) with exclusive/parallel gateways"),
            Map.entry("no-inclusive-gateway", "replace the inclusive gateway with exclusive/parallel gateways"),
            Map.entry("single-blank-start-event", "keep only one start event without an event definition"),
            Map.entry("single-event-definition", "give the event only one event definition"),
            Map.entry(
                    "sub-process-blank-start-event",
                    "start the sub-process with a start event without an event definition"),
            Map.entry(
                    "event-sub-process-typed-start-event",
                    "give the event sub-process's start event a type (message, timer, error, …)"),
            Map.entry(
                    "event-based-gateway",
                    "let the event-based gateway lead only to catching events or receive tasks, each with one incoming flow"),
            Map.entry("link-event", "pair every link throw event with a link catch event of the same name"),
            Map.entry(
                    "global", "give the global element (message, error, signal, escalation) a unique name and use it"),
            Map.entry(
                    "ad-hoc-sub-process", "an ad-hoc sub-process may contain only activities, no start or end events"),
            Map.entry(
                    "camunda-compat/history-time-to-live",
                    "set 'History time to live' on the process (camunda:historyTimeToLive, e.g. P1830D)"),
            Map.entry("no-duplicate-requirements", "delete the duplicate information/knowledge requirement"));

    private static final String DOCS_BPMNLINT = "https://github.com/bpmn-io/bpmnlint/blob/main/docs/rules/";
    private static final String DOCS_CAMUNDA_COMPAT = "https://github.com/camunda/bpmnlint-plugin-camunda-compat";
    private static final String DOCS_DMNLINT = "https://github.com/bpmn-io/dmnlint/tree/master/docs/rules";

    static Stream<Path> models() throws IOException {
        return Stream.of(files("processes", ".bpmn"), files("dmn", ".dmn"), files("forms", ".form"))
                .flatMap(s -> s);
    }

    @BeforeAll
    static void lintersAreInstalled() throws IOException {
        String node = nodeVersion();
        if (node == null) {
            fail("Node.js is not on the PATH: install Node.js " + MIN_NODE_MAJOR + " or newer, then run `" + INSTALL
                    + "` in the repository root");
        }
        Matcher major = Pattern.compile("v?(\\d+)").matcher(node);
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) < MIN_NODE_MAJOR) {
            fail("Node.js " + node + " is too old for the model linters: install Node.js " + MIN_NODE_MAJOR
                    + " or newer");
        }
        for (String bin : List.of("bpmnlint", "dmnlint")) {
            if (!Files.exists(NODE_MODULES.resolve(".bin").resolve(bin))) {
                fail("The model linters are not installed (no "
                        + ROOT.relativize(NODE_MODULES.resolve(".bin").resolve(bin)) + "): run `" + INSTALL
                        + "` in the repository root");
            }
        }
        // an install older than package.json (someone upgraded a linter): same remedy
        ObjectMapper json = new ObjectMapper();
        JsonNode pinned =
                json.readTree(MODELCHECK.resolve("package.json").toFile()).path("dependencies");
        for (Map.Entry<String, JsonNode> dependency : pinned.properties()) {
            Path installed = NODE_MODULES.resolve(dependency.getKey()).resolve("package.json");
            String version = Files.exists(installed)
                    ? json.readTree(installed.toFile()).path("version").asText()
                    : "none";
            if (!version.equals(dependency.getValue().asText())) {
                fail("tools/modelcheck/node_modules has " + dependency.getKey() + " " + version + ", package.json pins "
                        + dependency.getValue().asText() + ": run `" + INSTALL + "` in the repository root");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void passesTheLinter(Path model) throws Exception {
        boolean bpmn = model.toString().endsWith(".bpmn");
        if (model.toString().endsWith(".form")) {
            lintForm(model);
            return;
        }
        String linter = bpmn ? "bpmnlint" : "dmnlint";
        List<String> command = new ArrayList<>(
                List.of("node", NODE_MODULES.resolve(".bin").resolve(linter).toString()));
        if (bpmn) {
            command.add("--max-warnings=0");
        }
        command.add(model.toString()); // relative to the repository root, e.g. processes/charge.bpmn

        Run run = run(command, linter, model);
        if (run.exitCode() != 0 || run.problems()) {
            fail(linter + " (" + (bpmn ? ".bpmnlintrc" : ".dmnlintrc") + ") rejects " + model + " (exit code "
                    + run.exitCode() + "):\n\n" + run.output() + "\n\n" + howToFix(run.output(), bpmn));
        }
    }

    /**
     * A Camunda Form passes @camunda/form-linting (Camunda Modeler's form linter) as tools/modelcheck/formlint.mjs
     * runs it: errors and warnings alike.
     */
    private static void lintForm(Path form) throws Exception {
        Run run =
                run(List.of("node", MODELCHECK.resolve("formlint.mjs").toString(), form.toString()), "formlint", form);
        if (run.exitCode() != 0 || run.problems()) {
            fail("The form linter rejects " + form + " (exit code " + run.exitCode() + "):\n\n" + run.output()
                    + "\n\nHow to fix: open the form in Camunda Modeler, which shows the same problems on the named"
                    + " fields (first column: the field id); keep field keys unchanged, the processes and TaskInputCheck use"
                    + " them. Read-only, not disabled, for facts; executionPlatformVersion 7.24.0.");
        }
    }

    private record Run(int exitCode, String output, boolean problems) {}

    private static Run run(List<String> command, String linter, Path model) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        // the linters load plugins and moddle extensions named in the rc files from the working
        // directory (the repository root): point Node's module resolution at tools/modelcheck
        builder.environment().put("NODE_PATH", NODE_MODULES.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(linter + " did not finish " + model + " within " + TIMEOUT_SECONDS + " s");
        }
        String out =
                ANSI.matcher(output.get(10, TimeUnit.SECONDS)).replaceAll("").strip();
        // the linters' summary line: "✖ 1 problem (0 errors, 1 warning)"
        return new Run(process.exitValue(), out, out.contains("✖"));
    }

    /** One line per rule that fired: what to do, and where the rule is documented. */
    static String howToFix(String output, boolean bpmn) {
        Set<String> rules = new LinkedHashSet<>();
        boolean importProblem = false;
        for (String line : output.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Matcher rule = RULE.matcher(row.group(3));
            if (row.group(3).startsWith("Import warning") || row.group(3).startsWith("Parse error")) {
                importProblem = true;
            } else if (rule.find()) {
                rules.add(rule.group(1));
            }
        }
        StringBuilder fix = new StringBuilder("How to fix (first column: the element id; last column: the rule):\n");
        if (importProblem) {
            fix.append("- Parse error / Import warning: the XML is broken, or has an element or attribute that ")
                    .append(bpmn ? "BPMN and Camunda 7 do" : "DMN does")
                    .append(
                            " not know (often a typo, e.g. camunda:asyncBefor), or refers to an id that does not exist:")
                    .append(" correct it in the XML, or open and save the file in Camunda Modeler\n");
        }
        for (String rule : rules) {
            fix.append("- ")
                    .append(rule)
                    .append(": ")
                    .append(FIX.getOrDefault(rule, "see the rule's documentation"))
                    .append(" (")
                    .append(docs(rule, bpmn))
                    .append(")\n");
        }
        if (!importProblem && rules.isEmpty()) {
            fix.append("- the linter did not run: read its message above (rc file, plugin or Node.js problem; `"
                    + INSTALL + "` reinstalls the linters)\n");
        }
        return fix.append(
                        "Keep element ids, message/error names, variables and expressions unchanged: code and tests use them.")
                .append(" A rule that cannot apply to this project is turned off in ")
                .append(bpmn ? ".bpmnlintrc" : ".dmnlintrc")
                .append(", with the reason, not worked around.")
                .toString();
    }

    private static String docs(String rule, boolean bpmn) {
        if (!bpmn) {
            return DOCS_DMNLINT;
        }
        return rule.startsWith("camunda-compat/") ? DOCS_CAMUNDA_COMPAT : DOCS_BPMNLINT + rule + ".md";
    }

    private static String nodeVersion() {
        try {
            Process process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String version = read(process.getInputStream()).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? version : null;
        } catch (IOException e) {
            return null; // not on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> files(String dir, String suffix) throws IOException {
        Path folder = Path.of(dir);
        if (!Files.isDirectory(ROOT.resolve(folder))) {
            fail("No folder " + dir + "/ in " + ROOT + ": run the tests from the repository root");
        }
        try (Stream<Path> list = Files.list(ROOT.resolve(folder))) {
            return list
                    .filter(p -> p.toString().endsWith(suffix))
                    .map(p -> folder.resolve(p.getFileName()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }
}
