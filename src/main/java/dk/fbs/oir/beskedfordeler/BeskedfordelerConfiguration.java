package dk.fbs.oir.beskedfordeler;

import dk.fbs.oir.sync.IncomingMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Updates as KOMBIT's Beskedfordeler (SF1461/SF1462) delivers them (profile {@code beskedfordeler}):
 * a topic exchange with routing keys {@code <municipality>.<message type>}, our queue bound to it by
 * our subscriptions, and our consumer with manual acknowledgement, its concurrency and prefetch
 * from {@link BeskedfordelerProperties}. Without the profile no connection to a broker is made.
 */
@Configuration
@Profile("beskedfordeler")
@EnableConfigurationProperties(BeskedfordelerProperties.class)
public class BeskedfordelerConfiguration {

    /** Beskedfordeler's exchange, as the debtor systems (and the simulator) publish to it. */
    public static TopicExchange exchange(BeskedfordelerProperties properties) {
        return new TopicExchange(properties.getExchange(), true, properties.getQueueExpiry() != null);
    }

    /** Our queue and its subscriptions, declared at start by Spring's RabbitAdmin when {@code declare} is on. */
    @Bean
    Declarables beskedfordelerSubscription(BeskedfordelerProperties properties) {
        if (!properties.isDeclare()) {
            return new Declarables();
        }
        TopicExchange exchange = exchange(properties);
        QueueBuilder builder = QueueBuilder.durable(properties.getQueue());
        if (properties.getQueueExpiry() != null) {
            builder.expires((int) properties.getQueueExpiry().toMillis());
        }
        Queue queue = builder.build();
        List<Declarable> declarables = new ArrayList<>(List.of(exchange, queue));
        for (String key : properties.getSubscriptions()) {
            declarables.add(BindingBuilder.bind(queue).to(exchange).with(key));
        }
        return new Declarables(declarables);
    }

    @Bean
    SimpleMessageListenerContainer beskedfordelerConsumer(
            ConnectionFactory connectionFactory,
            BeskedfordelerProperties properties,
            IncomingMessages messages,
            MeterRegistry meters) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.getQueue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(properties.getConcurrency());
        container.setPrefetchCount(properties.getPrefetch());
        // a queue not there yet (declared by others) is waited for, not fatal
        container.setMissingQueuesFatal(false);
        container.setMessageListener(new BeskedfordelerListener(messages, meters));
        return container;
    }

    @Bean
    BeskedfordelerHealth beskedfordelerHealthIndicator(
            AmqpAdmin admin,
            SimpleMessageListenerContainer beskedfordelerConsumer,
            BeskedfordelerProperties properties,
            MeterRegistry meters) {
        return new BeskedfordelerHealth(admin, beskedfordelerConsumer, properties.getQueue(), meters);
    }
}
