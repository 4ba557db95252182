package dk.fbs.oir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model checks reject broken models and name the element and the fix. */
class ModelChecksTest {

    private static final Predicate<String> BEANS =
            Set.of("forwardLibraryPayment", "chargeFacts", "taskInputCheck", "taskDueDate")::contains;

    @TempDir
    Path dir;

    @Test
    void theShippedPaymentProcessPasses() {
        assertThat(ModelChecks.bpmn(Path.of("processes/library-payment.bpmn"), BEANS))
                .isEmpty();
    }

    @Test
    void aDanglingFlowIsADeadEndAndLeavesItsTargetUnreachable() throws IOException {
        String xml = Files.readString(Path.of("processes/library-payment.bpmn"));
        xml = without(xml, "<bpmndi:BPMNEdge id=\"Flow_ToPaymentForwarded_di\"", "</bpmndi:BPMNEdge>");
        xml = without(xml, "<bpmn:sequenceFlow id=\"Flow_ToPaymentForwarded\"", "/>");
        xml = xml.replace("<bpmn:outgoing>Flow_ToPaymentForwarded</bpmn:outgoing>", "")
                .replace("<bpmn:incoming>Flow_ToPaymentForwarded</bpmn:incoming>", "");
        Path broken = dir.resolve("library-payment.bpmn");
        Files.writeString(broken, xml);

        assertThat(ModelChecks.bpmn(broken, BEANS))
                .anyMatch(p -> p.startsWith("Task_ForwardPayment: a dead end"))
                .anyMatch(p -> p.startsWith("EndEvent_PaymentForwarded: unreachable"));
    }

    @Test
    void anUnknownBeanIsNamedWithItsElement() throws IOException {
        Path broken =
                brokenCopy("processes/library-payment.bpmn", "${forwardLibraryPayment}", "${forwardLibraryPaymnet}");

        assertThat(ModelChecks.bpmn(broken, BEANS))
                .containsExactly("Task_ForwardPayment: ${forwardLibraryPaymnet} is"
                        + " neither a Spring bean nor a process variable: correct the name");
    }

    @Test
    void aUserTaskWithoutAFormIsNamed() throws IOException {
        Path broken = brokenCopy(
                "processes/library-payment.bpmn",
                " camunda:formRef=\"Form_HandleRejectedPayment\" camunda:formRefBinding=\"deployment\"",
                "");

        assertThat(ModelChecks.bpmn(broken, BEANS))
                .containsExactly(
                        "UserTask_HandleRejectedPayment: no Camunda Form:"
                                + " set camunda:formRef to the id of a form in forms/ with camunda:formRefBinding=\"deployment\"");
    }

    @Test
    void aFormRefToNoFormIsNamed() throws IOException {
        Path broken =
                brokenCopy("processes/library-payment.bpmn", "\"Form_HandleRejectedPayment\"", "\"Form_Nothing\"");

        assertThat(ModelChecks.bpmn(broken, BEANS)).singleElement().asString().contains("('Form_Nothing' is none)");
    }

    @Test
    void aMissingShapeIsNamed() throws IOException {
        String xml = Files.readString(Path.of("processes/library-payment.bpmn"));
        Path broken = dir.resolve("library-payment.bpmn");
        Files.writeString(
                broken, without(xml, "<bpmndi:BPMNShape id=\"Task_ForwardPayment_di\"", "</bpmndi:BPMNShape>"));

        assertThat(ModelChecks.bpmn(broken, BEANS))
                .containsExactly("Task_ForwardPayment: no diagram shape: lay it out in Camunda Modeler");
    }

    @Test
    void overlappingRulesUnderUniqueAreNamed() throws IOException {
        String xml = Files.readString(Path.of("dmn/debtor-routing.dmn"));
        int start = xml.indexOf("<rule id=\"Rule_Municipality_561\">");
        int end = xml.indexOf("</rule>", start) + "</rule>".length();
        String copy = xml.substring(start, end).replace("Rule_Municipality_561", "Rule_Municipality_561_Again");
        Path broken = dir.resolve("debtor-routing.dmn");
        Files.writeString(broken, xml.substring(0, end) + "\n      " + copy + xml.substring(end));

        assertThat(ModelChecks.dmn(broken))
                .containsExactly("Rule_Municipality_561 and Rule_Municipality_561_Again:"
                        + " overlap under hit policy UNIQUE: make their conditions exclusive, or use hit policy FIRST");
    }

    @Test
    void anInputNoProcessProvidesIsNamed() throws IOException {
        Path broken = brokenCopy("dmn/collection.dmn", "<text>balanceOre</text>", "<text>balanceKroner</text>");

        assertThat(ModelChecks.dmn(broken))
                .singleElement()
                .asString()
                .contains("input 'balanceKroner' is no variable the processes provide");
    }

    @Test
    void theShippedDecisionsPass() {
        assertThat(ModelChecks.dmn(Path.of("dmn/debtor-routing.dmn"))).isEmpty();
        assertThat(ModelChecks.dmn(Path.of("dmn/collection.dmn"))).isEmpty();
    }

    /** The text without the part from {@code start} up to and including the next {@code end}. */
    private static String without(String xml, String start, String end) {
        int from = xml.indexOf(start);
        assertThat(from).as("%s occurs", start).isNotNegative();
        int to = xml.indexOf(end, from) + end.length();
        return xml.substring(0, from) + xml.substring(to);
    }

    /** A copy of a shipped model with each (from, to) pair replaced; every "from" must occur. */
    private Path brokenCopy(String model, String... replacements) throws IOException {
        String xml = Files.readString(Path.of(model));
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(xml).contains(replacements[i]);
            xml = xml.replace(replacements[i], replacements[i + 1]);
        }
        Path copy = dir.resolve(Path.of(model).getFileName());
        Files.writeString(copy, xml);
        return copy;
    }
}
