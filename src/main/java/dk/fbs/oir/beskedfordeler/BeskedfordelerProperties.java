package dk.fbs.oir.beskedfordeler;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Our subscription on Beskedfordeler (profile {@code beskedfordeler}); the broker's address and
 * login are Spring's {@code spring.rabbitmq.*}.
 */
@ConfigurationProperties("beskedfordeler")
public class BeskedfordelerProperties {

    /** The exchange the debtor systems' messages are published to. */
    private String exchange = "beskedfordeler";
    /** Our own queue on it (Beskedfordeler's "dueslag"). */
    private String queue = "fbs-oir.dueslag";
    /** Our subscriptions: routing keys {@code <municipality>.<message type>}, {@code *} and {@code #} as wildcards. */
    private List<String> subscriptions = List.of("#");
    /** Declare the exchange, the queue and its bindings at start (our own broker); off where the subscription is set up for us. */
    private boolean declare = true;
    /** Consumers reading the queue in parallel. */
    private int concurrency = 2;
    /** Unacknowledged messages each consumer may hold. */
    private int prefetch = 50;
    /** A temporary queue (tests): deleted this long after its last consumer left, its exchange with it. Empty: durable. */
    private Duration queueExpiry;

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public List<String> getSubscriptions() {
        return subscriptions;
    }

    public void setSubscriptions(List<String> subscriptions) {
        this.subscriptions = subscriptions;
    }

    public boolean isDeclare() {
        return declare;
    }

    public void setDeclare(boolean declare) {
        this.declare = declare;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public int getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public Duration getQueueExpiry() {
        return queueExpiry;
    }

    public void setQueueExpiry(Duration queueExpiry) {
        this.queueExpiry = queueExpiry;
    }
}
