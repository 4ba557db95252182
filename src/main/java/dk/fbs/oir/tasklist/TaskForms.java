package dk.fbs.oir.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a user task (forms/*.form, bound by {@code camunda:formRef} to the form of the
 * same deployment), read on the server so that what the form asks for is checked again when the task
 * is completed: a crafted request does not pass what the form would not let through.
 */
@Component
public class TaskForms {

    /** The form fields a caseworker fills in; read-only ones show facts (see {@link Form#shown()}). */
    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "radio", "select", "checkbox", "checklist", "taglist", "datetime");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One input of a form, with the rules the form gives it; the choices are the form's own {@code values}
     * or, for {@code valuesKey}, those of the task's variable of that name (a JSON list set when the task is created).
     */
    public record Input(
            String key,
            String label,
            boolean required,
            List<String> values,
            String valuesKey,
            Integer maxLength,
            Pattern pattern) {}

    /**
     * A form's inputs, and the keys of its read-only fields: Tasklist submits those too (read-only, unlike
     * disabled, is accessible), so they are task variables, and a submitted value changes only the task's copy.
     */
    public record Form(List<Input> inputs, List<String> shown) {}

    private static final Form NONE = new Form(List.of(), List.of());

    private final Map<String, Form> byDeploymentAndForm = new ConcurrentHashMap<>();

    /** The task's form; no inputs for a task without a Camunda Form (versions deployed before forms/). */
    public Form of(DelegateTask task) {
        String formRef = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        if (formRef == null) {
            return NONE;
        }
        RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
        String deploymentId =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        return byDeploymentAndForm.computeIfAbsent(
                deploymentId + "/" + formRef, k -> load(repository, deploymentId, formRef));
    }

    /**
     * A task is created: what an earlier round of the same task left in the process is removed, so every
     * answer is given anew, and what the form shows read-only becomes the task's own copy, so a submitted
     * value cannot change the process.
     */
    public void prepare(DelegateTask task) {
        Form form = of(task);
        form.inputs().forEach(input -> task.getExecution().removeVariable(input.key()));
        form.shown().stream()
                .filter(key -> !task.hasVariableLocal(key))
                .forEach(key -> task.setVariableLocal(key, task.getVariable(key)));
    }

    /** A task is completed: the submitted values must pass its form, or the task stays open with the Danish message. */
    public void check(DelegateTask task) {
        List<String> problems = problems(of(task).inputs(), task::getVariable);
        if (!problems.isEmpty()) {
            throw new ProcessEngineException(String.join("; ", problems));
        }
    }

    /** What is wrong with the submitted values, in Danish for the caseworker; empty when nothing is. */
    public static List<String> problems(List<Input> inputs, Function<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (Input input : inputs) {
            Object value = values.apply(input.key());
            String text = value == null ? "" : value.toString();
            List<String> choices =
                    input.valuesKey() == null ? input.values() : choices(values.apply(input.valuesKey()));
            if (text.isBlank()) {
                if (input.required()) {
                    problems.add("Udfyld '" + input.label() + "'");
                }
            } else if ((input.valuesKey() != null || !choices.isEmpty()) && !choices.contains(text)) {
                problems.add("Vælg en af mulighederne under '" + input.label() + "'");
            } else if (input.maxLength() != null && text.length() > input.maxLength()) {
                problems.add("'" + input.label() + "' må højst være " + input.maxLength() + " tegn");
            } else if (input.pattern() != null && !input.pattern().matcher(text).matches()) {
                problems.add("'" + input.label() + "' har ikke det rigtige format");
            }
        }
        return problems;
    }

    /** A JSON variable for a form: the rows of a table ({@code dataSource}) or the choices of a field ({@code valuesKey}). */
    public static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of a {@code valuesKey} variable: a JSON list of {label, value} or of plain values. */
    private static List<String> choices(Object variable) {
        if (variable == null) {
            return List.of();
        }
        try {
            List<String> choices = new ArrayList<>();
            JSON.readTree(variable.toString())
                    .forEach(c -> choices.add(c.has("value") ? c.path("value").asText() : c.asText()));
            return choices;
        } catch (IOException notJson) {
            throw new IllegalStateException("The choices of a form field are not a JSON list", notJson);
        }
    }

    /** The form of a form's JSON (a schema of forms/*.form). */
    public static Form of(JsonNode form) {
        Form collected = new Form(new ArrayList<>(), new ArrayList<>());
        collect(form.path("components"), collected);
        return new Form(List.copyOf(collected.inputs()), List.copyOf(collected.shown()));
    }

    private static void collect(JsonNode components, Form form) {
        for (JsonNode c : components) {
            collect(c.path("components"), form);
            if (!INPUT_TYPES.contains(c.path("type").asText())
                    || !c.hasNonNull("key")
                    || c.path("disabled").asBoolean()) {
                continue;
            }
            if (c.path("readonly").asBoolean()) {
                form.shown().add(c.path("key").asText());
                continue;
            }
            JsonNode validate = c.path("validate");
            List<String> values = new ArrayList<>();
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            form.inputs()
                    .add(new Input(
                            c.path("key").asText(),
                            c.path("label").asText(c.path("key").asText()),
                            validate.path("required").asBoolean(),
                            List.copyOf(values),
                            c.hasNonNull("valuesKey") ? c.path("valuesKey").asText() : null,
                            validate.hasNonNull("maxLength")
                                    ? validate.path("maxLength").asInt()
                                    : null,
                            validate.hasNonNull("pattern")
                                    ? Pattern.compile(validate.path("pattern").asText())
                                    : null));
        }
    }

    private static Form load(RepositoryService repository, String deploymentId, String formRef) {
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (!resource.endsWith(".form")) {
                continue;
            }
            try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                JsonNode form = JSON.readTree(in);
                if (formRef.equals(form.path("id").asText())) {
                    return of(form);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        throw new IllegalStateException(
                "Form " + formRef + " is not in deployment " + deploymentId + ": deploy forms/ with the processes");
    }
}
