package dk.fbs.oir.beskedfordeler;

import com.rabbitmq.client.Channel;
import dk.fbs.oir.sync.IncomingMessages;
import dk.fbs.oir.sync.IncomingMessages.Receipt;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HexFormat;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Our consumer of Beskedfordeler's queue, with manual acknowledgement: a message is acknowledged
 * only after the transaction that recorded it (and applied its event) has committed, so a crash
 * before the acknowledgement means a redelivery, which its message id makes harmless. A message
 * that cannot be read, or fails for a reason that will not go away, is parked and acknowledged: it
 * never blocks the queue. A passing failure (the database is away, a deadlock, the charge's process
 * busy) returns the message to the queue for another try.
 */
class BeskedfordelerListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BeskedfordelerListener.class);
    static final String METRIC = "fbs.beskedfordeler.messages";

    private final IncomingMessages messages;
    private final MeterRegistry meters;

    BeskedfordelerListener(IncomingMessages messages, MeterRegistry meters) {
        this.messages = messages;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        String outcome;
        try {
            outcome = handle(message);
        } catch (RuntimeException failed) {
            log.warn("Message not handled, back to the queue: {}", failed.toString());
            count("RETRIED");
            channel.basicNack(tag, false, true);
            return;
        }
        count(outcome);
        channel.basicAck(tag, false);
    }

    /** Records the message (or parks it) and returns what became of it; throws for a passing failure. */
    private String handle(Message message) {
        Besked besked;
        try {
            besked = Besked.read(message.getBody());
        } catch (Besked.Unreadable unreadable) {
            messages.park(
                    IncomingMessages.Channel.BESKEDFORDELER, idOf(message), unreadable.getMessage(), body(message));
            return "UNREADABLE";
        }
        try {
            Receipt receipt = messages.receive(
                    IncomingMessages.Channel.BESKEDFORDELER, besked.messageId(), besked.debtorSystem(), besked.event());
            return receipt.repeated() ? "REPEATED" : receipt.outcome().name();
        } catch (RuntimeException failed) {
            if (passing(failed)) {
                throw failed;
            }
            messages.park(
                    IncomingMessages.Channel.BESKEDFORDELER,
                    besked.messageId(),
                    "could not be applied: " + failed.getClass().getSimpleName(),
                    body(message));
            return "UNREADABLE";
        }
    }

    /** A failure that another try may not meet: the database, a lock, the charge's process busy. */
    static boolean passing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof OptimisticLockingException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // PostgreSQL: connection (08), transaction rollback such as deadlock or serialization (40), shutdown (57P)
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("40")
                            || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The message's id for parking: its AMQP message id, or else a digest of its body (the same message parks once). */
    private static String idOf(Message message) {
        String id = message.getMessageProperties().getMessageId();
        if (id != null && !id.isBlank() && id.length() <= 200) {
            return id;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBody()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }
}
