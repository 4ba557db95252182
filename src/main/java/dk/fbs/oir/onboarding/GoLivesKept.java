package dk.fbs.oir.onboarding;

import dk.fbs.oir.onboarding.Onboardings.Onboarding;
import dk.fbs.oir.routing.RegisterGoLive;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The go-lives recorded here stay in the register: when a register without them became the latest
 * version (a process owner shipped an edited {@code debtor-routing.dmn}, or an operator deployed
 * one), each municipality that went live is put back in its wave by a new version, at start and
 * when asked.
 */
@Component
public class GoLivesKept {

    private static final Logger log = LoggerFactory.getLogger(GoLivesKept.class);

    private final Onboardings onboardings;
    private final RegisterGoLive register;

    GoLivesKept(Onboardings onboardings, RegisterGoLive register) {
        this.onboardings = onboardings;
        this.register = register;
    }

    /** After the process application's deployment at start. Answers how many go-lives were put back. */
    @EventListener(PostDeployEvent.class)
    public int reapply() {
        int reapplied = 0;
        for (Onboarding o : onboardings.all()) {
            if (o.liveAt() == null) {
                continue;
            }
            try {
                if (register.goLive(o.goLive()).isPresent()) {
                    log.warn(
                            "The latest register lacked the go-live of municipality {} in wave {}: put back",
                            o.municipalityCode(),
                            o.wave());
                    reapplied++;
                }
            } catch (IllegalStateException disagreement) {
                log.error(
                        "The go-live of municipality {} cannot be put back in the register: {}",
                        o.municipalityCode(),
                        disagreement.getMessage());
            }
        }
        return reapplied;
    }
}
