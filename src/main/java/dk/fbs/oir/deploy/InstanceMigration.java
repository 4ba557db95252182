package dk.fbs.oir.deploy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Moves running instances of a process from older versions to the newest one with Camunda
 * migration plans (equal activity ids are mapped onto each other), one instance at a time: an
 * instance that cannot be moved is reported with the reason and left exactly as it was.
 */
@Service
public class InstanceMigration {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    public InstanceMigration(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    public record Failure(String processInstanceId, String businessKey, int fromVersion, String reason) {}

    public record Report(String processDefinitionKey, int toVersion, int migrated, List<Failure> notMigrated) {}

    public Report migrateToLatest(String processDefinitionKey) {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalArgumentException("No process definition with key " + processDefinitionKey);
        }
        int migrated = 0;
        List<Failure> failures = new ArrayList<>();
        for (ProcessDefinition older : repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey)
                .list()) {
            if (older.getVersion() >= latest.getVersion()) {
                continue;
            }
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                    .processDefinitionId(older.getId())
                    .list();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(older.getId(), latest.getId())
                        .mapEqualActivities()
                        .updateEventTriggers()
                        .build();
            } catch (ProcessEngineException invalidPlan) {
                instances.forEach(pi -> failures.add(new Failure(
                        pi.getId(),
                        pi.getBusinessKey(),
                        older.getVersion(),
                        "No migration plan from version " + older.getVersion() + ": " + invalidPlan.getMessage())));
                continue;
            }
            for (ProcessInstance instance : instances) {
                try {
                    runtime.newMigration(plan)
                            .processInstanceIds(instance.getId())
                            .execute();
                    migrated++;
                } catch (ProcessEngineException cannotMove) {
                    failures.add(new Failure(
                            instance.getId(),
                            instance.getBusinessKey(),
                            older.getVersion(),
                            "Waiting at " + runtime.getActiveActivityIds(instance.getId()) + ": "
                                    + cannotMove.getMessage().trim()));
                }
            }
        }
        return new Report(processDefinitionKey, latest.getVersion(), migrated, failures);
    }
}
