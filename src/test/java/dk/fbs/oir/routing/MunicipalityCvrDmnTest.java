package dk.fbs.oir.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CVR columns of the municipality register ({@code dmn/debtor-routing.dmn}, decision
 * municipality-register) against their source list {@code routing/municipality-cvr.csv} (sources in
 * the DMN's annotation): every one of the 98 rules gives its municipality's CVR number and whether two
 * independent sources agree on it.
 */
class MunicipalityCvrDmnTest {

    /** The weights of the CVR number's modulus 11 check. */
    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private static DmnEngine engine;
    private static DmnDecision register;
    private static List<Row> rows;

    record Row(String code, String name, String cvr, boolean confirmed) {
        @Override
        public String toString() {
            return code + " " + name;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = resource("dmn/debtor-routing.dmn")) {
            register = engine.parseDecision("municipality-register", dmn);
        }
        try (InputStream csv = resource("routing/municipality-cvr.csv")) {
            rows = new String(csv.readAllBytes(), UTF_8)
                    .lines()
                    .skip(1) // kommunekode;kommune;cvr;bekraeftet
                    .map(line -> line.split(";", -1))
                    .map(f -> new Row(f[0], f[1], f[2], "ja".equals(f[3])))
                    .toList();
        }
    }

    static Stream<Row> rows() {
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyMunicipalityHasItsCvrNumberAndWhetherItIsConfirmed(Row row) {
        DmnDecisionResultEntries result = engine.evaluateDecision(register, Map.of("municipalityCode", row.code()))
                .getSingleResult();

        assertThat(result.<String>getEntry("municipalityName")).isEqualTo(row.name());
        assertThat(result.<String>getEntry("cvr")).isEqualTo(row.cvr());
        assertThat(result.<Boolean>getEntry("cvrConfirmed")).isEqualTo(row.confirmed());
    }

    @Test
    void theSourceListHasEvery98MunicipalityOnceWithAValidAndDistinctCvrNumber() {
        assertThat(rows).hasSize(98);
        assertThat(rows.stream().map(Row::code)).doesNotHaveDuplicates();
        assertThat(rows.stream().map(Row::cvr))
                .doesNotHaveDuplicates()
                .allSatisfy(cvr -> assertThat(validCvr(cvr))
                        .as("CVR %s passes modulus 11", cvr)
                        .isTrue());
    }

    /** Two public lists agree on every number; Viborg's is also the one in KOMBIT's own sample client. */
    @Test
    void everyNumberIsConfirmedByTwoSources_viborgAlsoByKombitsSample() {
        assertThat(rows).allMatch(Row::confirmed);
        assertThat(rows.stream().filter(r -> r.code().equals("791")).map(Row::cvr))
                .containsExactly("29189846");
    }

    @Test
    void theCheckRefusesAMistypedNumber() {
        assertThat(validCvr("64942212")).isTrue();
        assertThat(validCvr("64942213")).isFalse();
        assertThat(validCvr("6494221")).isFalse();
    }

    private static boolean validCvr(String cvr) {
        if (!cvr.matches("\\d{8}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (cvr.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    private static InputStream resource(String name) {
        InputStream in = MunicipalityCvrDmnTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("classpath resource %s", name).isNotNull();
        return in;
    }
}
