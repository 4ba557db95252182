package dk.fbs.oir.onboarding;

import static dk.fbs.oir.onboarding.OnboardingProcess.APPROVAL_REASON;
import static dk.fbs.oir.onboarding.OnboardingProcess.DEBTOR_SYSTEM;
import static dk.fbs.oir.onboarding.OnboardingProcess.GO_LIVE_DATE;
import static dk.fbs.oir.onboarding.OnboardingProcess.KLIK_DECISION;
import static dk.fbs.oir.onboarding.OnboardingProcess.KLIK_TASK;
import static dk.fbs.oir.onboarding.OnboardingProcess.KLIK_TASK_NOTE;
import static dk.fbs.oir.onboarding.OnboardingProcess.MUNICIPALITY_CODE;
import static dk.fbs.oir.onboarding.OnboardingProcess.POSTPONEMENT_REASON;
import static dk.fbs.oir.onboarding.OnboardingProcess.PROJECT_LEADER_EMAIL;
import static dk.fbs.oir.onboarding.OnboardingProcess.PROJECT_LEADER_NAME;
import static dk.fbs.oir.onboarding.OnboardingProcess.WAVE;

import dk.fbs.oir.onboarding.Onboardings.KlikTask;
import dk.fbs.oir.tasklist.TaskForms;
import java.util.Objects;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and task listeners of onboarding.bpmn ("Test med leverandør": {@link VendorConnectionTest}). */
@Configuration
public class OnboardingDelegates {

    private final Onboardings onboardings;
    private final IdentityService identity;

    public OnboardingDelegates(Onboardings onboardings, IdentityService identity) {
        this.onboardings = onboardings;
        this.identity = identity;
    }

    /** The user completing the task (Tasklist, engine REST); "ukendt" where nobody is logged in. */
    private String currentUser() {
        var user = identity.getCurrentAuthentication();
        return user == null ? "ukendt" : user.getUserId();
    }

    /**
     * Every task's input, checked on the server against the task's Camunda Form when it is completed (and
     * prepared when it is created, see {@link TaskForms#prepare}); "Tilmeld implementeringsforløbet" also
     * needs a plausible e-mail address. A refusal keeps the task open with the Danish message.
     */
    @Bean("onboardingInputCheck")
    TaskListener onboardingInputCheck(TaskForms forms) {
        return task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                forms.prepare(task);
                return;
            }
            String email = PROJECT_LEADER_EMAIL.get(task);
            if (email != null && !email.isBlank() && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new ProcessEngineException("Projektleders e-mail skal være en e-mailadresse, fx navn@kommune.dk");
            }
            forms.check(task);
        };
    }

    /** "Registrér tilmeldingen". */
    @Bean("recordEnrolment")
    JavaDelegate recordEnrolment() {
        return execution -> onboardings.enrolled(
                MUNICIPALITY_CODE.get(execution),
                PROJECT_LEADER_NAME.get(execution).trim(),
                PROJECT_LEADER_EMAIL.get(execution).trim(),
                currentUser());
    }

    /**
     * "Reservér plads i bølgen" and "Flyt til senere bølge": runs in the transaction of the form's
     * completion, so a wave that is not (or no longer) open is refused in Tasklist.
     */
    @Bean("reserveWave")
    JavaDelegate reserveWave() {
        return execution -> {
            String reason = execution.getCurrentActivityId().equals(OnboardingProcess.Element.Task_MoveWave.id())
                    ? POSTPONEMENT_REASON.get(execution)
                    : null;
            var wave = onboardings.reserve(
                    MUNICIPALITY_CODE.get(execution),
                    Objects.requireNonNull(WAVE.get(execution), "wave").longValue(),
                    reason,
                    currentUser());
            GO_LIVE_DATE.set(execution, wave.goLiveDate().toString());
        };
    }

    /** "Find KLIK-opgaver": dmn/klik-tasks.dmn for the municipality's debtor system, stored. */
    @Bean("chooseKlikTasks")
    JavaDelegate chooseKlikTasks(DecisionService decisions, SystemReads system) {
        return execution -> onboardings.klikTasksChosen(
                MUNICIPALITY_CODE.get(execution),
                system
                        .read(() -> decisions
                                .evaluateDecisionTableByKey(KLIK_DECISION)
                                .variables(Variables.putValue(DEBTOR_SYSTEM.name(), DEBTOR_SYSTEM.get(execution)))
                                .evaluate()
                                .getResultList())
                        .stream()
                        .map(row ->
                                new KlikTask((String) row.get("klikTask"), (String) row.get("title"), null, null, null))
                        .toList());
    }

    /** "Udfør KLIK-opgave": named after its KLIK task when created, recorded as done when completed. */
    @Bean("klikTaskListener")
    TaskListener klikTaskListener(OnboardingFacts facts) {
        return task -> {
            String municipality = MUNICIPALITY_CODE.get(task);
            String code = KLIK_TASK.get(task);
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.setName("KLIK: " + facts.klikTitle(municipality, code));
            } else {
                onboardings.klikTaskDone(municipality, code, currentUser(), KLIK_TASK_NOTE.get(task));
            }
        };
    }

    /** "Registrér godkendelsen": who approved the go-live, and why. */
    @Bean("recordApproval")
    JavaDelegate recordApproval() {
        return execution -> onboardings.approved(
                MUNICIPALITY_CODE.get(execution),
                currentUser(),
                APPROVAL_REASON.get(execution).trim());
    }

    /** "Idriftsæt": the new register version. */
    @Bean("goLive")
    JavaDelegate goLive() {
        return execution -> onboardings.goLive(MUNICIPALITY_CODE.get(execution));
    }
}
