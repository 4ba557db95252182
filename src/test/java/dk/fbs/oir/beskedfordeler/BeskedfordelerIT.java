package dk.fbs.oir.beskedfordeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fbs.oir.FbsClient;
import dk.fbs.oir.PostgresIntegrationTest;
import dk.fbs.oir.TestCharges;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import dk.fbs.oir.simulator.SimulatorProperties;
import dk.fbs.oir.simulator.SimulatorProperties.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Updates through Beskedfordeler against the real RabbitMQ on 127.0.0.1:5672 (started by
 * {@code .ci/run}), with the timed pull (once a day) and the REST notification switched off: every
 * event reaches us over AMQP or not at all. The exchange and queue are this run's own.
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
class BeskedfordelerIT {

    // profile beskedfordeler on this run's own exchange and queue (gone ten minutes after the run);
    // no pull (once a day), no REST notification. Other classes with these properties share the application.
    static final String PROFILE = "spring.profiles.include=beskedfordeler";
    static final String NO_PULL = "debtor-sync.cycle=R/P1D";
    static final String NO_PUSH = "simulator.push-url=";
    static final String EXCHANGE = "beskedfordeler.exchange=fbs-it-${random.uuid}";
    static final String QUEUE = "beskedfordeler.queue=fbs-it-${random.uuid}";
    static final String TEMPORARY = "beskedfordeler.queue-expiry=PT10M";

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

    @Autowired
    SimulatorProperties simulator;

    @Autowired
    ManagementService management;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    private FbsClient fbs;
    private TestBroker broker;

    @BeforeEach
    void clients() {
        fbs = new FbsClient(http);
        broker = new TestBroker(rabbit, connections, properties);
    }

    @AfterEach
    void restoreSimulator() {
        simulator.behaviour(DebtorSystem.KMD_OPUS).setFault(Fault.NONE);
    }

    @Test
    void aCitizensPaymentReachesItsChargeOverAmqpWithThePullAndTheNotificationOff() {
        String id = invoiced("101"); // the invoice itself came over AMQP: nothing else delivers it here
        fbs.payAsCitizen(id, "125.00");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_event e join received_message m"
                                + " on m.debtor_system = e.debtor_system and m.seq = e.seq where e.fbs_charge_id = ?"
                                + " and e.kind = 'INDBETALING_MODTAGET' and e.outcome = 'APPLIED' and m.channel = 'BESKEDFORDELER'",
                        Integer.class,
                        id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sync_cursor", Integer.class))
                .as("the pull never ran")
                .isZero();
    }

