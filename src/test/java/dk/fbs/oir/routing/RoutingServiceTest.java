package dk.fbs.oir.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The intake's question "is this a municipality?": asked of the register once per code and version. */
class RoutingServiceTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml")
            .build();

    @Test
    @Deployment(resources = "dmn/debtor-routing.dmn")
    void theRegisterIsEvaluatedOncePerCodeAndANewVersionCountsAtOnce() throws Exception {
        RoutingService routing = new RoutingService(engine.getDecisionService(), engine.getRepositoryService());
        for (int i = 0; i < 3; i++) {
            assertThat(routing.isKnown("101")).isTrue();
        }
        assertThat(routing.isKnown("155")).as("Dragør: known, not enrolled").isTrue();
        assertThat(routing.isKnown("999")).isFalse();
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionKey(RoutingService.REGISTER_DECISION_KEY)
                        .count())
                .isEqualTo(3);

        // a process owner replaces Frederiksberg's code in a new version of the register
        String changed = Files.readString(Path.of("dmn/debtor-routing.dmn")).replace("\"147\"", "\"999\"");
        String deployment = engine.getRepositoryService()
                .createDeployment()
                .addString("debtor-routing.dmn", changed)
                .deploy()
                .getId();
        try {
            assertThat(routing.isKnown("999")).isTrue();
            assertThat(routing.isKnown("147")).isFalse();
            assertThat(routing.isKnown("101")).isTrue();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
        assertThat(routing.isKnown("999"))
                .as("the first version is the latest again")
                .isFalse();
    }
}
