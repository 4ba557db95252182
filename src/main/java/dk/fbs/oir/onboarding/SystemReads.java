package dk.fbs.oir.onboarding;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Reads of the engine's rule tables and the register that the onboarding makes while a project
 * leader is logged in (rendering a form, completing a task): the tables are the application's, not
 * the user's business, so these reads skip the user's authorizations. Only reads go through here.
 */
@Component
class SystemReads {

    private final ProcessEngineConfigurationImpl engine;

    SystemReads(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    <T> T read(Supplier<T> read) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return read.get();
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}
