package dk.fbs.oir.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** processes/debtor-sync.bpmn: the timer starts one read per debtor system. */
@Deployment(resources = "processes/debtor-sync.bpmn")
class DebtorSyncProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> read = new ArrayList<>();

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("debtorSyncSettings", new DebtorSyncSettings("R/PT1M"));
        Mocks.register("debtorSync", new Systems());
        Mocks.register("readDebtorEvents", (JavaDelegate)
                execution -> read.add((String) execution.getVariable("debtorSystem")));
    }

    /** Stands in for {@link DebtorSync#systems()}. */
    public static class Systems {
        public List<String> systems() {
            return Arrays.stream(DebtorSystem.values()).map(Enum::name).toList();
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theTimerReadsEveryDebtorSystemOnce() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        execute(timer);
        managementService().createJobQuery().executable().list().forEach(BpmnAwareTests::execute);

        assertThat(read).containsExactlyInAnyOrderElementsOf(new Systems().systems());
        assertThat(historyService()
                        .createHistoricProcessInstanceQuery()
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(managementService().createJobQuery().timers().count())
                .as("the next run is scheduled")
                .isEqualTo(1);
    }
}
