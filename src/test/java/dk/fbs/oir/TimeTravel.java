package dk.fbs.oir;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** Lets a test live through a charge's deadlines in seconds. */
public final class TimeTravel {

    private TimeTravel() {}

    /**
     * Moves the shared clock to the charge's deadline timer and fires it through the job API, then
     * waits until the process has moved on (the job executor runs what follows).
     */
    public static void passDeadline(
            String businessKey, MutableClock clock, RuntimeService runtime, ManagementService management) {
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult()
                .getId();
        Job timer = await().until(
                        () -> management
                                .createJobQuery()
                                .processInstanceId(instance)
                                .timers()
                                .singleResult(),
                        job -> job != null);
        Duration untilDue = Duration.between(clock.instant(), timer.getDuedate().toInstant());
        if (!untilDue.isNegative()) {
            clock.advance(untilDue.plusMinutes(1));
        }
        management.executeJob(timer.getId());
        await().until(() -> management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .executable()
                        .count()
                == 0);
    }
}
