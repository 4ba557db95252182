package dk.fbs.oir.beskedfordeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A burst of 500 events (50 charges, 10 payments of 1 øre each) published at once: none is lost,
 * each is applied once, every charge ends at its last balance. Asserts no speed; it prints
 * events per second. {@code bench/beskedfordeler.sh} runs it with 10,000 events for
 * {@code bench/README.md} ({@code -Dburst.charges}, {@code -Dburst.payments}). Shares {@link BeskedfordelerIT}'s application.
 */
@PostgresIntegrationTest(
        properties = {
            BeskedfordelerIT.PROFILE,
            BeskedfordelerIT.NO_PULL,
            BeskedfordelerIT.NO_PUSH,
            BeskedfordelerIT.EXCHANGE,
            BeskedfordelerIT.QUEUE,
            BeskedfordelerIT.TEMPORARY
        })
class BeskedfordelerBurstIT {

    private static final int CHARGES = Integer.getInteger("burst.charges", 50);
    private static final int PAYMENTS = Integer.getInteger("burst.payments", 10);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    CachingConnectionFactory connections;

    @Autowired
    BeskedfordelerProperties properties;

    @Test
    void aBurstOfEventsIsAppliedWithNoneLost() {
        FbsClient fbs = new FbsClient(http);
        List<String> charges = new ArrayList<>();
        for (int i = 0; i < CHARGES; i++) {
            String id = "FBS-101-" + UUID.randomUUID();
            assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, "101")).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            charges.add(id);
        }
        List<String> claims = new ArrayList<>();
        for (String id : charges) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> "INVOICED".equals(fbs.charge(id).get("status").asText()));
            claims.add(fbs.charge(id).get("debtorSystemClaimId").asText());
        }
        int total = CHARGES * PAYMENTS;
        long first = TestBroker.nextSeqs(total);
        List<Besked> burst = new ArrayList<>(total);
        for (int p = 1; p <= PAYMENTS; p++) { // round robin over the charges, as a day's payments come
            for (int c = 0; c < CHARGES; c++) {
                burst.add(TestBroker.payment(
                        DebtorSystem.KMD_OPUS,
                        "101",
                        claims.get(c),
                        charges.get(c),
                        first + (long) (p - 1) * CHARGES + c,
                        "0.01",
                        Money.ofOre(12500 - p).kroner().toPlainString()));
            }
        }
        TestBroker broker = new TestBroker(rabbit, connections, properties);

        long start = System.nanoTime();
        burst.forEach(broker::send);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from received_message where debtor_system = 'KMD_OPUS' and seq between ? and ?",
                                Integer.class,
                                first,
                                first + total - 1)
                        == total);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "Beskedfordeler burst: %d events in %.1f s, %.0f events/s%n", total, seconds, total / seconds);

        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_event where debtor_system = 'KMD_OPUS'"
                                + " and seq between ? and ?",
                        Integer.class,
                        first,
                        first + total - 1))
                .isEqualTo(total);
        String last = Money.ofOre(12500 - PAYMENTS).kroner().toPlainString();
        for (String id : charges) {
            assertThat(fbs.charge(id).get("balance").asText()).as(id).isEqualTo(last);
        }
    }
}
