package dk.fbs.oir.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routing DMN (dmn/debtor-routing.dmn) against the municipality register (routing/municipalities.csv)
 * and the published rollout dates, on the standalone DMN engine with Camunda 7's FEEL (feel-scala).
 */
class DebtorRoutingDmnTest {

    private static final String DMN_RESOURCE = "dmn/debtor-routing.dmn";
    private static final String CSV_RESOURCE = "routing/municipalities.csv";
    private static final String REGISTER = "municipality-register";
    private static final String ROUTING = "debtor-routing";
    private static final String FBS_INTERNAL = "FBS_INTERNAL";

    /** Published go-live date per wave (DOMAIN.md, "Rollout: waves"); wave 0 is København. */
    private static final Map<Integer, LocalDate> GO_LIVE = Map.of(
            0, LocalDate.of(2021, 12, 1),
            1, LocalDate.of(2022, 4, 14),
            2, LocalDate.of(2022, 6, 1),
            3, LocalDate.of(2022, 9, 1),
            4, LocalDate.of(2022, 11, 1));

    /** Public table of debtor systems: number of municipalities per system. */
    private static final Map<String, Long> MUNICIPALITIES_PER_SYSTEM =
            Map.of("KMD_OPUS", 64L, "PRISME_2015", 10L, "PRISME_2009", 13L, "EG_OS_INDSIGT", 11L);

    private static final RuleRecorder RULES = new RuleRecorder();
    private static DmnEngine engine;
    private static DmnModelInstance model;
    private static Map<String, DmnDecision> decisions;
    private static List<Municipality> municipalities;

    record Municipality(String code, String name, String debtorSystem, Integer wave) {
        boolean enrolled() {
            return wave != null;
        }

        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    /** One evaluation of debtor-routing: its result and the ids of the rules it matched in both tables. */
    record Routing(DmnDecisionResult result, List<String> matchedRuleIds) {
        String route() {
            return result.getSingleEntry();
        }
    }

    @BeforeAll
    static void loadDmnAndRegister() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
        try (InputStream dmn = resource(DMN_RESOURCE)) {
            model = Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decisions = new HashMap<>();
        engine.parseDecisions(model).forEach(d -> decisions.put(d.getKey(), d));
        municipalities = readMunicipalities();
    }

    // ---------------------------------------------------------------- register

    @ParameterizedTest(name = "{0}")
    @MethodSource("allMunicipalities")
    void registerHasTheCsvRowForEveryCode(Municipality m) {
        assertThat(register(m.code())) // the CVR columns: MunicipalityCvrDmnTest
                .contains(
                        entry("municipalityName", m.name()),
                        entry("debtorSystem", m.debtorSystem()),
                        entry("wave", m.wave()));
    }

    @Test
    void registerHoldsExactlyTheCsvCodesWithThePublishedCountsPerDebtorSystem() {
        List<String> registerCodes = rulesOf(REGISTER).stream()
                .map(rule -> rule.getInputEntries()
                        .iterator()
                        .next()
                        .getTextContent()
                        .replace("\"", ""))
                .toList();

        assertThat(municipalities).hasSize(98);
        assertThat(registerCodes)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        municipalities.stream().map(Municipality::code).toList());
        assertThat(registerCodes.stream()
                        .collect(groupingBy(code -> (String) register(code).get("debtorSystem"), counting())))
                .isEqualTo(MUNICIPALITIES_PER_SYSTEM);
    }

    // ---------------------------------------------------------------- routing

