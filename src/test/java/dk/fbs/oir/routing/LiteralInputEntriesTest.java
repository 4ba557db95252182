package dk.fbs.oir.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The string-literal shortcut answers exactly as Camunda's FEEL engine does. */
class LiteralInputEntriesTest {

  private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
  private final FeelEngine fast = LiteralInputEntries.factory(new ScalaFeelEngineFactory()).createInstance();

  @Test
  void everyEntryAndInputAnswersAsFeel() {
    List<String> entries = List.of("\"101\"", " \"101\" ", "\"\"", "\"1\\\"01\"", "\"101\",\"147\"", "not(\"101\")",
        "-", "101", "null", "not(null)");
    List<Object> inputs = java.util.Arrays.asList("101", "147", "", " 101", "1\"01", null, 101, 101L);
    for (String entry : entries) {
      for (Object input : inputs) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("cellInput", input);
        var context = Variables.fromMap(variables).asVariableContext();
        boolean expected;
        try {
          expected = feel.evaluateSimpleUnaryTests(entry, "cellInput", context);
        } catch (RuntimeException feelRefuses) {
          continue; // the shortcut never answers where FEEL fails: those entries go to FEEL
        }
        assertThat(fast.evaluateSimpleUnaryTests(entry, "cellInput", context)).as(entry + " for " + input)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void theRoutingDecidesAsBeforeForEveryMunicipality() throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(LiteralInputEntries.factory(new ScalaFeelEngineFactory()));
    DmnEngine withShortcut = configuration.buildEngine();
    DmnDecision before = decision(plain);
    DmnDecision after = decision(withShortcut);
    int routed = 0;
    for (int code = 100; code < 1000; code++) {
      for (String date : List.of("2021-11-30", "2022-04-14", "2022-10-31", "2026-11-20")) {
        var variables = Variables.putValue("municipalityCode", Integer.toString(code)).putValue("chargeDate", date);
        Object expected = entries(plain.evaluateDecision(before, variables).getSingleResult());
        assertThat(entries(withShortcut.evaluateDecision(after, variables).getSingleResult()))
            .as(code + " on " + date).isEqualTo(expected);
        routed += expected == null ? 0 : 1;
      }
    }
    assertThat(routed).isEqualTo(98 * 4);
  }

  private static Map<String, Object> entries(org.camunda.bpm.dmn.engine.DmnDecisionResultEntries result) {
    return result == null ? null : result.getEntryMap();
  }

  private static DmnDecision decision(DmnEngine engine) throws Exception {
    try (InputStream dmn = LiteralInputEntriesTest.class.getResourceAsStream("/dmn/debtor-routing.dmn")) {
      return engine.parseDecision(RoutingService.DECISION_KEY, dmn);
    }
  }
}
