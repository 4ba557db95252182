package dk.fbs.oir.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.fbs.oir.FbsClient;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.charge.ChargeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch of charges for all four debtor systems, and the end an undisturbed run gives each of
 * them: {@code INVOICED} after exactly RECEIVED → SUBMITTED → INVOICED, one claim in the debtor
 * system (the simulator's ledger) with the full amount, no incident.
 */
final class ChargeBatch {

    private static final List<String> MUNICIPALITIES = List.of("101", "621", "561", "173");

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> ids = new ArrayList<>();
    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;

    /** Reads the database the nodes share: our tables and the simulator's, and the engine of this JVM's node. */
    ChargeBatch(JdbcTemplate jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** Posts {@code count} charges, spread over the municipalities and over the given nodes in turn. */
    ChargeBatch post(int count, FbsClient... nodes) {
        for (int i = 0; i < count; i++) {
            String municipality = MUNICIPALITIES.get(i % MUNICIPALITIES.size());
            String id = "FBS-" + municipality + "-" + tag + "-" + i;
            assertThat(nodes[i % nodes.length]
                            .post("/api/v1/charges", TestCharges.json(id, municipality))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            ids.add(id);
        }
        return this;
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    /** The charges' statuses in our ledger. */
    Map<String, String> statuses() {
        Map<String, String> statuses = new HashMap<>();
        byCharge("select fbs_charge_id, status from charge where fbs_charge_id like ?")
                .forEach((id, status) -> statuses.put(id, status.get(0)));
        return statuses;
    }

    /** How many charges have left RECEIVED. */
    long submitted() {
        return statuses().values().stream().filter(s -> !"RECEIVED".equals(s)).count();
    }

    /** The charges that have a claim in the debtor system. */
    Set<String> withClaim() {
        return byCharge("select fbs_charge_id, claim_id from sim_claim where fbs_charge_id like ?")
                .keySet();
    }

    /** Waits until every charge is INVOICED, then checks each ended as in an undisturbed run. */
    void awaitUndisturbedEnd(Duration atMost) {
        await("every charge INVOICED")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        statuses().values().stream().filter("INVOICED"::equals).count() == ids.size());

        assertThat(byCharge("select fbs_charge_id, status from charge_timeline where fbs_charge_id like ? order by id"))
                .hasSize(ids.size())
                .allSatisfy((id, timeline) ->
                        assertThat(timeline).as(id).containsExactly("RECEIVED", "SUBMITTED", "INVOICED"));

        Map<String, List<String>> claims =
                byCharge("select c.fbs_charge_id, s.claim_id || ' ' || s.principal_ore || ' '"
                        + " || s.state from sim_claim s join charge c on c.fbs_charge_id = s.fbs_charge_id"
                        + " and c.debtor_system_claim_id = s.claim_id where s.fbs_charge_id like ?");
        Map<String, List<String>> allClaims =
                byCharge("select fbs_charge_id, claim_id from sim_claim where fbs_charge_id like ?");
        assertThat(allClaims)
                .as("claims in the debtor system")
                .hasSize(ids.size())
                .allSatisfy((id, list) -> assertThat(list).as(id).hasSize(1));
        assertThat(claims)
                .as("the claim each charge refers to")
                .hasSize(ids.size())
                .allSatisfy((id, list) ->
                        assertThat(list).as(id).singleElement().asString().endsWith(" 12500 OPKRAEVET"));

        assertThat(engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ChargeProcess.KEY)
                        .processInstanceBusinessKeyLike(pattern())
                        .count())
                .as("charge process instances")
                .isEqualTo(ids.size());
        assertThat(engine.getRuntimeService().createIncidentQuery().list())
                .extracting(incident -> incident.getActivityId() + ": " + incident.getIncidentMessage())
                .as("incidents")
                .isEmpty();
    }

    /** The rows of a query with the batch's id pattern as its one parameter, by their first column. */
    private Map<String, List<String>> byCharge(String sql) {
        Map<String, List<String>> rows = new HashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    rows.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                pattern());
        return rows;
    }

    private String pattern() {
        return "%-" + tag + "-%";
    }
}
