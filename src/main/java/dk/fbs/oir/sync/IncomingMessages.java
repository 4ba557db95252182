package dk.fbs.oir.sync;

import dk.fbs.oir.charge.ChargeUpdates.Outcome;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages a debtor system pushes to us — through Beskedfordeler over AMQP, or on the return
 * channel — each received exactly once by its message id: the id is recorded in the transaction
 * that applies its event ({@link DebtorSync#record}), so a message delivered again (after our crash,
 * a broker restart, a retry of the sender) changes nothing, and the same event reaching us another
 * way (the pull, another message) is recognised by its sequence number. A message that cannot be
 * read or applied is parked for an operator ({@link ParkedEvents}), never dropped.
 */
@Service
public class IncomingMessages {

    /** The outcome of a message kept for an operator because it could not be read or applied. */
    static final String UNREADABLE = "UNREADABLE";

    private static final Logger log = LoggerFactory.getLogger(IncomingMessages.class);
    private static final int BODY_MAX = 20_000;
    private static final int REASON_MAX = 500;

    /** The way a message came. */
    public enum Channel {
        BESKEDFORDELER,
        RETURN_CHANNEL
    }

    /** What became of a message: its event's outcome, and whether the message had been received before. */
    public record Receipt(Outcome outcome, boolean repeated) {}

    private final DebtorSync sync;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    IncomingMessages(DebtorSync sync, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.sync = sync;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records the message and applies its event, in one transaction; a message id seen before changes nothing. */
    public Receipt receive(Channel channel, String messageId, DebtorSystem system, DebtorEvent event) {
        try {
            return tx.execute(status -> {
                jdbc.update(
                        "insert into received_message (message_id, channel, debtor_system, seq, outcome, received_at)"
                                + " values (?,?,?,?,'APPLIED',?)",
                        messageId,
                        channel.name(),
                        system.name(),
                        event.seq(),
                        now());
                Outcome outcome = sync.record(system, event, false);
                if (outcome != Outcome.APPLIED) {
                    jdbc.update(
                            "update received_message set outcome = ? where message_id = ?", outcome.name(), messageId);
                }
                return new Receipt(outcome, false);
            });
        } catch (DuplicateKeyException seenBefore) {
            return new Receipt(Outcome.IGNORED, true);
        }
    }

    /**
     * Keeps a message that could not be read or applied, with the reason (our words, never its
     * content) and its body; parked once however often it is delivered.
     */
    public void park(Channel channel, String messageId, String reason, String body) {
        log.warn("Parked message {} from {}: {}", messageId, channel, reason);
        try {
            tx.executeWithoutResult(status -> jdbc.update(
                    "insert into received_message (message_id, channel, outcome,"
                            + " reason, body, received_at) values (?,?,?,?,?,?)",
                    messageId,
                    channel.name(),
                    UNREADABLE,
                    cut(reason, REASON_MAX),
                    cut(body == null ? null : body.replace('\u0000', '\uFFFD'), BODY_MAX),
                    now()));
        } catch (DuplicateKeyException parkedBefore) {
            // delivered again: it is already with the operator
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
