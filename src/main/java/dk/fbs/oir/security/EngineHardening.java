package dk.fbs.oir.security;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Closes the engine's known holes ourselves (7.24.0 gets no community patches), in code so that no
 * configuration can reopen them: no expressions in ad-hoc queries, no Java serialization of
 * variables and type validation on deserialization, no scripts in deployed models (our models use
 * none), and a job lock time longer than the slowest ØiR call with its timeouts, so a second
 * job-executor thread never runs a job that is still running.
 */
@Component
public class EngineHardening extends AbstractCamundaConfiguration {

    private final CamundaBpmProperties camunda;
    private final OirProperties oir;

    public EngineHardening(CamundaBpmProperties camunda, OirProperties oir) {
        this.camunda = camunda;
        this.oir = oir;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(
                true); // Tasklist filters; their content is guarded by QueryExpressionGuard
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedPackages("");
        configuration.setDeserializationAllowedClasses("");
        configuration.getCustomPreBPMNParseListeners().add(new NoScripts());
        requireLockLongerThanCalls(camunda.getJobExecution().getLockTimeInMillis(), oir);
    }

    /** Every debtor system's connect plus receive timeout must fit well inside the job lock. */
    static void requireLockLongerThanCalls(long lockTimeMillis, OirProperties oir) {
        for (DebtorSystem system : DebtorSystem.values()) {
            OirProperties.Endpoint endpoint = oir.endpoint(system);
            Duration slowest = endpoint.getConnectTimeout().plus(endpoint.getReceiveTimeout());
            if (lockTimeMillis < 2 * slowest.toMillis()) {
                throw new IllegalStateException("camunda.bpm.job-execution.lock-time-in-millis (" + lockTimeMillis
                        + ") must be at least twice the slowest ØiR call of " + system.displayName() + " (" + slowest
                        + "), or a second thread could run a job that is still waiting for its answer");
            }
        }
    }

    /** Refuses any deployed BPMN with a script: script tasks, script listeners, conditions or parameters. */
    static final class NoScripts extends AbstractBpmnParseListener {

        private static final List<String> SCRIPT_ELEMENTS = List.of("scriptTask", "script");

        @Override
        public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
            refuseScripts(root);
        }

        private static void refuseScripts(Element element) {
            String name = element.getTagName().contains(":")
                    ? element.getTagName().substring(element.getTagName().indexOf(':') + 1)
                    : element.getTagName();
            if (SCRIPT_ELEMENTS.contains(name)
                    || element.attribute("language") != null
                    || element.attribute("scriptFormat") != null) {
                throw new ProcessEngineException("Scripts are not allowed in deployed models (element '" + name + "'"
                        + (element.attribute("id") == null ? "" : " id '" + element.attribute("id") + "'")
                        + "): use a delegate bean or an expression");
            }
            element.elements().forEach(NoScripts::refuseScripts);
        }
    }
}
