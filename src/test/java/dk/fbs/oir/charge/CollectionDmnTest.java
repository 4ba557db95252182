package dk.fbs.oir.charge;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.fbs.oir.DmnRuleRecorder;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collection decision (dmn/collection.dmn) on the standalone DMN engine with Camunda 7's FEEL
 * (feel-scala): what happens to an unpaid claim once the reminder procedure has run, with the open
 * balance in øre as a long.
 */
class CollectionDmnTest {

    private static final String DMN_RESOURCE = "dmn/collection.dmn";
    private static final String DECISION = "collection";

    private static final String OVERDUE_FEE = ChargeType.OVERDUE_FEE.name();
    private static final String OTHER_FEE = ChargeType.OTHER_FEE.name();
    private static final String REPLACEMENT = ChargeType.REPLACEMENT.name();
    private static final String KMD_OPUS = DebtorSystem.KMD_OPUS.name();

    private static final String TRANSFER = "TRANSFER";
    private static final String APPROVAL = "APPROVAL";
    private static final String WRITE_OFF = "WRITE_OFF";

    /** The last rule: a claim whose balance or debtor's age is unknown goes to a caseworker. */
    private static final String SAFETY_NET = "Rule_MissingFacts";
    /** The municipality's minimum for collection: 100 kr. */
    private static final long MINIMUM_ORE = 10_000L;
    /** Above Integer.MAX_VALUE øre: the balance must compare as a long. */
    private static final long BEYOND_INT_ORE = 3_000_000_000L;

    private static final Outcome BELOW_MINIMUM =
            new Outcome(WRITE_OFF, "Under kommunens minimumsbeløb for inddrivelse (100 kr)");
    private static final Outcome MINOR =
            new Outcome(APPROVAL, "Debitor er under 18 år: kræver sagsbehandlers godkendelse");
    private static final Outcome LARGE_REPLACEMENT =
            new Outcome(APPROVAL, "Stor erstatningsfordring: kræver sagsbehandlers godkendelse");
    private static final Outcome REMINDERS_DONE = new Outcome(TRANSFER, "Rykkerproceduren er gennemført uden betaling");
    private static final Outcome MISSING_FACTS =
            new Outcome(APPROVAL, "Saldo eller debitors alder er ukendt: kræver sagsbehandlers godkendelse");

    private static final DmnRuleRecorder RULES = new DmnRuleRecorder();
    private static DmnEngine engine;
    private static DmnModelInstance model;
    private static DmnDecision decision;

    /** The decision and the Danish reason shown to the caseworker and in the charge's timeline. */
    record Outcome(String collectionDecision, String collectionReason) {}

    /** One evaluation: the outcome and the rules that matched. */
    record Evaluation(Outcome outcome, List<String> matchedRuleIds) {}

    @BeforeAll
    static void loadDmn() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
        try (InputStream dmn = CollectionDmnTest.class.getClassLoader().getResourceAsStream(DMN_RESOURCE)) {
            assertThat(dmn).as("classpath resource %s", DMN_RESOURCE).isNotNull();
            model = Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decision = engine.parseDecision(DECISION, model);
    }

    // ---------------------------------------------------------------- the rules

    static Stream<Arguments> examples() {
        return Stream.of(
                // charge type, open balance in øre, debtor under 18, the rule that must answer, the outcome
                arguments(OVERDUE_FEE, MINIMUM_ORE - 1, false, "Rule_BelowMinimum", BELOW_MINIMUM),
                arguments(REPLACEMENT, 1L, true, "Rule_BelowMinimum", BELOW_MINIMUM),
                arguments(OVERDUE_FEE, MINIMUM_ORE, true, "Rule_DebtorUnder18", MINOR),
                arguments(REPLACEMENT, 500_000L, true, "Rule_DebtorUnder18", MINOR),
                arguments(REPLACEMENT, 500_000L, false, "Rule_LargeReplacement", LARGE_REPLACEMENT),
                arguments(REPLACEMENT, BEYOND_INT_ORE, false, "Rule_LargeReplacement", LARGE_REPLACEMENT),
                arguments(REPLACEMENT, 499_999L, false, "Rule_Transfer", REMINDERS_DONE),
                arguments(OVERDUE_FEE, MINIMUM_ORE, false, "Rule_Transfer", REMINDERS_DONE),
                arguments(OTHER_FEE, BEYOND_INT_ORE, false, "Rule_Transfer", REMINDERS_DONE),
                arguments(OVERDUE_FEE, null, false, SAFETY_NET, MISSING_FACTS),
                arguments(OVERDUE_FEE, MINIMUM_ORE, null, SAFETY_NET, MISSING_FACTS));
    }

