package dk.fbs.oir.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The DMN engine answers an input entry that is one string literal, such as {@code "101"} in the
 * municipality register, by comparing strings; every other entry goes to Camunda's FEEL engine as
 * before. The register's 98 rules are evaluated for every charge, and the FEEL engine parses and
 * evaluates each entry anew (with its built-in functions), which made routing the largest CPU cost
 * of the nightly batch (bench/README.md). For a string input the answer is the one FEEL gives:
 * equal strings match; for any other input (null, a number) FEEL itself answers.
 */
@Component
public class LiteralInputEntries extends AbstractCamundaConfiguration {

  private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(factory(new ScalaFeelEngineFactory()));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Camunda's FEEL engine with the shortcut for string literals. */
  public static FeelEngineFactory factory(FeelEngineFactory feel) {
    return () -> new Engine(feel.createInstance());
  }

  private record Engine(FeelEngine feel) implements FeelEngine {

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      return feel.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
      Matcher literal = STRING_LITERAL.matcher(expression);
      if (literal.matches()) {
        TypedValue input = variables.resolve(inputVariable);
        if (input != null && input.getValue() instanceof String value) {
          return value.equals(literal.group(1));
        }
      }
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }
  }
}
