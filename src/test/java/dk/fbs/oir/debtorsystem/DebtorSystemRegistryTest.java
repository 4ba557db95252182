package dk.fbs.oir.debtorsystem;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.routing.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@link DebtorSystem} is the one register of debtor systems: a fifth system is a constant there, a
 * row in the routing DMN and its configuration. These checks fail for anything else a new system
 * would need: code that names a system, or a system missing from the DMN or the configuration.
 */
class DebtorSystemRegistryTest {

    private static final String NAMES = Arrays.stream(DebtorSystem.values())
            .flatMap(s -> Stream.of(s.name(), s.slug()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    /** A system named in code: a constant, a case label or a string literal of its name or slug. */
    private static final Pattern NAMED =
            Pattern.compile("DebtorSystem\\.(" + NAMES + ")\\b|\\bcase (" + NAMES + ")\\b|\"(" + NAMES + ")\"");

    @Test
    void noCodeButTheEnumNamesADebtorSystem() throws IOException {
        List<String> named;
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("bench/src")))) {
            named = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("debtorsystem/DebtorSystem.java"))
                    .flatMap(DebtorSystemRegistryTest::namingLines)
                    .toList();
        }
        assertThat(named)
                .as("iterate DebtorSystem.values() or key by the enum instead")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DebtorSystem.class)
    void everySystemIsConfigured(DebtorSystem system) {
        assertThat(at(yaml("application-simulator.yaml"), "oir", "endpoints", system.slug(), "url"))
                .as("its simulated ØiR endpoint")
                .isNotNull();
        assertThat(at(yaml("application.yaml"), "freshness", "max-age", system.name()))
                .as("how late it may report")
                .isNotNull();
    }

    @ParameterizedTest
    @EnumSource(DebtorSystem.class)
    void everySystemIsInTheMunicipalityRegister(DebtorSystem system) throws IOException {
        assertThat(Files.readString(Path.of("dmn/debtor-routing.dmn")))
                .contains("<text>\"" + system.name() + "\"</text>");
    }

    @ParameterizedTest
    @EnumSource(DebtorSystem.class)
    void everySystemHasItsRouteAndNumbersItsClaimsInItsOwnFormat(DebtorSystem system) {
        assertThat(Route.valueOf(system.name()).debtorSystem()).contains(system);
        assertThat(system.claimId(42, "101", LocalDate.of(2026, 11, 20))).matches(system.claimIdPattern());
        assertThat(system.paymentReference(42) != null).isEqualTo(system.hasPaymentSolution());
    }

    private static Stream<String> namingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> NAMED.matcher(l).find()).map(l -> file + ": " + l.trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> yaml(String resource) {
        try (InputStream in = DebtorSystemRegistryTest.class.getResourceAsStream("/" + resource)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return node;
    }
}
