package dk.fbs.oir.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The shortcuts answer exactly as Camunda's FEEL engine does, value and Java type. */
class FeelShortcutsTest {

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    private final FeelEngine fast =
            FeelShortcuts.factory(new ScalaFeelEngineFactory()).createInstance();

    private static final List<Object> INPUTS = Arrays.asList(
            "101",
            "147",
            "",
            " 101",
            "1\"01",
            "1",
            "2022-04-14",
            null,
            101,
            101L,
            1,
            1L,
            0,
            -1,
            1.0,
            new BigDecimal("1"),
            true,
            LocalDate.of(2022, 4, 13),
            LocalDate.of(2022, 4, 14),
            LocalDate.of(2022, 4, 15));

    @Test
    void everyInputEntryAnswersAsFeel() {
        List<String> entries = List.of(
                "\"101\"",
                " \"101\" ",
                "\"\"",
                "\"1\\\"01\"",
                "\"101\",\"147\"",
                " \"101\" , \"621\",\"561\" ",
                "\"\",\"101\"",
                "\"101\",",
                "not(\"101\")",
                "-",
                "101",
                "1",
                " 1 ",
                "0",
                "-1",
                "01",
                "1.0",
                "null",
                " null ",
                "not(null)",
                "not(1)",
                "date(\"2022-04-14\")",
                ">= date(\"2022-04-14\")",
                "> date(\"2022-04-14\")",
                "<= date(\"2022-04-14\")",
                "< date(\"2022-04-14\")",
                ">=date( \"2022-04-14\" )",
                ">= date(\"2022-02-30\")",
                ">= date(\"2022-4-14\")");
        int compared = 0;
        for (String entry : entries) {
            for (Object input : INPUTS) {
                VariableContext context = context("cellInput", input);
                boolean expected;
                try {
                    expected = feel.evaluateSimpleUnaryTests(entry, "cellInput", context);
                } catch (RuntimeException feelRefuses) {
                    continue; // the shortcut never answers where FEEL fails: those entries go to FEEL
                }
                assertThat(fast.evaluateSimpleUnaryTests(entry, "cellInput", context))
                        .as(entry + " for " + input)
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(entries.size() * INPUTS.size() / 2);
    }

    @Test
    void everyExpressionAnswersAsFeel() {
        List<String> expressions = List.of(
                "\"KMD_OPUS\"",
                " \"Ærø\" ",
                "\"\"",
                "1",
                "0",
                "-3",
                " 4 ",
                "123456789012345678",
                "x",
                " x ",
                "date(x)",
                "date( x )",
                "null",
                "true",
                " false ",
                "true ",
                "y",
                "date(y)",
                "x + 1",
                "date(\"2022-04-14\")");
        List<Object> values = Arrays.asList(
                "101",
                "",
                "2026-11-20",
                "2026-02-30",
                "2026-2-1",
                " 2026-11-20",
                "20261120",
                null,
                7,
                7L,
                true,
                LocalDate.of(2026, 11, 20));
        for (String expression : expressions) {
            for (Object value : values) {
                VariableContext context = context("x", value);
                Object expected;
                try {
                    expected = feel.evaluateSimpleExpression(expression, context);
                } catch (RuntimeException feelRefuses) {
                    continue;
                }
                Object actual = fast.evaluateSimpleExpression(expression, context);
                assertThat(actual).as(expression + " with x = " + value).isEqualTo(expected);
                if (expected != null) {
                    assertThat(actual).as(expression + " with x = " + value).isExactlyInstanceOf(expected.getClass());
                }
            }
        }
    }

    @Test
    void theRoutingDecidesAsFeelForEveryMunicipalityAndDate() throws Exception {
        DmnEngine plain =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(FeelShortcuts.factory(new ScalaFeelEngineFactory()));
        DmnEngine withShortcuts = configuration.buildEngine();
        DmnDecision before = decision(plain);
        DmnDecision after = decision(withShortcuts);
        List<String> validDates = List.of(
                "2021-11-30", "2021-12-01", "2022-04-13", "2022-04-14", "2022-10-31", "2022-11-01", "2026-11-20");
        // FEEL itself (slow) for every municipality of the register, the codes next to theirs, and the ends
        Set<Integer> codes = new TreeSet<>(List.of(100, 999));
        for (int code = 100; code < 1000; code++) {
            if (!"no rule"
                    .equals(outcome(
                            withShortcuts,
                            after,
                            Variables.putValue("municipalityCode", "" + code).putValue("chargeDate", "2026-11-20")))) {
                codes.addAll(List.of(code - 1, code, code + 1));
            }
        }
        int routed = 0;
        for (int code : codes) {
            List<String> dates = Arrays.asList(
                    "2026-11-20",
                    "2021-11-30",
                    "2021-12-01",
                    "2022-04-13",
                    "2022-04-14",
                    "2022-10-31",
                    "2022-11-01",
                    "2026-02-30",
                    "20261120",
                    "",
                    null);
            for (String date : dates) {
                var variables = Variables.putValue("municipalityCode", Integer.toString(code))
                        .putValue("chargeDate", date);
                Object expected = outcome(plain, before, variables);
                assertThat(outcome(withShortcuts, after, variables))
                        .as(code + " on " + date)
                        .isEqualTo(expected);
                if ("no rule".equals(expected) && dates.get(0).equals(date)) {
                    break; // not in the register: no other date routes it either
                }
                routed += expected instanceof Map && date != null && validDates.contains(date) ? 1 : 0;
            }
        }
        assertThat(routed).isEqualTo(98 * validDates.size());
    }

    /** The decision's single result, or that it failed. */
    private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
        try {
            var result = engine.evaluateDecision(decision, variables).getSingleResult();
            return result == null ? "no rule" : result.getEntryMap();
        } catch (RuntimeException failed) {
            return "failed";
        }
    }

    private static VariableContext context(String name, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(name, value);
        return Variables.fromMap(variables).asVariableContext();
    }

    private static DmnDecision decision(DmnEngine engine) throws Exception {
        try (InputStream dmn = FeelShortcutsTest.class.getResourceAsStream("/dmn/debtor-routing.dmn")) {
            return engine.parseDecision(RoutingService.DECISION_KEY, dmn);
        }
    }
}