    @Test
    void aMessageDeliveredTwiceOutOfOrderOrAsAnotherMessageIsAppliedOnce() {
        String id = invoiced("101");
        String claim = fbs.charge(id).get("debtorSystemClaimId").asText();
        long seq = TestBroker.nextSeqs(2);
        Besked first = TestBroker.payment(DebtorSystem.KMD_OPUS, "101", claim, id, seq, "25.00", "100.00");
        Besked second = TestBroker.payment(DebtorSystem.KMD_OPUS, "101", claim, id, seq + 1, "25.00", "75.00");

        broker.send(second);
        await().until(() -> outcome(second.messageId()), "APPLIED"::equals);
        double repeated = count("REPEATED");
        broker.send(second); // the same message again
        broker.send(first); // the older event after the newer
        broker.send(TestBroker.again(second)); // the same event in another message
        await().until(() -> count("REPEATED") > repeated && outcome(first.messageId()) != null);

        assertThat(outcome(first.messageId())).isEqualTo("IGNORED");
        JsonNode charge = fbs.charge(id);
        assertThat(charge.get("balance").asText()).isEqualTo("75.00");
        assertThat(charge.get("timeline").findValuesAsText("text"))
                .filteredOn(t -> t.startsWith("Indbetaling"))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_event where debtor_system = 'KMD_OPUS' and seq in (?, ?)",
                        Integer.class,
                        seq,
                        seq + 1))
                .isEqualTo(2);
    }

    @Test
    void messagesRedeliveredAfterTheBrokerClosedOurConnectionAreAppliedOnce() throws Exception {
        List<String> charges = List.of(invoiced("101"), invoiced("101"), invoiced("101"));
        List<Besked> sent = new ArrayList<>();
        long seq = TestBroker.nextSeqs(300);
        for (int i = 1; i <= 100; i++) { // 1 øre at a time: the balance after each tells its order
            for (String id : charges) {
                sent.add(TestBroker.payment(
                        DebtorSystem.KMD_OPUS,
                        "101",
                        claimOf(id),
                        id,
                        seq++,
                        "0.01",
                        Money.ofOre(12500 - i).kroner().toPlainString()));
            }
        }
        sent.forEach(broker::send);
        await().until(() -> received(sent) >= 30);
        broker.closeOurConnection(); // what we held unacknowledged comes again once we have reconnected
        sent.subList(0, 30).forEach(broker::send); // and the debtor system sends some once more

        await().atMost(Duration.ofSeconds(60)).until(() -> received(sent) == sent.size());
        for (String id : charges) {
            await().until(() -> fbs.charge(id).get("balance").asText(), "124.00"::equals);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from debtor_event where debtor_system = 'KMD_OPUS'"
                                + " and seq between ? and ?",
                        Integer.class,
                        sent.get(0).event().seq(),
                        seq - 1))
                .isEqualTo(sent.size());
    }

    @Test
    void aPoisonMessageIsParkedForTheOperatorAndTheNextMessageStillFlows() {
        String id = invoiced("621");
        String notJson = "poison-" + UUID.randomUUID();
        String noEvent = "poison-" + UUID.randomUUID();
        broker.send("621.INDBETALING_MODTAGET", notJson, "{\"messageId\": ");
        broker.send(
                "621.INDBETALING_MODTAGET",
                noEvent,
                ("{\"messageId\":\"" + noEvent + "\",\"messageType\":"
                        + "\"INDBETALING_MODTAGET\",\"debtorSystem\":\"PRISME_2015\",\"municipalityCode\":\"621\","
                        + "\"sentAt\":\"2026-11-20T10:00:00+01:00\"}"));
        Besked unknownClaim = TestBroker.payment(
                DebtorSystem.PRISME_2015,
                "621",
                "P15/2026/999999",
                "FBS-621-" + UUID.randomUUID(),
                TestBroker.nextSeq(),
                "10.00",
                "0.00");
        broker.send(unknownClaim);
        broker.send(TestBroker.payment(
                DebtorSystem.PRISME_2015, "621", claimOf(id), id, TestBroker.nextSeq(), "125.00", "0.00"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "PAID".equals(fbs.charge(id).get("status").asText()));
        await().untilAsserted(() -> {
            JsonNode parked = FbsClient.read(http.withBasicAuth("operator", "operator")
                    .getForObject("/api/v1/debtor-systems/parked-events", String.class));
            assertThat(parked.findValuesAsText("messageId")).contains(notJson, noEvent, unknownClaim.messageId());
            assertThat(StreamSupport.stream(parked.spliterator(), false)
                            .filter(p -> noEvent.equals(p.path("messageId").asText()))
                            .findFirst()
                            .orElseThrow()
                            .get("reason")
                            .asText())
                    .isEqualTo("event is missing");
        });
    }

    @Test
    void anEventWhoseChargeIsNotYetSubmittedWaitsForItsOwnChargeOnly() {
        String other = invoiced("621");
        simulator.behaviour(DebtorSystem.KMD_OPUS).setFault(Fault.DOWN); // the claim cannot be created yet
        String waiting = "FBS-101-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(waiting, "101")).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        long early = TestBroker.nextSeq();
        broker.send(new Besked(
                UUID.randomUUID().toString(),
                DebtorSystem.KMD_OPUS,
                OffsetDateTime.now(),
                new DebtorEvent(
                        early,
                        EventKind.CLAIM_CHANGED_MANUALLY,
                        "OP101-EARLY",
                        waiting,
                        "101",
                        null,
                        Money.ofOre(10000),
                        ClaimStatus.INVOICED,
                        null,
                        null,
                        null,
                        OffsetDateTime.now(),
                        "Rettet")));
        broker.send(TestBroker.payment(
                DebtorSystem.PRISME_2015, "621", claimOf(other), other, TestBroker.nextSeq(), "125.00", "0.00"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "PAID".equals(fbs.charge(other).get("status").asText()));
        assertThat(eventOutcome(early)).isEqualTo("NOT_YET");

        simulator.behaviour(DebtorSystem.KMD_OPUS).setFault(Fault.NONE);
        management.createJobQuery().noRetriesLeft().list().forEach(job -> management.setJobRetries(job.getId(), 1));
        // its own events (created, invoiced) come over AMQP while our job still waits for the answer: they wait too
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "INVOICED".equals(fbs.charge(waiting).get("status").asText()));
        await().until(() -> eventOutcome(early), "PARKED"::equals); // it named another claim than the one created
    }

    @Test
    void anEventCommittedAfterALaterOneStillGoesOut() throws Exception {
        String early = invoiced("101");
        String later = invoiced("101");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong seq = new AtomicLong();
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            // as the debtor system writes an event whose transaction is still open (its number taken)
            jdbc.update(
                    "insert into sim_event (debtor_system, municipality_code, claim_id, fbs_charge_id, kind,"
                            + " balance_ore, state, due_date, last_pay_date, occurred_at, visible_at, text)"
                            + " select debtor_system, municipality_code, claim_id, fbs_charge_id, kind, balance_ore,"
                            + " state, due_date, last_pay_date, occurred_at, visible_at, 'Rettet' from sim_event"
                            + " where fbs_charge_id = ? and kind = 'OPKRAEVNING_UDSENDT'",
                    early);
            seq.set(jdbc.queryForObject("select max(seq) from sim_event where fbs_charge_id = ?", Long.class, early));
            inserted.countDown();
            await().until(() -> release.getCount() == 0);
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        fbs.payAsCitizen(later, "125.00"); // a later event, committed and published first
        await().until(() -> "PAID".equals(fbs.charge(later).get("status").asText()));
        release.countDown();
        open.get(10, TimeUnit.SECONDS);
        fbs.payAsCitizen(early, "125.00"); // the next publication takes the earlier event along

        await().until(() -> "PAID".equals(fbs.charge(early).get("status").asText()));
        await().until(
                        () -> jdbc.queryForObject(
                                "select count(*) from received_message where channel = 'BESKEDFORDELER'"
                                        + " and debtor_system = 'KMD_OPUS' and seq = ?",
                                Integer.class,
                                seq.get()),
                        n -> n == 1);
    }

    @Test
    void theBrokerConnectionAndTheQueueAreInHealthAndMetrics() {
        await().untilAsserted(() -> {
            JsonNode health = FbsClient.read(http.getForObject("/actuator/health", String.class));
            assertThat(health.at("/components/beskedfordeler/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/beskedfordeler/details/queue").asText())
                    .isEqualTo(properties.getQueue());
            assertThat(health.at("/components/beskedfordeler/details/consumers").asInt())
                    .isEqualTo(properties.getConcurrency());
        });

        TestRestTemplate operator = http.withBasicAuth("operator", "operator");
        JsonNode depth = FbsClient.read(
                operator.getForObject("/actuator/metrics/fbs.beskedfordeler.queue.messages", String.class));
        assertThat(depth.at("/measurements/0/value").asDouble()).isNotNegative();
        JsonNode connected =
                FbsClient.read(operator.getForObject("/actuator/metrics/fbs.beskedfordeler.connected", String.class));
        assertThat(connected.at("/measurements/0/value").asDouble()).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------

    private String invoiced(String municipality) {
        String id = "FBS-" + municipality + "-" + UUID.randomUUID();
        assertThat(fbs.post("/api/v1/charges", TestCharges.json(id, municipality))
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "INVOICED".equals(fbs.charge(id).get("status").asText()));
        return id;
    }

    private String claimOf(String fbsChargeId) {
        return fbs.charge(fbsChargeId).get("debtorSystemClaimId").asText();
    }

    private String outcome(String messageId) {
        return jdbc
                .queryForList("select outcome from received_message where message_id = ?", String.class, messageId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String eventOutcome(long seq) {
        return jdbc.queryForObject(
                "select outcome from debtor_event where debtor_system = 'KMD_OPUS' and seq = ?", String.class, seq);
    }

    private int received(List<Besked> messages) {
        return jdbc.queryForObject(
                "select count(*) from received_message where channel = 'BESKEDFORDELER'"
                        + " and debtor_system = 'KMD_OPUS' and seq between ? and ?",
                Integer.class,
                messages.get(0).event().seq(),
                messages.get(messages.size() - 1).event().seq());
    }

    private double count(String outcome) {
        var counter = meters.find(BeskedfordelerListener.METRIC)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
