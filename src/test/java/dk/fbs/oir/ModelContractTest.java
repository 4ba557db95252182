package dk.fbs.oir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contract between the models a process owner edits and the code: every file in processes/
 * and dmn/ parses, is deployed, has diagram layout and readable ids, and every ${bean} it names
 * exists.
 */
@DirtiesContext // one Camunda engine "default" per JVM at a time
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ModelContractTest {

  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern GENERATED_ID = Pattern.compile("\\w+_[0-9a-z]{7}");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;

  static Stream<Path> bpmnFiles() throws IOException {
    return files("processes", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("dmn", ".dmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void processModelHonoursTheContract(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    String fileName = file.getFileName().toString();

    assertThat(process.getId()).as("process id of %s equals its file name", fileName)
        .isEqualTo(fileName.replace(".bpmn", ""));
    assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", fileName).isNotBlank();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).count())
        .as("%s is deployed", fileName).isPositive();
    assertThat(Files.readString(file)).as("%s has diagram layout", fileName).contains("bpmndi:BPMNShape");

    List<String> problems = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
        problems.add(element.getId() + ": give it a readable id");
      }
      if (element instanceof FlowElement flow && !(flow instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)
          && (flow.getName() == null || flow.getName().isBlank())) {
        problems.add(element.getId() + ": give it a Danish name");
      }
    }
    Matcher beans = BEAN.matcher(Files.readString(file));
    while (beans.find()) {
      String name = beans.group(1);
      if (!context.containsBean(name) && !isProcessVariable(name)) {
        problems.add("${" + name + "}: no Spring bean of that name");
      }
    }
    assertThat(problems).as("problems in %s", fileName).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyElementIsReachableAndLeadsSomewhere(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    java.util.Set<FlowNode> reached = new java.util.HashSet<>();
    java.util.Deque<FlowNode> todo = new java.util.ArrayDeque<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean eventSubProcess = start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent();
      if (start.getParentElement() instanceof Process || eventSubProcess) {
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
        sub.getChildElementsByType(StartEvent.class).forEach(todo::add);
      }
      model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(boundary -> boundary.getAttachedTo() == node).forEach(todo::add);
    }
    List<String> problems = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      if (!reached.contains(node) && !eventSubProcess) {
        problems.add(node.getId() + ": unreachable from any start event: connect it or remove it");
      }
      if (!(node instanceof EndEvent) && !eventSubProcess && node.getOutgoing().isEmpty()) {
        problems.add(node.getId() + ": a dead end: give it an outgoing flow or make it an end event");
      }
    }
    assertThat(problems).as("problems in %s", file.getFileName()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void everyDecisionInputIsAVariableTheProcessesProvide(Path file) {
    var model = Dmn.readModelFromFile(file.toFile());
    java.util.Set<String> outputsOfThisFile = new java.util.HashSet<>();
    model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Output.class)
        .forEach(output -> outputsOfThisFile.add(output.getName()));
    List<String> problems = new ArrayList<>();
    for (var input : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.InputExpression.class)) {
      String expression = input.getText().getTextContent().replaceAll("\"[^\"]*\"", "");
      Matcher names = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()").matcher(expression);
      while (names.find()) {
        String name = names.group(1);
        if (!FEEL_WORDS.contains(name) && !outputsOfThisFile.contains(name) && !isProcessVariable(name)) {
          problems.add(input.getParentElement().getAttributeValue("id") + ": input '" + name
              + "' is no variable of the processes (see the process backing classes) nor an output of this file");
        }
      }
    }
    assertThat(problems).as("problems in %s", file.getFileName()).isEmpty();
  }

  private static final List<String> FEEL_WORDS = List.of("and", "or", "not", "null", "true", "false");

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void decisionModelIsDeployedWithLayout(Path file) throws IOException {
    var model = Dmn.readModelFromFile(file.toFile());
    assertThat(model.getDefinitions().getChildElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class))
        .allSatisfy(decision -> assertThat(
            repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getId()).count()).isPositive());
    assertThat(Files.readString(file)).contains("dmndi:DMNShape");
  }

  /** Variables read by expressions (e.g. ${route == ...}) are not beans: the backing classes declare them. */
  private static boolean isProcessVariable(String name) {
    if (List.of("execution", "decisionResult").contains(name)) { // provided by the engine
      return true;
    }
    return Stream.of(dk.fbs.oir.charge.ChargeProcess.class, dk.fbs.oir.payment.LibraryPaymentProcess.class)
        .flatMap(backing -> Stream.of(backing.getFields()))
        .filter(field -> field.getType() == dk.fbs.oir.common.ProcessVariable.class)
        .map(field -> {
          try {
            return ((dk.fbs.oir.common.ProcessVariable<?>) field.get(null)).name();
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        })
        .anyMatch(name::equals);
  }

  private static Stream<Path> files(String dir, String suffix) throws IOException {
    return Files.list(Path.of(dir)).filter(p -> p.toString().endsWith(suffix)).sorted();
  }
}
