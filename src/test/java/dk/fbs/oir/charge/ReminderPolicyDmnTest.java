package dk.fbs.oir.charge;

import static java.math.BigDecimal.ZERO;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.fbs.oir.DmnRuleRecorder;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reminder policy (dmn/reminder-policy.dmn) on the standalone DMN engine with Camunda 7's FEEL
 * (feel-scala): the schedule the table gives, and the legal limits (gebyrloven § 2, stk. 2; renteloven
 * § 9 b) as properties over every charge type, every debtor system and reminder numbers 1 to
 * {@value #MAX_REMINDER_NO}.
 */
class ReminderPolicyDmnTest {

    private static final String DMN_RESOURCE = "dmn/reminder-policy.dmn";
    private static final String DECISION = "reminder-policy";

    private static final String OVERDUE_FEE = ChargeType.OVERDUE_FEE.name();
    private static final String OTHER_FEE = ChargeType.OTHER_FEE.name();
    private static final String REPLACEMENT = ChargeType.REPLACEMENT.name();
    private static final String KMD_OPUS = DebtorSystem.KMD_OPUS.name();
    private static final String PRISME_2015 = DebtorSystem.PRISME_2015.name();
    private static final String PRISME_2009 = DebtorSystem.PRISME_2009.name();
    private static final String EG_OS_INDSIGT = DebtorSystem.EG_OS_INDSIGT.name();

    /** Reminder numbers tried per charge type and route: the policy must have stopped long before. */
    private static final int MAX_REMINDER_NO = 10;

    /** Highest reminder fee per letter: gebyrloven § 2, stk. 2 (public law), renteloven § 9 b (civil law). */
    private static final Map<String, BigDecimal> FEE_CAP = Map.of(
            OVERDUE_FEE, new BigDecimal("250.00"),
            OTHER_FEE, new BigDecimal("250.00"),
            REPLACEMENT, new BigDecimal("100.00"));

    /** Renteloven § 9 b: at most 3 reminders with a fee, at least 10 days apart. */
    private static final int CIVIL_LAW_MAX_REMINDERS_WITH_FEE = 3;

    private static final int CIVIL_LAW_MIN_DAYS_BETWEEN_REMINDERS = 10;

    /** A debtor system without a citizen payment solution gives this many days on the first reminder. */
    private static final int DAYS_TO_PAY_WITHOUT_PAYMENT_SOLUTION = 14;

    /** The outputs the process reads, with the Java type each comes back as. */
    private static final Map<String, Class<?>> OUTPUT_TYPES = Map.of(
            "sendReminder", Boolean.class,
            "waitDays", Integer.class,
            "deadlineDays", Integer.class,
            "reminderFee", String.class);

    private static final DmnRuleRecorder RULES = new DmnRuleRecorder();
    private static DmnEngine engine;
    private static DmnModelInstance model;
    private static DmnDecision decision;

    /** The table's answer for one reminder number. */
    record Policy(boolean sendReminder, int waitDays, int deadlineDays, String reminderFee) {
        BigDecimal fee() {
            return new BigDecimal(reminderFee);
        }

        boolean hasFee() {
            return fee().signum() > 0;
        }
    }

    /** One evaluation: the answer, its raw result entries and the rules that matched. */
    record Evaluation(Policy policy, Map<String, Object> entries, List<String> matchedRuleIds) {}

    @BeforeAll
    static void loadDmn() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
        try (InputStream dmn = ReminderPolicyDmnTest.class.getClassLoader().getResourceAsStream(DMN_RESOURCE)) {
            assertThat(dmn).as("classpath resource %s", DMN_RESOURCE).isNotNull();
            model = Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decision = engine.parseDecision(DECISION, model);
    }

    // ---------------------------------------------------------------- the schedule

    static Stream<Arguments> examples() {
        return Stream.of(
                // charge type, route, reminder no, the rule that must answer, the answer
                arguments(OVERDUE_FEE, KMD_OPUS, 1, "Rule_Fee_Reminder1", reminder(14, 7, "0.00")),
                arguments(OTHER_FEE, PRISME_2015, 1, "Rule_Fee_Reminder1", reminder(14, 7, "0.00")),
                arguments(OVERDUE_FEE, KMD_OPUS, 2, "Rule_Fee_Reminder2", reminder(13, 10, "100.00")),
                arguments(OTHER_FEE, PRISME_2009, 2, "Rule_Fee_Reminder2", reminder(13, 10, "100.00")),
                arguments(OVERDUE_FEE, EG_OS_INDSIGT, 3, "Rule_Fee_NoMoreReminders", collectionAfter(120)),
                arguments(
                        OVERDUE_FEE, PRISME_2009, 1, "Rule_NoPaymentSolution_Fee_Reminder1", reminder(14, 14, "0.00")),
                arguments(
                        OTHER_FEE, EG_OS_INDSIGT, 1, "Rule_NoPaymentSolution_Fee_Reminder1", reminder(14, 14, "0.00")),
                arguments(REPLACEMENT, KMD_OPUS, 1, "Rule_Replacement_Reminder1", reminder(14, 10, "0.00")),
                arguments(REPLACEMENT, PRISME_2015, 2, "Rule_Replacement_Reminder2And3", reminder(10, 10, "100.00")),
                arguments(REPLACEMENT, EG_OS_INDSIGT, 3, "Rule_Replacement_Reminder2And3", reminder(10, 10, "100.00")),
                arguments(REPLACEMENT, KMD_OPUS, 4, "Rule_Replacement_NoMoreReminders", collectionAfter(120)),
                arguments(
                        REPLACEMENT,
                        PRISME_2009,
                        1,
                        "Rule_NoPaymentSolution_Replacement_Reminder1",
                        reminder(14, 14, "0.00")),
                arguments("NEW_FEE_TYPE", KMD_OPUS, 1, "Rule_NoMoreReminders", collectionAfter(120)),
                arguments(OVERDUE_FEE, KMD_OPUS, 0, "Rule_NoMoreReminders", collectionAfter(120)));
    }

    @ParameterizedTest(name = "{0} {1} rykker {2}: {3}")
    @MethodSource("examples")
    void answersAsThePolicySays(String chargeType, String route, int reminderNo, String ruleId, Policy expected) {
        Evaluation evaluation = evaluate(chargeType, route, reminderNo);

        assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
        assertThat(evaluation.policy()).isEqualTo(expected);
    }

    @Test
    void everyRuleIsHitByAnExample() {
        Set<String> hit = examples()
                .map(Arguments::get)
                .flatMap(args -> evaluate((String) args[0], (String) args[1], (int) args[2]).matchedRuleIds().stream())
                .collect(toSet());

        assertThat(hit).containsExactlyInAnyOrderElementsOf(DmnRuleRecorder.ruleIds(model, DECISION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesWithPaymentSolution")
    void feeReminderWithFeeComesTwentyDaysAfterTheFreeOneAsInTheLibraryExample(String route) {
        for (String chargeType : List.of(OVERDUE_FEE, OTHER_FEE)) {
            List<Policy> sent = remindersSent(answers(chargeType, route));

            assertThat(sent).as("%s reminders", chargeType).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sent.get(0).deadlineDays() + sent.get(1).waitDays())
                    .as("%s days between reminders", chargeType)
                    .isEqualTo(20);
        }
    }

    // ---------------------------------------------------------------- properties over all inputs

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chargeTypesAndRoutes")
    void everyAnswerHasTheOutputsAndJavaTypesTheProcessReads(String chargeType, String route) {
        for (int reminderNo = 1; reminderNo <= MAX_REMINDER_NO; reminderNo++) {
            Map<String, Object> entries =
                    evaluate(chargeType, route, reminderNo).entries();

            assertThat(entries.entrySet().stream()
                            .collect(toMap(Map.Entry::getKey, e -> e.getValue().getClass())))
                    .as("output types for reminder %d", reminderNo)
                    .isEqualTo(OUTPUT_TYPES);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chargeTypesAndRoutes")
    void remindersStopForGoodAndThenWaitForTheCollectionDecision(String chargeType, String route) {
        List<Policy> answers = answers(chargeType, route);
        List<Policy> afterLastReminder = answers.subList(remindersSent(answers).size(), answers.size());

        assertThat(afterLastReminder)
                .as("answers after the last reminder, up to reminder %d", MAX_REMINDER_NO)
                .isNotEmpty()
                .extracting(Policy::sendReminder, Policy::deadlineDays, Policy::reminderFee)
                .containsOnly(tuple(false, 0, "0.00"));
        assertThat(afterLastReminder)
                .allSatisfy(policy -> assertThat(policy.waitDays()).isPositive());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chargeTypesAndRoutes")
    void feesAreTwoDecimalAmountsWithinTheLegalCap(String chargeType, String route) {
        BigDecimal cap = FEE_CAP.get(chargeType);
        assertThat(cap).as("legal fee cap for %s", chargeType).isNotNull();

        assertThat(answers(chargeType, route)).allSatisfy(policy -> {
            assertThat(policy.reminderFee()).as("fee").matches("\\d+\\.\\d{2}");
            assertThat(policy.fee().scale())
                    .as("scale of %s", policy.reminderFee())
                    .isEqualTo(2);
            assertThat(policy.fee()).as("fee").isGreaterThanOrEqualTo(ZERO).isLessThanOrEqualTo(cap);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void replacementHasAtMostThreeRemindersWithAFeeAtLeastTenDaysApart(String route) {
        List<Policy> sent = remindersSent(answers(REPLACEMENT, route));

        assertThat(sent).filteredOn(Policy::hasFee).hasSizeLessThanOrEqualTo(CIVIL_LAW_MAX_REMINDERS_WITH_FEE);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i - 1).deadlineDays() + sent.get(i).waitDays())
                    .as("days from reminder %d to reminder %d", i, i + 1)
                    .isGreaterThanOrEqualTo(CIVIL_LAW_MIN_DAYS_BETWEEN_REMINDERS);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chargeTypesAndRoutes")
    void firstReminderGivesFourteenDaysExactlyWhereTheCitizenCannotPayThroughTheDebtorSystem(
            String chargeType, String route) {
        Policy first = evaluate(chargeType, route, 1).policy();

        assertThat(first.sendReminder()).isTrue();
        if (DebtorSystem.valueOf(route).hasPaymentSolution()) {
            assertThat(first.deadlineDays()).isLessThan(DAYS_TO_PAY_WITHOUT_PAYMENT_SOLUTION);
        } else {
            assertThat(first.deadlineDays()).isEqualTo(DAYS_TO_PAY_WITHOUT_PAYMENT_SOLUTION);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Policy reminder(int waitDays, int deadlineDays, String reminderFee) {
        return new Policy(true, waitDays, deadlineDays, reminderFee);
    }

    /** No more reminders: the collection decision comes this many days after the last deadline. */
    private static Policy collectionAfter(int waitDays) {
        return new Policy(false, waitDays, 0, "0.00");
    }

    static Stream<String> routes() {
        return Arrays.stream(DebtorSystem.values()).map(DebtorSystem::name);
    }

    static Stream<String> routesWithPaymentSolution() {
        return Arrays.stream(DebtorSystem.values())
                .filter(DebtorSystem::hasPaymentSolution)
                .map(DebtorSystem::name);
    }

    static Stream<Arguments> chargeTypesAndRoutes() {
        return Arrays.stream(ChargeType.values())
                .flatMap(chargeType -> routes().map(route -> arguments(chargeType.name(), route)));
    }

    private static Evaluation evaluate(String chargeType, String route, int reminderNo) {
        RULES.clear();
        DmnDecisionResultEntries entries = engine.evaluateDecision(
                        decision, Map.of("chargeType", chargeType, "route", route, "reminderNo", reminderNo))
                .getSingleResult();
        assertThat(entries)
                .as("answer for %s %s reminder %d", chargeType, route, reminderNo)
                .isNotNull();
        Policy policy = new Policy(
                entries.getEntry("sendReminder"),
                entries.<Integer>getEntry("waitDays"),
                entries.<Integer>getEntry("deadlineDays"),
                entries.getEntry("reminderFee"));
        return new Evaluation(policy, entries.getEntryMap(), RULES.matchedRuleIds());
    }

    /** The table's answers for reminder numbers 1 to {@value #MAX_REMINDER_NO}. */
    private static List<Policy> answers(String chargeType, String route) {
        return IntStream.rangeClosed(1, MAX_REMINDER_NO)
                .mapToObj(reminderNo -> evaluate(chargeType, route, reminderNo).policy())
                .toList();
    }

    /** The reminders sent before the table first says: no more reminders. */
    private static List<Policy> remindersSent(List<Policy> answers) {
        return answers.stream().takeWhile(Policy::sendReminder).toList();
    }
}
