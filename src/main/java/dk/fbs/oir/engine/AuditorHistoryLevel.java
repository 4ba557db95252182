package dk.fbs.oir.engine;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_END;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_START;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.FORM_PROPERTY_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_RESOLVE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.USER_OPERATION_LOG;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The history level {@code auditor}: what an auditor asks of a process, at less cost than
 * {@code audit} for the processes that run by the hundred thousand. It keeps everything of {@code
 * activity} (instances, every step with its time, user tasks with assignee and outcome), adds
 * incidents, the operators' and caseworkers' operations (the user operation log, which {@code
 * audit} does not keep), task assignments and batches, and the variables: all of them, except for
 * the processes named in {@code decisionsOnly}, whose history keeps only the variables listed there
 * (the decisions and their reasons; the amounts and the steps are in the ledger's timeline). It
 * keeps neither the job log, the DMN evaluations nor each variable's earlier values ({@code full}).
 *
 * <p>The rule depends only on a variable's process and name, so a variable is either kept from its
 * creation to its deletion or never written.
 */
public final class AuditorHistoryLevel implements HistoryLevel {

    public static final String NAME = "auditor";
    /** Unique among the engine's levels (0 none, 1 activity, 2 audit, 3 full); stored in the database. */
    static final int ID = 12;

    private static final Set<HistoryEventType> KEPT = Set.of(
            INCIDENT_CREATE,
            INCIDENT_MIGRATE,
            INCIDENT_DELETE,
            INCIDENT_RESOLVE,
            INCIDENT_UPDATE,
            USER_OPERATION_LOG,
            IDENTITY_LINK_ADD,
            IDENTITY_LINK_DELETE,
            BATCH_START,
            BATCH_UPDATE,
            BATCH_END,
            FORM_PROPERTY_UPDATE);

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(
            VARIABLE_INSTANCE_CREATE, VARIABLE_INSTANCE_UPDATE, VARIABLE_INSTANCE_MIGRATE, VARIABLE_INSTANCE_DELETE);

    /** Process definition key → the only variables whose history is kept for its instances. */
    private final Map<String, Set<String>> decisionsOnly;

    public AuditorHistoryLevel(Map<String, Set<String>> decisionsOnly) {
        this.decisionsOnly = Map.copyOf(decisionsOnly);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity) || KEPT.contains(eventType)) {
            return true;
        }
        if (!VARIABLE_EVENTS.contains(eventType)) {
            return false;
        }
        if (!(entity instanceof VariableInstance variable) || variable.getProcessDefinitionId() == null) {
            return true; // the engine asks whether the type is produced at all, or a variable of no process
        }
        Set<String> kept = decisionsOnly.get(keyOf(variable.getProcessDefinitionId()));
        return kept == null || kept.contains(variable.getName());
    }

    /** A process definition id is {@code key:version:id}. */
    private static String keyOf(String processDefinitionId) {
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
