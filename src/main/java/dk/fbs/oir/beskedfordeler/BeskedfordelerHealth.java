package dk.fbs.oir.beskedfordeler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The broker connection and our queue in {@code /actuator/health} (component {@code beskedfordeler}:
 * messages waiting, consumers) and as gauges ({@code fbs.beskedfordeler.connected},
 * {@code fbs.beskedfordeler.queue.messages}, {@code fbs.beskedfordeler.queue.consumers}). A broker
 * that cannot be reached, or our queue without a consumer, is status {@value #NOT_DELIVERING}: the
 * application still works (the pull and the REST notification catch up), so it answers 200, and the
 * operator's alert fires on the status or on the gauges.
 */
class BeskedfordelerHealth implements HealthIndicator {

    static final String NOT_DELIVERING = "BESKEDFORDELER_DOWN";
    /** The gauges of one scrape share one look at the queue. */
    private static final Duration REUSE = Duration.ofSeconds(1);

    private final AmqpAdmin admin;
    private final AbstractMessageListenerContainer consumer;
    private final String queue;
    private volatile Sample last = new Sample(null, Instant.EPOCH);

    private record Sample(QueueInformation queue, Instant at) {}

    BeskedfordelerHealth(
            AmqpAdmin admin, AbstractMessageListenerContainer consumer, String queue, MeterRegistry meters) {
        this.admin = admin;
        this.consumer = consumer;
        this.queue = queue;
        Gauge.builder("fbs.beskedfordeler.connected", () -> look() == null ? 0 : 1)
                .description("1 while the broker answers and our queue exists")
                .register(meters);
        Gauge.builder("fbs.beskedfordeler.queue.messages", () -> {
                    QueueInformation info = look();
                    return info == null ? Double.NaN : info.getMessageCount();
                })
                .description("Messages waiting in our queue (not yet delivered to a consumer)")
                .register(meters);
        Gauge.builder("fbs.beskedfordeler.queue.consumers", () -> {
                    QueueInformation info = look();
                    return info == null ? Double.NaN : info.getConsumerCount();
                })
                .description("Consumers on our queue")
                .register(meters);
    }

    @Override
    public Health health() {
        QueueInformation info = look();
        if (info == null) {
            return Health.status(NOT_DELIVERING)
                    .withDetail("queue", queue)
                    .withDetail("error", "the broker does not answer, or our queue does not exist")
                    .build();
        }
        boolean consuming = consumer.isRunning() && info.getConsumerCount() > 0;
        return (consuming ? Health.up() : Health.status(NOT_DELIVERING))
                .withDetail("queue", queue)
                .withDetail("messages", info.getMessageCount())
                .withDetail("consumers", info.getConsumerCount())
                .build();
    }

    /** Our queue as the broker sees it now (at most a second old); null when the broker does not answer. */
    private QueueInformation look() {
        Sample sample = last;
        if (sample.at().plus(REUSE).isAfter(Instant.now())) {
            return sample.queue();
        }
        QueueInformation info;
        try {
            info = admin.getQueueInfo(queue);
        } catch (AmqpException unreachable) {
            info = null;
        }
        last = new Sample(info, Instant.now());
        return info;
    }
}
