package dk.fbs.oir.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.DmnRuleRecorder;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dmn/onboarding-waves.dmn and dmn/klik-tasks.dmn, every rule. */
class OnboardingDmnTest {

    private static final DmnRuleRecorder RULES = new DmnRuleRecorder();
    private static DmnEngine engine;

    @BeforeAll
    static void engine() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(RULES))
                .buildEngine();
    }

    @Test
    void theRolloutOf2021And2022IsHistoryAndTwoLaterWavesAreOpenForEverySystem() {
        Set<String> hit = new HashSet<>();
        for (DebtorSystem system : DebtorSystem.values()) {
            List<Map<String, Object>> waves = evaluate("dmn/onboarding-waves.dmn", "onboarding-waves", system);
            hit.addAll(RULES.matchedRuleIds());
            assertThat(waves)
                    .extracting(w -> w.get("wave"))
                    .as("%s", system)
                    .containsExactlyElementsOf(
                            system == DebtorSystem.KMD_OPUS ? List.of(0, 1, 2, 3, 4, 5, 6) : List.of(1, 2, 3, 4, 5, 6));
        }
        List<Map<String, Object>> opus =
                evaluate("dmn/onboarding-waves.dmn", "onboarding-waves", DebtorSystem.KMD_OPUS);
        assertThat(opus)
                .extracting(w -> w.get("goLiveDate"))
                .containsExactly(
                        "2021-12-01",
                        "2022-04-14",
                        "2022-06-01",
                        "2022-09-01",
                        "2022-11-01",
                        "2027-03-01",
                        "2027-06-01");
        for (Map<String, Object> wave : opus) {
            LocalDate deadline = LocalDate.parse((String) wave.get("enrolmentDeadline"));
            assertThat(deadline)
                    .as("wave %s: enrolment closes before go-live", wave.get("wave"))
                    .isBefore(LocalDate.parse((String) wave.get("goLiveDate")));
            assertThat((Integer) wave.get("capacity")).isPositive();
        }
        assertThat(hit).containsExactlyInAnyOrderElementsOf(ruleIds("dmn/onboarding-waves.dmn", "onboarding-waves"));
    }

    @Test
    void everySystemGetsTheCommonKlikTasksAndThePaymentTaskThatFitsItsPaymentSolution() {
        Set<String> hit = new HashSet<>();
        for (DebtorSystem system : DebtorSystem.values()) {
            List<Map<String, Object>> tasks = evaluate("dmn/klik-tasks.dmn", "klik-tasks", system);
            hit.addAll(RULES.matchedRuleIds());
            assertThat(tasks)
                    .extracting(t -> t.get("klikTask"))
                    .as("%s", system)
                    .containsExactly(
                            system.hasPaymentSolution() ? "PAYMENT_SOLUTION" : "LIBRARY_PAYMENT",
                            "FUNCTION_CERTIFICATE",
                            "SERVICEPLATFORM",
                            "ENDPOINT",
                            "TRAINING");
            assertThat(tasks)
                    .allSatisfy(t -> assertThat((String) t.get("title")).isNotBlank());
        }
        assertThat(hit).containsExactlyInAnyOrderElementsOf(ruleIds("dmn/klik-tasks.dmn", "klik-tasks"));
    }

    private static List<Map<String, Object>> evaluate(String file, String decision, DebtorSystem system) {
        RULES.clear();
        return engine.evaluateDecisionTable(
                        engine.parseDecision(decision, model(file)),
                        Map.of(OnboardingProcess.DEBTOR_SYSTEM.name(), system.name()))
                .getResultList();
    }

    private static List<String> ruleIds(String file, String decision) {
        return DmnRuleRecorder.ruleIds(model(file), decision);
    }

    private static DmnModelInstance model(String file) {
        try (InputStream in = OnboardingDmnTest.class.getClassLoader().getResourceAsStream(file)) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
