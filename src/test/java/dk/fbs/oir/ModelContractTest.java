package dk.fbs.oir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contract between the models a process owner edits and the code: every file in processes/
 * and dmn/ passes {@link ModelChecks} against the running application's beans and is deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"simulator", "test"})
class ModelContractTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    static Stream<Path> bpmnFiles() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files("dmn", ".dmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void processModelHonoursTheContract(Path file) {
        assertThat(ModelChecks.bpmn(file, context::containsBean))
                .as("problems in %s", file.getFileName())
                .isEmpty();
        String key = file.getFileName().toString().replace(".bpmn", "");
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .count())
                .as("%s is deployed", file.getFileName())
                .isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void decisionModelHonoursTheContract(Path file) {
        assertThat(ModelChecks.dmn(file))
                .as("problems in %s", file.getFileName())
                .isEmpty();
        Dmn.readModelFromFile(file.toFile())
                .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                .forEach(decision -> assertThat(repository
                                .createDecisionDefinitionQuery()
                                .decisionDefinitionKey(decision.getId())
                                .count())
                        .as("%s is deployed", decision.getId())
                        .isPositive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyDecisionVersionTagABpmnBindsToIsTheOneInDmn(Path file) throws IOException {
        var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file.toFile());
        for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class)) {
            if ("versionTag".equals(task.getCamundaDecisionRefBinding())) {
                var decision = files("dmn", ".dmn")
                        .flatMap(dmn -> Dmn.readModelFromFile(dmn.toFile())
                                .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                                .stream())
                        .filter(d -> d.getId().equals(task.getCamundaDecisionRef()))
                        .findFirst()
                        .orElseThrow();
                assertThat(task.getCamundaDecisionRefVersionTag())
                        .as(
                                "%s binds %s by versionTag: keep it equal to the DMN's camunda:versionTag",
                                task.getId(), decision.getId())
                        .isEqualTo(decision.getVersionTag());
            }
        }
    }

    private static Stream<Path> files(String dir, String suffix) throws IOException {
        return Files.list(Path.of(dir))
                .filter(p -> p.toString().endsWith(suffix))
                .sorted();
    }
}
