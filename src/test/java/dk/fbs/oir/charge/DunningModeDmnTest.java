package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of dmn/dunning-mode.dmn and dmn/missing-update.dmn. */
class DunningModeDmnTest {

    private static final DmnEngine DMN =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource({
        "101, KMD_OPUS,      FBS_LED", // sample: København
        "621, PRISME_2015,   FBS_LED", // sample: Kolding
        "561, PRISME_2009,   FBS_LED", // sample: Esbjerg
        "157, KMD_OPUS,      DEBTOR_LED", // the default
        "173, EG_OS_INDSIGT, DEBTOR_LED"
    })
    void whoRunsTheCollection(String municipality, String route, String mode) {
        assertThat((Object)
                        evaluate("dmn/dunning-mode.dmn", municipality, route).getSingleEntry())
                .isEqualTo(mode);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource({"183, EG_OS_INDSIGT, FLAG", "157, KMD_OPUS,      CASEWORKER", "217, PRISME_2009,   CASEWORKER"})
    void whoHandlesAMissingUpdate(String municipality, String route, String handling) {
        assertThat((Object)
                        evaluate("dmn/missing-update.dmn", municipality, route).getSingleEntry())
                .isEqualTo(handling);
    }

    private static DmnDecisionResult evaluate(String resource, String municipality, String route) {
        try (InputStream in = DunningModeDmnTest.class.getClassLoader().getResourceAsStream(resource)) {
            DmnDecision decision = DMN.parseDecisions(in).get(0);
            return DMN.evaluateDecision(
                    decision,
                    Variables.putValue("municipalityCode", municipality).putValue("route", route));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
