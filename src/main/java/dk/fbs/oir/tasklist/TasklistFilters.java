package dk.fbs.oir.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The caseworkers' Tasklist filters, created at every start (and brought up to date when their
 * definition here changed): each shows the tasks of the logged-in user's own groups
 * ({@code ${currentUserGroups()}}: sagsbehandler-&lt;code&gt;, projektleder-&lt;code&gt;), the claimed ones
 * included, the nearest due date first (dmn/task-due-dates.dmn via {@link TaskDueDate}), so overdue
 * work is on top. Every user may read the filters; what they list stays within the user's own
 * groups and tenants.
 */
@Component
public class TasklistFilters {

    /** A filter: its name, description, and the task definition keys it narrows to (none: all the groups' tasks). */
    public record Definition(String name, String description, List<String> taskDefinitionKeys) {}

    public static final List<Definition> FILTERS = List.of(
            new Definition(
                    "Min kommunes opgaver", "Alle opgaver til din kommunes grupper, nærmeste frist først", List.of()),
            new Definition("Indsigelser", "Borgernes indsigelser mod gebyrer", List.of("UserTask_HandleDispute")),
            new Definition(
                    "Afviste fordringer",
                    "Fordringer, som debitorsystemet har afvist",
                    List.of("UserTask_HandleRejectedClaim")),
            new Definition(
                    "Afstemningsdifferencer",
                    "Differencer mellem gebyrregistret og debitorsystemet",
                    List.of("UserTask_ResolveDifference")));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        for (int i = 0; i < FILTERS.size(); i++) {
            Definition definition = FILTERS.get(i);
            Filter filter =
                    filters.createFilterQuery().filterName(definition.name()).singleResult();
            boolean isNew = filter == null;
            if (isNew) {
                filter = filters.newTaskFilter(definition.name());
            }
            filter.setQuery(query(definition));
            filter.setProperties(Map.of("description", definition.description(), "priority", i, "refresh", true));
            filters.saveFilter(filter);
            if (isNew) {
                Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
                everyone.setResource(Resources.FILTER);
                everyone.setResourceId(filter.getId());
                everyone.addPermission(Permissions.READ);
                authorizations.saveAuthorization(everyone);
            }
        }
    }

    private TaskQuery query(Definition definition) {
        TaskQuery query = tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(); // a claimed task stays in the list
        if (!definition.taskDefinitionKeys().isEmpty()) {
            query.taskDefinitionKeyIn(definition.taskDefinitionKeys().toArray(String[]::new));
        }
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }
}
