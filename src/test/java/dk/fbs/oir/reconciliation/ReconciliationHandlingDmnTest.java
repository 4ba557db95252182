package dk.fbs.oir.reconciliation;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.fbs.oir.DmnRuleRecorder;
import dk.fbs.oir.charge.ChargeStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/reconciliation-handling.dmn: only a lost claim with no history yet is re-sent automatically. */
class ReconciliationHandlingDmnTest {

    private static final String DECISION = "reconciliation-handling";
    private static final DmnRuleRecorder RULES = new DmnRuleRecorder();
    private static DmnEngine engine;
    private static DmnModelInstance model;
    private static DmnDecision decision;

    @BeforeAll
    static void loadDmn() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
        try (InputStream dmn = ReconciliationHandlingDmnTest.class
                .getClassLoader()
                .getResourceAsStream("dmn/reconciliation-handling.dmn")) {
            model = Dmn.readModelFromStream(dmn);
        }
        decision = engine.parseDecision(DECISION, model);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                arguments("MISSING_IN_DEBTOR_SYSTEM", "SUBMITTED", true, "Rule_ResendLostClaim", "RESEND_CLAIM"),
                arguments("MISSING_IN_DEBTOR_SYSTEM", "INVOICED", true, "Rule_ResendLostClaim", "RESEND_CLAIM"),
                arguments("MISSING_IN_DEBTOR_SYSTEM", "INVOICED", false, "Rule_Caseworker", "CASEWORKER"),
                arguments("MISSING_IN_DEBTOR_SYSTEM", "REMINDED", true, "Rule_Caseworker", "CASEWORKER"),
                arguments("MISSING_IN_DEBTOR_SYSTEM", "PAID", false, "Rule_Caseworker", "CASEWORKER"),
                arguments("AMOUNT_DIFFERS", "INVOICED", true, "Rule_Caseworker", "CASEWORKER"),
                arguments("UNKNOWN_TO_US", "", false, "Rule_Caseworker", "CASEWORKER"));
    }

    @ParameterizedTest(name = "{0}, {1}, untouched {2}: {4}")
    @MethodSource("examples")
    void decides(String kind, String status, boolean untouched, String rule, String handling) {
        assertThat(evaluate(kind, status, untouched)).isEqualTo(handling);
        assertThat(RULES.matchedRuleIds()).containsExactly(rule);
    }

    @Test
    void everyRuleIsHitByAnExample() {
        Set<String> hit = examples()
                .map(Arguments::get)
                .flatMap(a -> {
                    evaluate((String) a[0], (String) a[1], (Boolean) a[2]);
                    return RULES.matchedRuleIds().stream();
                })
                .collect(toSet());
        assertThat(hit).containsExactlyInAnyOrderElementsOf(DmnRuleRecorder.ruleIds(model, DECISION));
    }

    @Test
    void onlyAnUntouchedLostClaimIsEverRepairedWithoutACaseworker() {
        for (DifferenceKind kind : DifferenceKind.values()) {
            for (String status : Stream.concat(
                            Stream.of(""), Arrays.stream(ChargeStatus.values()).map(Enum::name))
                    .toList()) {
                for (boolean untouched : new boolean[] {true, false}) {
                    boolean automatic = "RESEND_CLAIM".equals(evaluate(kind.name(), status, untouched));
                    assertThat(automatic)
                            .as("%s %s %s", kind, status, untouched)
                            .isEqualTo(kind == DifferenceKind.MISSING_IN_DEBTOR_SYSTEM
                                    && untouched
                                    && Set.of("SUBMITTED", "INVOICED").contains(status));
                }
            }
        }
    }

    private static String evaluate(String kind, String status, boolean untouched) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("differenceKind", kind);
        variables.put("chargeStatus", status);
        variables.put("claimUntouched", untouched);
        RULES.clear();
        return engine.evaluateDecision(decision, variables).getSingleResult().getEntry("handling");
    }
}