    @ParameterizedTest(name = "{0}")
    @MethodSource("enrolledMunicipalities")
    void enrolledMunicipalityRoutesToItsDebtorSystemFromItsWavesGoLiveDate(Municipality m) {
        LocalDate goLive = GO_LIVE.get(m.wave());

        assertThat(route(m.code(), goLive.minusDays(1)).route()).isEqualTo(FBS_INTERNAL);
        assertThat(route(m.code(), goLive).route()).isEqualTo(m.debtorSystem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEnrolledMunicipalities")
    void notEnrolledMunicipalityStaysInFbs(Municipality m) {
        assertThat(route(m.code(), LocalDate.now()).route()).isEqualTo(FBS_INTERNAL);
    }

    @Test
    void copenhagenGoesLiveOnFirstDecember2021() {
        assertThat(route("101", LocalDate.of(2021, 11, 30)).route()).isEqualTo(FBS_INTERNAL);
        assertThat(route("101", LocalDate.of(2021, 12, 1)).route()).isEqualTo("KMD_OPUS");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"999", "56", "0561", "561 ", "5610", "abc", "KK"})
    void unknownOrMalformedCodeMatchesNoRule(String code) {
        Routing routing = route(code, LocalDate.now());

        assertThat(routing.result()).isEmpty();
        assertThat(routing.matchedRuleIds()).isEmpty();
    }

    @Test
    void missingChargeDateMatchesNoRuleForAnEnrolledMunicipality() {
        assertThat(route("561", null).result()).isEmpty();
    }

    @Test
    void everyRuleOfBothTablesIsHit() {
        Set<String> hit = new HashSet<>();
        for (Municipality m : municipalities) {
            LocalDate day = m.enrolled() ? GO_LIVE.get(m.wave()) : LocalDate.now();
            hit.addAll(route(m.code(), day).matchedRuleIds());
            hit.addAll(route(m.code(), day.minusDays(1)).matchedRuleIds());
        }

        assertThat(hit)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(rulesOf(REGISTER).stream(), rulesOf(ROUTING).stream())
                                .map(Rule::getId)
                                .toList());
    }

    @Test
    void eachGoLiveDateIsWrittenExactlyOnceInTheDmn() throws IOException {
        String dmn;
        try (InputStream in = resource(DMN_RESOURCE)) {
            dmn = new String(in.readAllBytes(), UTF_8);
        }
        GO_LIVE.values()
                .forEach(day -> assertThat(dmn.split(day.toString(), -1))
                        .as("occurrences of %s", day)
                        .hasSize(2));
    }

    // ---------------------------------------------------------------- helpers

    private static DmnDecisionResultEntries register(String code) {
        return engine.evaluateDecision(decisions.get(REGISTER), Map.of("municipalityCode", code))
                .getSingleResult();
    }

    private static Routing route(String code, LocalDate chargeDate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("municipalityCode", code);
        variables.put("chargeDate", chargeDate == null ? null : chargeDate.toString());
        RULES.clear();
        DmnDecisionResult result = engine.evaluateDecision(decisions.get(ROUTING), variables);
        return new Routing(result, RULES.matchedRuleIds());
    }

    private static List<Rule> rulesOf(String decisionId) {
        Decision decision = model.getModelElementById(decisionId);
        return List.copyOf(((DecisionTable) decision.getExpression()).getRules());
    }

    static Stream<Municipality> allMunicipalities() {
        return municipalities.stream();
    }

    static Stream<Municipality> enrolledMunicipalities() {
        return municipalities.stream().filter(Municipality::enrolled);
    }

    static Stream<Municipality> notEnrolledMunicipalities() {
        return municipalities.stream().filter(m -> !m.enrolled());
    }

    private static List<Municipality> readMunicipalities() {
        try (InputStream in = resource(CSV_RESOURCE)) {
            return new String(in.readAllBytes(), UTF_8)
                    .lines()
                    .skip(1) // kommunekode;kommune;debitorsystem;boelge
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(";", -1))
                    .map(f -> new Municipality(f[0], f[1], f[2], f[3].isEmpty() ? null : Integer.valueOf(f[3])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DebtorRoutingDmnTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("classpath resource %s", name).isNotNull();
        return in;
    }

    /** Records the rules matched by the evaluated decision and by its required decisions. */
    private static final class RuleRecorder implements DmnDecisionEvaluationListener {
        private final List<String> matched = new ArrayList<>();

        @Override
        public void notify(DmnDecisionEvaluationEvent event) {
            Stream.concat(Stream.of(event.getDecisionResult()), event.getRequiredDecisionResults().stream())
                    .map(DmnDecisionTableEvaluationEvent.class::cast)
                    .flatMap(table -> table.getMatchingRules().stream())
                    .map(DmnEvaluatedDecisionRule::getId)
                    .forEach(matched::add);
        }

        void clear() {
            matched.clear();
        }

        List<String> matchedRuleIds() {
            return List.copyOf(matched);
        }
    }
}
