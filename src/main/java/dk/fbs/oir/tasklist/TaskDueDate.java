package dk.fbs.oir.tasklist;

import dk.fbs.oir.common.ProcessVariable;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A task's due date from {@code dmn/task-due-dates.dmn} ({@code <camunda:taskListener
 * delegateExpression="${taskDueDate}" event="create"/>}): so many days from its creation, by the
 * task's id in the process. Tasklist marks a task past its due date, and the caseworkers' filters
 * ({@link TasklistFilters}) sort by it. A task the table gives no days keeps no due date.
 */
@Component("taskDueDate")
public class TaskDueDate implements TaskListener {

    public static final String DECISION = "task-due-dates";
    /** The decision's input: the task's id in its process, e.g. {@code UserTask_HandleDispute}. */
    public static final ProcessVariable<String> TASK_DEFINITION_KEY =
            ProcessVariable.of("taskDefinitionKey", String.class);

    @Override
    public void notify(DelegateTask task) {
        // the table is the application's, not the caseworker's business: read it whoever completed the task before
        CommandContext context = Context.getCommandContext();
        boolean checking = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        Object days;
        try {
            days = task.getProcessEngineServices()
                    .getDecisionService()
                    .evaluateDecisionTableByKey(DECISION)
                    .variables(Map.of(TASK_DEFINITION_KEY.name(), task.getTaskDefinitionKey()))
                    .evaluate()
                    .getSingleResult()
                    .getEntry("dueInDays");
        } finally {
            if (checking) {
                context.enableAuthorizationCheck();
            }
        }
        if (days != null) {
            Date created = task.getCreateTime() == null ? ClockUtil.getCurrentTime() : task.getCreateTime();
            task.setDueDate(Date.from(created.toInstant().plus(Duration.ofDays(((Number) days).longValue()))));
        }
    }
}
