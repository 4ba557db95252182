package dk.fbs.oir.onboarding;

import dk.fbs.oir.common.ProcessVariable;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.onboarding.OnboardingProcess.Element;
import dk.fbs.oir.onboarding.Onboardings.KlikTask;
import dk.fbs.oir.onboarding.Waves.Wave;
import dk.fbs.oir.routing.RegisterGoLive;
import dk.fbs.oir.tasklist.TaskForms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * What onboarding.bpmn's forms, task names, collection and timer read (bean {@code onboardingFacts}). As a
 * task listener (event create) it sets the facts the task's form shows as task variables, read-only, which
 * end with the task; the wave choices ({@link #WAVE_CHOICES}) are the waves open when the task is created.
 */
@Component("onboardingFacts")
public class OnboardingFacts implements TaskListener {

    public static final ProcessVariable<String> MUNICIPALITY = ProcessVariable.of("factMunicipality", String.class);
    public static final ProcessVariable<String> DEBTOR_SYSTEM = ProcessVariable.of("factDebtorSystem", String.class);
    public static final ProcessVariable<String> WAVE = ProcessVariable.of("factWave", String.class);
    /** The open waves, one a line, with their enrolment deadline and free places. */
    public static final ProcessVariable<String> OPEN_WAVES = ProcessVariable.of("factOpenWaves", String.class);
    /** The choices of the form field {@code wave}: a JSON list of {label, value} with the wave's number as value. */
    public static final ProcessVariable<JsonValue> WAVE_CHOICES = ProcessVariable.of("waveChoices", JsonValue.class);

    public static final ProcessVariable<String> KLIK_TASK = ProcessVariable.of("factKlikTask", String.class);
    public static final ProcessVariable<String> VENDOR_TEST = ProcessVariable.of("factVendorTest", String.class);

    static final DateTimeFormatter DANISH_DATE =
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private final Onboardings onboardings;
    private final RegisterGoLive register;
    private final SystemReads system;
    private final Clock clock;

    OnboardingFacts(Onboardings onboardings, RegisterGoLive register, SystemReads system, Clock clock) {
        this.onboardings = onboardings;
        this.register = register;
        this.system = system;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = OnboardingProcess.MUNICIPALITY_CODE.get(task);
        Map<String, Object> facts = new HashMap<>();
        facts.put(MUNICIPALITY.name(), municipality(code));
        facts.put(DEBTOR_SYSTEM.name(), debtorSystem(OnboardingProcess.DEBTOR_SYSTEM.get(task)));
        switch (Element.valueOf(task.getTaskDefinitionKey())) {
            case UserTask_ChooseWave, UserTask_PostponeGoLive -> {
                facts.put(WAVE.name(), wave(code));
                List<Wave> open = onboardings.openWaves(code);
                facts.put(
                        OPEN_WAVES.name(),
                        open.isEmpty()
                                ? "Ingen åbne bølger lige nu"
                                : open.stream().map(w -> openWave(w, code)).collect(Collectors.joining("\n")));
                facts.put(WAVE_CHOICES.name(), choices(open));
            }
            case UserTask_KlikTask ->
                facts.put(KLIK_TASK.name(), klikTitle(code, OnboardingProcess.KLIK_TASK.get(task)));
            case UserTask_RetryVendorTest, UserTask_ApproveGoLive -> {
                facts.put(WAVE.name(), wave(code));
                facts.put(VENDOR_TEST.name(), Objects.toString(OnboardingProcess.VENDOR_TEST_RESULT.get(task), "—"));
            }
            default -> {}
        }
        task.setVariablesLocal(facts);
    }

    private static JsonValue choices(List<Wave> open) {
        return TaskForms.json(open.stream()
                .map(w -> Map.<String, Object>of("label", describe(w), "value", w.number()))
                .toList());
    }

    /** "155 Dragør". */
    public String municipality(String municipalityCode) {
        return system.read(() -> register.entry(municipalityCode))
                .map(e -> municipalityCode + " " + e.name())
                .orElse(municipalityCode);
    }

    public String debtorSystem(String debtorSystem) {
        return DebtorSystem.valueOf(debtorSystem).displayName();
    }

    /** "Bølge 5: 1. marts 2027 (tilmeldingsfrist 15. januar 2027, 9 ledige pladser)", one a line. */
    public String openWaves(String municipalityCode) {
        List<Wave> open = onboardings.openWaves(municipalityCode);
        return open.isEmpty()
                ? "Ingen åbne bølger lige nu"
                : open.stream().map(w -> openWave(w, municipalityCode)).collect(Collectors.joining("; "));
    }

    private String openWave(Wave w, String municipalityCode) {
        return describe(w) + " (tilmeldingsfrist " + DANISH_DATE.format(w.enrolmentDeadline()) + ", "
                + (w.capacity() - onboardings.taken(w.number(), municipalityCode)) + " ledige pladser)";
    }

    /** The municipality's chosen wave, "Bølge 5: 1. marts 2027". */
    public String wave(String municipalityCode) {
        var o = onboardings.require(municipalityCode);
        return o.wave() == null ? "Ingen" : "Bølge " + o.wave() + ": " + DANISH_DATE.format(o.goLiveOn());
    }

    /** The multi-instance collection of "Udfør KLIK-opgave": the open tasks' codes. */
    public List<String> klikTasks(String municipalityCode) {
        return onboardings.klikTasks(municipalityCode).stream()
                .filter(t -> t.doneBy() == null)
                .map(KlikTask::code)
                .toList();
    }

    public String klikTitle(String municipalityCode, String code) {
        return onboardings.klikTasks(municipalityCode).stream()
                .filter(t -> t.code().equals(code))
                .map(KlikTask::title)
                .findFirst()
                .orElse(code);
    }

    /** The timer "Bølgens go-live-dato": the go-live day's start, in the application's time zone. */
    public Date goLiveAt(String goLiveDate) {
        return Date.from(
                LocalDate.parse(goLiveDate).atStartOfDay(clock.getZone()).toInstant());
    }

    static String describe(Wave w) {
        return "Bølge " + w.number() + ": " + DANISH_DATE.format(w.goLiveDate());
    }
}
