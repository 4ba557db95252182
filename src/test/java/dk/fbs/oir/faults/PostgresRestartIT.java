package dk.fbs.oir.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.fbs.oir.FbsClient;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.simulator.SimulatorProperties;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops at once (as a crash would) while charges are being processed and comes back a
 * few seconds later: the running application recovers by itself, without a restart, and every
 * charge ends as in an undisturbed run. The database is a private cluster of this test
 * ({@link PrivatePostgres}), never the shared server; it goes when the test JVM ends, after the
 * application that uses it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            FaultSettings.LOCK_TIME, // jobs in flight when the database went are free again after 15 s
            FaultSettings.SYNC_CYCLE,
            FaultSettings.RETRIES,
            // the health check gives up on the database after 3 s instead of 30
            "spring.datasource.hikari.connection-timeout=3000"
        })
@ActiveProfiles({"simulator", "test"})
class PostgresRestartIT {

    private static PrivatePostgres postgres;

    @DynamicPropertySource
    static void privateCluster(DynamicPropertyRegistry registry) {
        postgres = PrivatePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    ProcessEngine engine;

    @Test
    void postgresRestartedUnderLoad_theApplicationRecoversWithoutRestartAndLosesNothing() {
        FbsClient fbs = new FbsClient(http);
        for (DebtorSystem system : DebtorSystem.values()) {
            simulator.behaviour(system).setAnswerDelay(Duration.ofMillis(300));
        }
        ChargeBatch before = new ChargeBatch(jdbc, engine).post(24, fbs);
        long submitted = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(before::submitted, n -> n >= 4);
        assertThat(submitted).as("charges submitted before the database goes").isLessThan(24);

        postgres.stopImmediately();
        await("the application sees the database down")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.getForEntity("/actuator/health", String.class)
                                .getStatusCode(),
                        HttpStatus.SERVICE_UNAVAILABLE::equals);
        postgres.startServer();

        await("health UP again")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.getForEntity("/actuator/health", String.class)
                                .getStatusCode(),
                        HttpStatus.OK::equals);
        ChargeBatch after = new ChargeBatch(jdbc, engine).post(8, fbs); // and it takes new charges

        before.awaitUndisturbedEnd(Duration.ofSeconds(120));
        after.awaitUndisturbedEnd(Duration.ofSeconds(30));
    }
}
