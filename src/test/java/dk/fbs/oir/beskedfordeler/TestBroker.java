package dk.fbs.oir.beskedfordeler;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The debtor systems' side of the broker for the integration tests: messages published to the
 * test's own exchange, and the broker closing our connection (as a broker restart does).
 */
final class TestBroker {

    /** Sequence numbers of hand-made events, far above the simulator's, so they never meet one of its events. */
    private static final AtomicLong SEQ =
            new AtomicLong(2_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 1_000);

    private final RabbitTemplate rabbit;
    private final CachingConnectionFactory connections;
    private final String exchange;

    TestBroker(RabbitTemplate rabbit, CachingConnectionFactory connections, BeskedfordelerProperties properties) {
        this.rabbit = rabbit;
        this.connections = connections;
        this.exchange = properties.getExchange();
    }

    static long nextSeq() {
        return nextSeqs(1);
    }

    /** The first of {@code n} sequence numbers of hand-made events that no other test uses. */
    static long nextSeqs(int n) {
        return SEQ.getAndAdd(n) + 1;
    }

    /** A citizen's payment as the debtor system reports it: the amount and the claim's balance after it. */
    static Besked payment(
            DebtorSystem system,
            String municipality,
            String claimId,
            String fbsChargeId,
            long seq,
            String amount,
            String balance) {
        Money after = Money.ofKroner(new BigDecimal(balance));
        return new Besked(
                UUID.randomUUID().toString(),
                system,
                OffsetDateTime.now(),
                new DebtorEvent(
                        seq,
                        EventKind.PAYMENT_RECEIVED,
                        claimId,
                        fbsChargeId,
                        municipality,
                        Money.ofKroner(new BigDecimal(amount)),
                        after,
                        after.isPositive() ? ClaimStatus.INVOICED : ClaimStatus.PAID,
                        null,
                        null,
                        null,
                        OffsetDateTime.now(),
                        "Indbetaling (MobilePay)"));
    }

    /** The same event in another message (another message id). */
    static Besked again(Besked besked) {
        return new Besked(UUID.randomUUID().toString(), besked.debtorSystem(), besked.sentAt(), besked.event());
    }

    void send(Besked besked) {
        send(besked.routingKey(), besked.messageId(), besked.json());
    }

    void send(String routingKey, String messageId, byte[] body) {
        rabbit.send(
                exchange,
                routingKey,
                MessageBuilder.withBody(body)
                        .setMessageId(messageId)
                        .setContentType("application/json")
                        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                        .build());
    }

    void send(String routingKey, String messageId, String body) {
        send(routingKey, messageId, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The broker closes our connection, as when it restarts: unacknowledged messages go back to the
     * queue and are delivered again once we have reconnected. Only this application's connection is
     * closed ({@code rabbitmqctl close_connection}, found by its local port), not those of other test
     * runs on the same broker.
     */
    void closeOurConnection() throws IOException, InterruptedException {
        int port = connections.createConnection().getLocalPort();
        Process list = new ProcessBuilder(
                        "rabbitmqctl", "list_connections", "pid", "peer_port", "-q", "--no-table-headers")
                .redirectErrorStream(true)
                .start();
        String pid = null;
        for (String line : new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2 && columns[1].equals(String.valueOf(port))) {
                pid = columns[0];
            }
        }
        assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pid)
                .as("our connection (local port %d) among the broker's", port)
                .isNotNull();
        Process close = new ProcessBuilder("rabbitmqctl", "close_connection", pid, "test: broker restart")
                .redirectErrorStream(true)
                .start();
        assertThat(close.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(close.exitValue()).isZero();
    }
}
