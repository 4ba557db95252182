package dk.fbs.oir.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * FBS' batch on PostgreSQL with the job executor running: overlapping batches posted at the same
 * time store each charge once, with one process, which then runs; a chunk that meets another
 * intake of one of its ids still stores the rest of its charges.
 */
/*
 * Hundreds of claims at once: up to 20 job threads each hold a connection during their SOAP call, and
 * the simulated debtor systems answer from this same application's pool (20 by default), so with the
 * default pool the calls wait for connections until they time out. Here, room for both, and patience.
 */
@PostgresIntegrationTest(
        properties = {
            "oir.endpoints.kmd-opus.receive-timeout=PT20S", "oir.endpoints.prisme-2015.receive-timeout=PT20S",
            "oir.endpoints.prisme-2009.receive-timeout=PT20S", "oir.endpoints.eg-os-indsigt.receive-timeout=PT20S",
            "spring.datasource.hikari.maximum-pool-size=40"
        })
class ChargeBatchIT {

    private static final List<String> MUNICIPALITIES = List.of("101", "621", "561", "173");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    HistoryService history;

    private FbsClient fbs;
    private final String tag = "BATCH-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void fbs() {
        fbs = new FbsClient(http);
    }

    @Test
    void overlappingBatchesPostedAtOnceStoreEachChargeOnceAndTheirProcessesRun() throws Exception {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> tag + "-" + i).toList();
        List<String> first = ids.subList(0, 150); // two chunks each
        List<String> second = new ArrayList<>(ids.subList(50, 200));
        Collections.reverse(second); // the overlap in the other order

        List<JsonNode> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<JsonNode>> posts = List.of(() -> post(first), () -> post(second));
            for (Future<JsonNode> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        Map<String, List<Integer>> statuses = new HashMap<>();
        answers.forEach(results -> results.forEach(
                result -> statuses.computeIfAbsent(result.get("fbsChargeId").asText(), id -> new ArrayList<>())
                        .add(result.get("status").asInt())));
        assertThat(statuses).hasSize(200).allSatisfy((id, answered) -> {
            assertThat(answered).as(id).isSubsetOf(202, 200).hasSize(first.contains(id) && second.contains(id) ? 2 : 1);
            assertThat(answered).as(id + ": received once").containsOnlyOnce(202);
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from charge where fbs_charge_id like ?", Long.class, tag + "-%"))
                .isEqualTo(200);
        assertThat(processInstances())
                .hasSize(200)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

        await("every charge submitted")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select status from charge where fbs_charge_id like ?", String.class, tag + "-%"))
                        .hasSize(200)
                        .isSubsetOf("SUBMITTED", "INVOICED"));
        assertThat(fbs.claims(ids.get(0))).hasSize(1);

        assertThat(FbsClient.statuses(post(first)))
                .as("the same batch again")
                .hasSize(150)
                .containsOnly(200);
        assertThat(processInstances())
                .hasSize(200)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    /**
     * Another intake holds one id of the chunk uncommitted (here: a row of different content); the
     * chunk waits for it, fails on its key, and is taken again charge by charge: that one is a 409,
     * the others are stored.
     */
    @Test
    void aChunkThatMeetsAnotherIntakeOfOneOfItsIdsStoresTheRest() throws Exception {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> tag + "-" + i).toList();
        String taken = ids.get(2);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            insertOtherCharge(other, taken);
            CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> post(ids));
            await("the chunk waits for the other intake")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from pg_stat_activity where datname = current_database()"
                                            + " and wait_event_type = 'Lock' and query like 'insert into charge %'",
                                    Long.class)
                            > 0);
            other.commit();

            JsonNode results = answer.get();
            assertThat(FbsClient.statuses(results)).containsExactly(202, 202, 409, 202, 202);
            assertThat(results.get(2).at("/problem/title").asText()).isEqualTo("Charge already exists");
            assertThat(processInstances()).containsOnlyKeys(ids.get(0), ids.get(1), ids.get(3), ids.get(4));
        } finally {
            jdbc.update("delete from charge where fbs_charge_id = ?", taken);
        }
    }

    /** The charges with these ids as one batch, each for one of the four debtor systems. */
    private JsonNode post(List<String> ids) {
        List<String> charges = new ArrayList<>();
        for (String id : ids) {
            int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            charges.add(TestCharges.json(id, MUNICIPALITIES.get(n % MUNICIPALITIES.size())));
        }
        JsonNode results = fbs.postBatch(charges);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(results.get(i).get("fbsChargeId").asText())
                    .as("in the order sent")
                    .isEqualTo(ids.get(i));
        }
        return results;
    }

    /** Charge process instances ever started, by business key, for this test's charges. */
    private Map<String, Integer> processInstances() {
        Map<String, Integer> counts = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ChargeProcess.KEY)
                .processInstanceBusinessKeyLike(tag + "-%")
                .list()) {
            counts.merge(instance.getBusinessKey(), 1, Integer::sum);
        }
        return counts;
    }

    private static void insertOtherCharge(Connection connection, String id) throws Exception {
        try (PreparedStatement insert =
                connection.prepareStatement("insert into charge (fbs_charge_id, municipality_code,"
                        + " debtor_cpr, debtor_name, charge_type, amount_ore, balance_ore, description, occurred_on, status,"
                        + " request_hash, created_at, updated_at) values (?, '101', ?, 'Anden', 'OVERDUE_FEE', 1, 1, 'Andet',"
                        + " date '2026-11-20', 'RECEIVED', 'another charge', now(), now())")) {
            insert.setString(1, id);
            insert.setString(2, TestCharges.CPR);
            insert.executeUpdate();
        }
    }
}
