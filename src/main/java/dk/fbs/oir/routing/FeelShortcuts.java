package dk.fbs.oir.routing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * The DMN engine answers the simplest FEEL of our tables itself and gives everything else to
 * Camunda's FEEL engine, which parses every expression anew and builds a context of its built-in
 * functions for each evaluation: for the routing of every charge (98 rules of the municipality
 * register, then the waves) that was the largest CPU cost of the nightly batch (bench/README.md).
 *
 * <p>Answered here, and only for the inputs named, with the answer FEEL gives
 * ({@code FeelShortcutsTest} compares them): input entries {@code "text"} (string input),
 * {@code 3} (Integer or Long input), {@code null} and {@code not(null)} (any input), and
 * {@code >= date("2022-04-14")} with {@code <}, {@code <=}, {@code >} or none (LocalDate input),
 * {@code "a","b"} (string input); expressions {@code "text"}, {@code 3} (a Long, as FEEL gives it),
 * {@code true} and {@code false}, {@code name} (a string, boolean,
 * Integer or Long variable; whole numbers come back as Long) and {@code date(name)} (a string
 * variable holding an ISO date). Any other expression, input type or a missing variable goes to
 * FEEL unchanged.
 */
@Component
public class FeelShortcuts extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(factory(new ScalaFeelEngineFactory()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's FEEL engine behind the shortcuts. */
    public static FeelEngineFactory factory(FeelEngineFactory feel) {
        return () -> new Engine(feel.createInstance());
    }

    /** What a shortcut answers: empty where FEEL must answer. */
    private interface UnaryTest {
        Optional<Boolean> test(TypedValue input);
    }

    private interface Expression {
        Optional<Object> evaluate(VariableContext variables);
    }

    private static final Pattern STRING = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern STRINGS = Pattern.compile("\\s*\"[^\"\\\\]*\"\\s*(,\\s*\"[^\"\\\\]*\"\\s*)+");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern INTEGER = Pattern.compile("\\s*(-?(?:0|[1-9][0-9]{0,17}))\\s*");
    private static final Pattern DATE_COMPARISON =
            Pattern.compile("\\s*(<=|>=|<|>)?\\s*date\\(\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*\\)\\s*");
    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
    private static final Pattern DATE_OF_NAME = Pattern.compile("\\s*date\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** FEEL's words that are not variable names. */
    private static final Set<String> KEYWORDS = Set.of(
            "null",
            "true",
            "false",
            "not",
            "and",
            "or",
            "in",
            "between",
            "instance",
            "of",
            "if",
            "then",
            "else",
            "for",
            "some",
            "every",
            "satisfies",
            "return",
            "function",
            "external");
    /** More distinct expressions than this (many deployments) are answered, but not remembered. */
    private static final int REMEMBERED = 10_000;

    private static final UnaryTest ASK_FEEL = input -> Optional.empty();
    private static final Expression EVALUATE_IN_FEEL = variables -> Optional.empty();

    private record Engine(FeelEngine feel, Map<String, UnaryTest> tests, Map<String, Expression> expressions)
            implements FeelEngine {

        Engine(FeelEngine feel) {
            this(feel, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            Optional<Object> answer = remembered(expressions, expression, FeelShortcuts::expression)
                    .evaluate(variables);
            @SuppressWarnings("unchecked")
            T value = answer.isPresent() ? (T) answer.get() : feel.evaluateSimpleExpression(expression, variables);
            return value;
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            TypedValue input = variables.resolve(inputVariable);
            Optional<Boolean> answer = input == null
                    ? Optional.empty()
                    : remembered(tests, expression, FeelShortcuts::unaryTest).test(input);
            return answer.orElseGet(() -> feel.evaluateSimpleUnaryTests(expression, inputVariable, variables));
        }

        private static <V> V remembered(Map<String, V> cache, String expression, Function<String, V> parse) {
            V known = cache.get(expression);
            if (known != null) {
                return known;
            }
            V parsed = parse.apply(expression);
            if (cache.size() < REMEMBERED) {
                cache.put(expression, parsed);
            }
            return parsed;
        }
    }

    private static UnaryTest unaryTest(String entry) {
        Matcher m;
        if ((m = STRING.matcher(entry)).matches()) {
            String literal = m.group(1);
            return input ->
                    input.getValue() instanceof String value ? Optional.of(value.equals(literal)) : Optional.empty();
        }
        if (STRINGS.matcher(entry).matches()) {
            Set<String> literals = new HashSet<>();
            Matcher each = STRING_LITERAL.matcher(entry);
            while (each.find()) {
                literals.add(each.group(1));
            }
            return input ->
                    input.getValue() instanceof String value ? Optional.of(literals.contains(value)) : Optional.empty();
        }
        if ((m = INTEGER.matcher(entry)).matches()) {
            long literal = Long.parseLong(m.group(1));
            return input -> input.getValue() instanceof Integer || input.getValue() instanceof Long
                    ? Optional.of(((Number) input.getValue()).longValue() == literal)
                    : Optional.empty();
        }
        if (entry.strip().equals("null")) {
            return input -> Optional.of(input.getValue() == null);
        }
        if (entry.strip().equals("not(null)")) {
            return input -> Optional.of(input.getValue() != null);
        }
        if ((m = DATE_COMPARISON.matcher(entry)).matches()) {
            String operator = m.group(1) == null ? "=" : m.group(1);
            LocalDate literal;
            try {
                literal = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException notADate) {
                return ASK_FEEL;
            }
            return input -> {
                if (!(input.getValue() instanceof LocalDate value)) {
                    return Optional.empty();
                }
                int order = value.compareTo(literal);
                return Optional.of(
                        switch (operator) {
                            case "<" -> order < 0;
                            case "<=" -> order <= 0;
                            case ">" -> order > 0;
                            case ">=" -> order >= 0;
                            default -> order == 0;
                        });
            };
        }
        return ASK_FEEL;
    }

    private static Expression expression(String text) {
        Matcher m;
        if ((m = STRING.matcher(text)).matches()) {
            Optional<Object> literal = Optional.of(m.group(1));
            return variables -> literal;
        }
        if ((m = INTEGER.matcher(text)).matches()) {
            Optional<Object> literal = Optional.of(Long.parseLong(m.group(1)));
            return variables -> literal;
        }
        if (text.strip().equals("true") || text.strip().equals("false")) {
            Optional<Object> literal = Optional.of(Boolean.valueOf(text.strip()));
            return variables -> literal;
        }
        if ((m = NAME.matcher(text)).matches() && !KEYWORDS.contains(m.group(1))) {
            String name = m.group(1);
            return variables -> Optional.ofNullable(variables.resolve(name))
                    .map(TypedValue::getValue)
                    .flatMap(FeelShortcuts::asFeelGivesIt);
        }
        if ((m = DATE_OF_NAME.matcher(text)).matches()) {
            String name = m.group(1);
            return variables -> Optional.ofNullable(variables.resolve(name))
                    .map(TypedValue::getValue)
                    .filter(value ->
                            value instanceof String iso && ISO_DATE.matcher(iso).matches())
                    .flatMap(iso -> {
                        try {
                            return Optional.of(LocalDate.parse((String) iso));
                        } catch (DateTimeParseException notADate) {
                            return Optional.empty();
                        }
                    });
        }
        return EVALUATE_IN_FEEL;
    }

    /** A variable's value as FEEL gives it back: strings and booleans as they are, whole numbers as Long. */
    private static Optional<Object> asFeelGivesIt(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return Optional.of(value);
        }
        if (value instanceof Integer number) {
            return Optional.of(number.longValue());
        }
        return Optional.empty();
    }
}
