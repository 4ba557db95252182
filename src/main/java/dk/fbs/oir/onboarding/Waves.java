package dk.fbs.oir.onboarding;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** The waves of {@code dmn/onboarding-waves.dmn}: their dates and how many municipalities each takes. */
@Service
public class Waves {

    /** A wave: go-live day, the last day to choose it, and how many municipalities it takes. */
    public record Wave(int number, LocalDate goLiveDate, LocalDate enrolmentDeadline, int capacity) {

        /** Still open on {@code today} with {@code taken} places gone: before its deadline and not full. */
        public boolean isOpen(LocalDate today, int taken) {
            return !today.isAfter(enrolmentDeadline) && today.isBefore(goLiveDate) && taken < capacity;
        }
    }

    private final DecisionService decisions;
    private final SystemReads system;

    Waves(DecisionService decisions, SystemReads system) {
        this.decisions = decisions;
        this.system = system;
    }

    /** The waves a municipality with this debtor system may choose among, by number. */
    public List<Wave> forSystem(String debtorSystem) {
        return system
                .read(() -> decisions
                        .evaluateDecisionTableByKey(OnboardingProcess.WAVES_DECISION)
                        .variables(Variables.putValue(OnboardingProcess.DEBTOR_SYSTEM.name(), debtorSystem))
                        .evaluate()
                        .getResultList())
                .stream()
                .map(Waves::wave)
                .sorted(Comparator.comparingInt(Wave::number))
                .toList();
    }

    /** Every wave of any debtor system, by number: the timeline. */
    public List<Wave> all() {
        Map<Integer, Wave> byNumber = new TreeMap<>();
        for (DebtorSystem system : DebtorSystem.values()) {
            forSystem(system.name()).forEach(w -> byNumber.putIfAbsent(w.number(), w));
        }
        return List.copyOf(byNumber.values());
    }

    public Wave get(String debtorSystem, int number) {
        return forSystem(debtorSystem).stream()
                .filter(w -> w.number() == number)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Bølge " + number + " findes ikke for " + debtorSystem));
    }

    private static Wave wave(Map<String, Object> row) {
        return new Wave(
                ((Number) row.get("wave")).intValue(),
                LocalDate.parse(Objects.toString(row.get("goLiveDate"))),
                LocalDate.parse(Objects.toString(row.get("enrolmentDeadline"))),
                ((Number) row.get("capacity")).intValue());
    }
}
