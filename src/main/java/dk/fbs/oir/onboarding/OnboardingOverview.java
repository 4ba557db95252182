package dk.fbs.oir.onboarding;

import dk.fbs.oir.onboarding.OnboardingProcess.Element;
import dk.fbs.oir.onboarding.Onboardings.KlikTask;
import dk.fbs.oir.onboarding.Onboardings.Onboarding;
import dk.fbs.oir.onboarding.Waves.Wave;
import dk.fbs.oir.routing.RegisterGoLive;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Every municipality's way to go-live: the register, the onboardings and where their processes stand. */
@Service
public class OnboardingOverview {

    /** Where a municipality stands, with the Danish text the page shows. */
    public enum State {
        NOT_ENROLLED("Ikke tilmeldt – gebyrer bliver i FBS"),
        ENROLMENT("Afventer tilmelding"),
        CHOOSING_WAVE("Vælger bølge"),
        KLIK_TASKS("KLIK-opgaver"),
        VENDOR_TEST("Test med leverandør"),
        VENDOR_TEST_FAILED("Test med leverandør fejlede"),
        APPROVAL("Afventer godkendelse"),
        AWAITING_GO_LIVE("Godkendt – afventer go-live-dato"),
        GOING_LIVE("Idriftsættes"),
        SCHEDULED("Tilmeldt bølge i registret"),
        LIVE("I drift");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One municipality: register, onboarding and process. */
    public record Status(
            String municipalityCode,
            String name,
            String debtorSystem,
            Integer wave,
            LocalDate goLiveDate,
            State state,
            List<KlikTask> klikTasks,
            Onboarding onboarding) {}

    private static final Map<String, State> BY_ACTIVITY = Map.of(
            Element.UserTask_Enrol.id(), State.ENROLMENT,
            Element.Task_RecordEnrolment.id(), State.ENROLMENT,
            Element.UserTask_ChooseWave.id(), State.CHOOSING_WAVE,
            Element.UserTask_KlikTask.id(), State.KLIK_TASKS,
            Element.Task_VendorTest.id(), State.VENDOR_TEST,
            Element.UserTask_RetryVendorTest.id(), State.VENDOR_TEST_FAILED,
            Element.UserTask_ApproveGoLive.id(), State.APPROVAL,
            Element.UserTask_PostponeGoLive.id(), State.AWAITING_GO_LIVE,
            Element.Task_GoLive.id(), State.GOING_LIVE);

    private final RegisterGoLive register;
    private final Onboardings onboardings;
    private final Waves waves;
    private final RuntimeService runtime;
    private final Clock clock;

    public OnboardingOverview(
            RegisterGoLive register, Onboardings onboardings, Waves waves, RuntimeService runtime, Clock clock) {
        this.register = register;
        this.onboardings = onboardings;
        this.waves = waves;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The municipalities {@code visible} lets through, in the register's order. */
    public List<Status> statuses(Predicate<String> visible) {
        Map<String, Onboarding> started =
                onboardings.all().stream().collect(Collectors.toMap(Onboarding::municipalityCode, Function.identity()));
        Map<Integer, Wave> byNumber = waves.all().stream().collect(Collectors.toMap(Wave::number, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        return register.entries().stream()
                .filter(e -> visible.test(e.municipalityCode()))
                .map(e -> {
                    Onboarding o = started.get(e.municipalityCode());
                    if (o == null) {
                        Wave wave = e.wave() == null ? null : byNumber.get(e.wave());
                        LocalDate date = wave == null ? null : wave.goLiveDate();
                        State state = e.wave() == null
                                ? State.NOT_ENROLLED
                                : date == null || !date.isAfter(today) ? State.LIVE : State.SCHEDULED;
                        return new Status(
                                e.municipalityCode(),
                                e.name(),
                                e.debtorSystem(),
                                e.wave(),
                                date,
                                state,
                                List.of(),
                                null);
                    }
                    return new Status(
                            e.municipalityCode(),
                            e.name(),
                            e.debtorSystem(),
                            o.wave(),
                            o.goLiveOn(),
                            state(o),
                            onboardings.klikTasks(o.municipalityCode()),
                            o);
                })
                .toList();
    }

    private State state(Onboarding o) {
        if (o.liveAt() != null) {
            return State.LIVE;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(OnboardingProcess.KEY)
                .processInstanceBusinessKey(OnboardingProcess.businessKey(o.municipalityCode()))
                .singleResult();
        if (instance == null) {
            return State.GOING_LIVE;
        }
        return runtime.getActiveActivityIds(instance.getId()).stream()
                .map(BY_ACTIVITY::get)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(State.VENDOR_TEST);
    }
}
