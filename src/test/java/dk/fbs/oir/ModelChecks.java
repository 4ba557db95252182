package dk.fbs.oir;

import dk.fbs.oir.charge.ChargeProcess;
import dk.fbs.oir.common.ProcessVariable;
import dk.fbs.oir.onboarding.OnboardingProcess;
import dk.fbs.oir.payment.LibraryPaymentProcess;
import dk.fbs.oir.reconciliation.ReconciliationProcess;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The checks a process owner's model must pass, beyond the linters. Each problem reads
 * "element: what is wrong: the fix".
 */
public final class ModelChecks {

    private static final Pattern EXPRESSION_NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern GENERATED_ID = Pattern.compile("\\w+_[0-9a-z]{7}");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult");
    private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "null", "true", "false");

    private ModelChecks() {}

    /** Variables the process backing classes declare: what DMN inputs and expressions may read. */
    public static Set<String> processVariables() {
        return Stream.of(
                        ChargeProcess.class,
                        dk.fbs.oir.charge.ChargeTaskDecisions.class,
                        LibraryPaymentProcess.class,
                        ReconciliationProcess.class,
                        OnboardingProcess.class,
                        dk.fbs.oir.tasklist.TaskDueDate.class)
                .flatMap(backing -> Stream.of(backing.getFields()))
                .filter(field -> field.getType() == ProcessVariable.class)
                .map(field -> {
                    try {
                        return ((ProcessVariable<?>) field.get(null)).name();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toSet());
    }

    public static List<String> bpmn(Path file, Predicate<String> isBean) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        String fileName = file.getFileName().toString();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.getId().equals(fileName.replace(".bpmn", ""))) {
                problems.add(process.getId() + ": the process id must equal the file name " + fileName);
            }
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process.getId() + ": no historyTimeToLive: set it (P1830D for charges)");
            }
        }
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId())
                .collect(Collectors.toSet());
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id != null && GENERATED_ID.matcher(id).matches()) {
                problems.add(id + ": a generated id: give it a readable one (Task_…, Gateway_…)");
            }
            if (element instanceof FlowNode node) {
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(id + ": no name: give it a Danish name");
                }
                if (!shapes.contains(id)) {
                    problems.add(id + ": no diagram shape: lay it out in Camunda Modeler");
                }
            }
            if (element instanceof SequenceFlow && !edges.contains(id)) {
                problems.add(id + ": no diagram edge: lay it out in Camunda Modeler");
            }
        }
        problems.addAll(reachability(model));
        problems.addAll(forms(model));
        Set<String> variables = processVariables();
        expressions(model.getDocument().getRootElement(), null, (elementId, name) -> {
            if (!isBean.test(name) && !variables.contains(name) && !ENGINE_NAMES.contains(name)) {
                problems.add(elementId + ": ${" + name
                        + "} is neither a Spring bean nor a process variable: correct the name");
            }
        });
        return problems;
    }

    public static List<String> dmn(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        Set<String> outputs = model.getModelElementsByType(Output.class).stream()
                .map(Output::getName)
                .collect(Collectors.toSet());
        Set<String> variables = processVariables();
        for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
            String text = input.getText().getTextContent().replaceAll("\"[^\"]*\"", "");
            Matcher names = IDENTIFIER.matcher(text);
            while (names.find()) {
                String name = names.group(1);
                if (!FEEL_WORDS.contains(name) && !outputs.contains(name) && !variables.contains(name)) {
                    problems.add(
                            input.getParentElement().getAttributeValue("id") + ": input '" + name
                                    + "' is no variable the processes provide (see the process backing classes) nor an output of this file");
                }
            }
        }
        String xml = Dmn.convertToString(model);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!xml.contains("dmnElementRef=\"" + decision.getId() + "\"")) {
                problems.add(decision.getId() + ": no diagram shape: lay it out in Camunda Modeler");
            }
        }
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            if (table.getHitPolicy() == HitPolicy.UNIQUE) {
                problems.addAll(overlaps(table));
            }
        }
        return problems;
    }

    /** Two rules of a UNIQUE table overlap where each input entry is the same or "-" on either side. */
    private static List<String> overlaps(DecisionTable table) {
        List<Rule> rules = List.copyOf(table.getRules());
        List<String> problems = new ArrayList<>();
        for (int a = 0; a < rules.size(); a++) {
            for (int b = a + 1; b < rules.size(); b++) {
                if (overlap(rules.get(a), rules.get(b))) {
                    problems.add(
                            rules.get(a).getId() + " and " + rules.get(b).getId()
                                    + ": overlap under hit policy UNIQUE: make their conditions exclusive, or use hit policy FIRST");
                }
            }
        }
        return problems;
    }

    private static boolean overlap(Rule a, Rule b) {
        List<String> left =
                a.getInputEntries().stream().map(e -> e.getTextContent().trim()).toList();
        List<String> right =
                b.getInputEntries().stream().map(e -> e.getTextContent().trim()).toList();
        for (int i = 0; i < left.size(); i++) {
            boolean any = left.get(i).isEmpty()
                    || left.get(i).equals("-")
                    || right.get(i).isEmpty()
                    || right.get(i).equals("-");
            if (!any && !left.get(i).equals(right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> reachability(BpmnModelInstance model) {
        Set<FlowNode> reached = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process || isEventSubProcess(start.getParentElement())) {
                todo.add(start);
            }
        }
        while (!todo.isEmpty()) {
            FlowNode node = todo.poll();
            if (!reached.add(node)) {
                continue;
            }
            node.getOutgoing().forEach(flow -> todo.add(flow.getTarget()));
            if (node instanceof SubProcess sub) {
                todo.addAll(sub.getChildElementsByType(StartEvent.class));
            }
            model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == node)
                    .forEach(todo::add);
        }
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (isEventSubProcess(node)) {
                continue;
            }
            if (!reached.contains(node)) {
                problems.add(node.getId() + ": unreachable from any start event: connect it or remove it");
            }
            if (!(node instanceof EndEvent) && node.getOutgoing().isEmpty()) {
                problems.add(node.getId() + ": a dead end: give it an outgoing flow or make it an end event");
            }
        }
        return problems;
    }

    /** Every user task has a Camunda Form of forms/, bound to the form deployed with it, and no generated form. */
    private static List<String> forms(BpmnModelInstance model) {
        Set<String> formIds = formIds();
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef == null || !formIds.contains(formRef)) {
                problems.add(task.getId() + ": no Camunda Form: set camunda:formRef to the id of a form in forms/ "
                        + (formRef == null ? "" : "('" + formRef + "' is none) ")
                        + "with camunda:formRefBinding=\"deployment\"");
            } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add(
                        task.getId() + ": camunda:formRefBinding must be \"deployment\": the task keeps the form it was"
                                + " deployed with");
            }
            if (task.getExtensionElements() != null
                    && task.getExtensionElements()
                                    .getElementsQuery()
                                    .filterByType(CamundaFormData.class)
                                    .count()
                            > 0) {
                problems.add(task.getId()
                        + ": a generated form (camunda:formData): remove it, the Camunda Form replaces it");
            }
        }
        return problems;
    }

    private static Set<String> formIds() {
        try (var files = java.nio.file.Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form"))
                    .map(f -> {
                        try {
                            return new com.fasterxml.jackson.databind.ObjectMapper()
                                    .readTree(f.toFile())
                                    .path("id")
                                    .asText();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isEventSubProcess(Object element) {
        return element instanceof SubProcess sub && sub.triggeredByEvent();
    }

    /** Every ${name…} in an attribute or text, with the id of the element it belongs to. */
    private static void expressions(
            DomElement element, String ownerId, java.util.function.BiConsumer<String, String> found) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
        StringBuilder texts = new StringBuilder();
        for (String attribute : List.of(
                "delegateExpression",
                "expression",
                "decisionRef",
                "collection",
                "candidateGroups",
                "defaultValue",
                "config")) {
            if (element.hasAttribute("http://camunda.org/schema/1.0/bpmn", attribute)) {
                texts.append(element.getAttribute("http://camunda.org/schema/1.0/bpmn", attribute))
                        .append(' ');
            } else if (element.hasAttribute(attribute)) {
                texts.append(element.getAttribute(attribute)).append(' ');
            }
        }
        if (element.getChildElements().isEmpty() && element.getTextContent() != null) {
            texts.append(element.getTextContent());
        }
        Matcher names = EXPRESSION_NAME.matcher(texts);
        while (names.find()) {
            found.accept(id, names.group(1));
        }
        element.getChildElements().forEach(child -> expressions(child, id, found));
    }
}