    @ParameterizedTest(name = "{0} {1} øre, under 18: {2}: {3}")
    @MethodSource("examples")
    void decidesAsThePolicySays(String chargeType, Long balanceOre, Boolean under18, String ruleId, Outcome expected) {
        assertThat(evaluate(chargeType, balanceOre, under18, KMD_OPUS))
                .isEqualTo(new Evaluation(expected, List.of(ruleId)));
    }

    @Test
    void everyRuleIsHitByAnExample() {
        Set<String> hit = examples()
                .map(Arguments::get)
                .flatMap(args ->
                        evaluate((String) args[0], args[1], (Boolean) args[2], KMD_OPUS).matchedRuleIds().stream())
                .collect(toSet());

        assertThat(hit).containsExactlyInAnyOrderElementsOf(DmnRuleRecorder.ruleIds(model, DECISION));
    }

    // ---------------------------------------------------------------- properties over all inputs

    static Stream<Arguments> allInputs() {
        return Arrays.stream(ChargeType.values())
                .flatMap(chargeType -> Arrays.stream(DebtorSystem.values())
                        .flatMap(route -> Stream.of(
                                        1L, MINIMUM_ORE - 1, MINIMUM_ORE, 499_999L, 500_000L, BEYOND_INT_ORE)
                                .flatMap(balanceOre -> Stream.of(true, false)
                                        .map(under18 ->
                                                arguments(chargeType.name(), balanceOre, under18, route.name())))));
    }

    @ParameterizedTest(name = "{0} {1} øre, under 18: {2}, {3}")
    @MethodSource("allInputs")
    void aClaimWithKnownFactsIsDecidedByPolicyNotByTheSafetyNet(
            String chargeType, long balanceOre, boolean under18, String route) {
        Evaluation evaluation = evaluate(chargeType, balanceOre, under18, route);

        assertThat(evaluation.matchedRuleIds()).hasSize(1).doesNotContain(SAFETY_NET);
        assertThat(evaluation.outcome().collectionDecision()).isIn(TRANSFER, APPROVAL, WRITE_OFF);
        assertThat(evaluation.outcome().collectionReason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1} øre, under 18: {2}, {3}")
    @MethodSource("allInputs")
    void belowTheMinimumIsWrittenOffAndAMinorsClaimIsNeverTransferredWithoutACaseworker(
            String chargeType, long balanceOre, boolean under18, String route) {
        String decided =
                evaluate(chargeType, balanceOre, under18, route).outcome().collectionDecision();

        if (balanceOre < MINIMUM_ORE) {
            assertThat(decided).as("below 100 kr").isEqualTo(WRITE_OFF);
        }
        if (under18) {
            assertThat(decided).as("debtor under 18").isNotEqualTo(TRANSFER);
        }
    }

    @Test
    void balanceIsWholeOreAsIntegerOrLongAndAnAmountInKronerWithDecimalsIsRefused() {
        assertThat(evaluate(OVERDUE_FEE, (int) MINIMUM_ORE, false, KMD_OPUS).outcome())
                .isEqualTo(REMINDERS_DONE);
        assertThat(evaluate(OVERDUE_FEE, (int) MINIMUM_ORE - 1, false, KMD_OPUS).outcome())
                .isEqualTo(BELOW_MINIMUM);
        assertThatThrownBy(() -> evaluate(OVERDUE_FEE, 99.99, false, KMD_OPUS))
                .isInstanceOf(DmnEngineException.class)
                .hasMessageContaining("'long'");
    }

    // ---------------------------------------------------------------- helpers

    private static Evaluation evaluate(String chargeType, Object balanceOre, Boolean debtorUnder18, String route) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("chargeType", chargeType);
        variables.put("balanceOre", balanceOre);
        variables.put("debtorUnder18", debtorUnder18);
        variables.put("route", route);
        RULES.clear();
        DmnDecisionResultEntries entries =
                engine.evaluateDecision(decision, variables).getSingleResult();
        assertThat(entries)
                .as("decision for %s, %s øre, under 18: %s, %s", chargeType, balanceOre, debtorUnder18, route)
                .isNotNull();
        Outcome outcome = new Outcome(entries.getEntry("collectionDecision"), entries.getEntry("collectionReason"));
        return new Evaluation(outcome, RULES.matchedRuleIds());
    }
}
