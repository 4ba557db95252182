package dk.fbs.oir.simulator;

import dk.fbs.oir.beskedfordeler.Besked;
import dk.fbs.oir.beskedfordeler.BeskedfordelerProperties;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The simulated debtor systems publish every event they make to Beskedfordeler (profiles
 * {@code simulator} and {@code beskedfordeler}): one exchange, routing key
 * {@code <municipality>.<message type>}, a persistent message per event, confirmed by the broker.
 * Each event goes out when its transaction has committed (a debtor system connected to
 * Beskedfordeler sends at once; the system's event delay applies to its event log, which the pull
 * reads). When the broker does not take them, the REST notification goes instead, and the events
 * not confirmed go with the next ones. Each event is marked published once confirmed: sequence
 * numbers are taken at insert but become visible at commit, so an event may appear after a later
 * one. Events made before this start are left to the pull.
 */
@Component
@Profile("simulator & beskedfordeler")
class SimulatorBeskedfordeler {

    private static final Logger log = LoggerFactory.getLogger(SimulatorBeskedfordeler.class);
    private static final int BATCH = 1000;
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final SimulatorStore store;
    private final RabbitTemplate rabbit;
    private final String exchange;
    private final long startedAfter;

    SimulatorBeskedfordeler(
            SimulatorStore store, SimulatorPush push, RabbitTemplate rabbit, BeskedfordelerProperties properties) {
        this.store = store;
        this.rabbit = rabbit;
        this.exchange = properties.getExchange();
        this.startedAfter = store.jdbc.queryForObject("select coalesce(max(seq), 0) from sim_event", Long.class);
        push.publishThrough(this::publish);
    }

    /**
     * Publishes the municipality's events not yet published (called on the push executor's one
     * thread); false when the broker did not confirm them.
     */
    boolean publish(DebtorSystem system, String municipality) {
        List<DebtorEvent> events = store.jdbc.query(
                "select * from sim_event where debtor_system = ? and municipality_code = ?"
                        + " and published = false and seq > ? order by seq limit " + BATCH,
                (rs, i) -> {
                    Long amount = rs.getObject("amount_ore", Long.class);
                    return new DebtorEvent(
                            rs.getLong("seq"),
                            EventKind.ofOirName(rs.getString("kind")),
                            rs.getString("claim_id"),
                            rs.getString("fbs_charge_id"),
                            municipality,
                            amount == null ? null : Money.ofOre(amount),
                            Money.ofOre(rs.getLong("balance_ore")),
                            ClaimStatus.ofOirName(rs.getString("state")),
                            rs.getObject("due_date", LocalDate.class),
                            rs.getObject("last_pay_date", LocalDate.class),
                            rs.getObject("reminder_no", Integer.class),
                            rs.getObject("occurred_at", OffsetDateTime.class),
                            rs.getString("text"));
                },
                system.name(),
                municipality,
                startedAfter);
        if (events.isEmpty()) {
            return true;
        }
        try {
            rabbit.invoke(operations -> {
                for (DebtorEvent event : events) {
                    Besked besked = new Besked(messageId(system, event.seq()), system, store.now(), event);
                    operations.send(exchange, besked.routingKey(), message(besked));
                }
                operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
        } catch (RuntimeException notTaken) {
            log.info(
                    "Beskedfordeler did not take {}'s events ({}); the REST notification goes instead",
                    system.displayName(),
                    notTaken.getMessage());
            return false;
        }
        store.jdbc.batchUpdate(
                "update sim_event set published = true where seq = ?",
                events.stream().map(event -> new Object[] {event.seq()}).toList());
        return events.size() < BATCH || publish(system, municipality);
    }

    /** The same event always has the same message id, so publishing it again is recognised as a repetition. */
    static String messageId(DebtorSystem system, long seq) {
        return UUID.nameUUIDFromBytes((system.name() + "/" + seq).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Message message(Besked besked) {
        return MessageBuilder.withBody(besked.json())
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setMessageId(besked.messageId())
                .setType(besked.messageType())
                .setAppId(besked.debtorSystem().name())
                .setTimestamp(Date.from(besked.sentAt().toInstant()))
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }
}
