package dk.fbs.oir.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.SoapCallRecorder;
import dk.fbs.oir.SoapCallRecorder.Call;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorProperties;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Application nodes on one PostgreSQL database: a second node executing jobs next to the first, and
 * a node killed with SIGKILL in the middle of a batch and started again. Node "a" runs in this JVM
 * and also plays the four debtor systems (the simulator, whose ledger is in the same database);
 * node "b" is a separate JVM ({@link AppNode}) without the simulator whose ØiR endpoints point at
 * node a's simulator, as two real nodes would share the municipalities' debtor systems. Each node
 * marks its SOAP calls ({@code ?node=}), so {@link SoapCallRecorder} tells which node sent what.
 * Every node uses {@link FaultSettings}.
 */
@PostgresIntegrationTest(
        properties = {
            FaultSettings.LOCK_TIME,
            FaultSettings.SYNC_CYCLE,
            FaultSettings.RETRIES,
            "oir.endpoints.kmd-opus.url=http://localhost:${local.server.port}/services/simulator/kmd-opus?node=a",
            "oir.endpoints.prisme-2015.url=http://localhost:${local.server.port}/services/simulator/prisme-2015?node=a",
            "oir.endpoints.prisme-2009.url=http://localhost:${local.server.port}/services/simulator/prisme-2009?node=a",
            "oir.endpoints.eg-os-indsigt.url=http://localhost:${local.server.port}/services/simulator/eg-os-indsigt?node=a"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFaultsIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    SoapCallRecorder soapCalls;

    @Autowired
    ProcessEngine engine;

    private AppNode nodeB;
    private int nodeBStarts;

    @BeforeEach
    void nodeBRuns() {
        if (nodeB == null || !nodeB.isAlive()) {
            nodeB = startNodeB();
        }
    }

    @AfterEach
    void restore() {
        for (DebtorSystem system : DebtorSystem.values()) {
            simulator.behaviour(system).setAnswerDelay(Duration.ZERO);
        }
        jobExecutorOfNodeA().start();
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void twoNodesExecuteJobs_eachClaimIsSubmittedExactlyOnce() {
        answerDelay(Duration.ofMillis(300)); // calls overlap, so both job executors are busy at once
        ChargeBatch batch = new ChargeBatch(jdbc, engine).post(40, new FbsClient(http), fbs(nodeB));

        batch.awaitUndisturbedEnd(Duration.ofSeconds(90));

        Map<String, List<Call>> submissions = submissions(batch);
        assertThat(submissions)
                .hasSize(40)
                .allSatisfy((ref, calls) ->
                        assertThat(calls).as("calls with " + ref).hasSize(1));
        Map<String, Long> byNode = submissions.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(c -> c.node().substring(0, 1), Collectors.counting()));
        assertThat(byNode)
                .as("claims submitted by each node")
                .containsOnlyKeys("a", "b")
                .allSatisfy((node, count) -> assertThat(count).isPositive());
    }

    @Test
    void aNodeKilledInTheMiddleOfABatchAndRestarted_everyChargeEndsAsUndisturbed() {
        jobExecutorOfNodeA().shutdown(); // only node b works, so its restart must finish the batch
        answerDelay(Duration.ofSeconds(1)); // SOAP calls are in progress when the node dies
        String killed = "b" + nodeBStarts;
        ChargeBatch batch = new ChargeBatch(jdbc, engine).post(24, fbs(nodeB));

        await("node b in the middle of the batch")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> batch.submitted() > 0
                        && soapCalls.inFlight().stream()
                                        .filter(c -> c.creates() && killed.equals(c.node()))
                                        .count()
                                >= 3);
        assertThat(nodeB.kill()).as("exit value after SIGKILL").isEqualTo(128 + 9);

        // the debtor systems finish the calls they received: claims whose charge we never recorded as submitted
        await().atMost(Duration.ofSeconds(10))
                .until(() -> soapCalls.inFlight().stream().noneMatch(Call::creates));
        Map<String, String> statuses = batch.statuses();
        Set<String> acceptedButNotCommitted = new HashSet<>(batch.withClaim());
        acceptedButNotCommitted.removeIf(id -> !"RECEIVED".equals(statuses.get(id)));
        assertThat(acceptedButNotCommitted)
                .as("claims created while the node died before its commit")
                .isNotEmpty();

        answerDelay(Duration.ZERO);
        nodeB = startNodeB();
        batch.awaitUndisturbedEnd(Duration.ofSeconds(120));

        // those were sent again by the successor, with the same reference, and deduplicated by it
        Map<String, List<Call>> submissions = submissions(batch);
        for (String id : acceptedButNotCommitted) {
            assertThat(submissions.get(id + "/opret/1"))
                    .extracting(Call::node)
                    .startsWith(killed)
                    .endsWith("b" + nodeBStarts);
        }
    }

    // ------------------------------------------------------------------

    private AppNode startNodeB() {
        nodeBStarts++;
        String node = "b" + nodeBStarts;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "test");
        properties.put("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url"));
        properties.put("spring.datasource.username", environment.getRequiredProperty("spring.datasource.username"));
        properties.put("spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
        for (DebtorSystem system : DebtorSystem.values()) {
            properties.put(
                    "oir.endpoints." + system.slug() + ".url",
                    "http://localhost:" + port + "/services/simulator/" + system.slug() + "?node=" + node);
        }
        properties.putAll(FaultSettings.asProperties());
        return AppNode.start("node-" + node, properties);
    }

    private static FbsClient fbs(AppNode node) {
        return new FbsClient(new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl())));
    }

    /** The claim-creating calls of the batch, by idempotency reference. */
    private Map<String, List<Call>> submissions(ChargeBatch batch) {
        return soapCalls.calls().stream()
                .filter(c -> c.creates()
                        && batch.ids()
                                .contains(c.idempotencyRef()
                                        .substring(0, c.idempotencyRef().indexOf('/'))))
                .collect(Collectors.groupingBy(Call::idempotencyRef));
    }

    private void answerDelay(Duration delay) {
        for (DebtorSystem system : DebtorSystem.values()) {
            simulator.behaviour(system).setAnswerDelay(delay);
        }
    }

    private JobExecutor jobExecutorOfNodeA() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
