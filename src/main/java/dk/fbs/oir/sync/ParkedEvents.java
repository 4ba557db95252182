package dk.fbs.oir.sync;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What an operator must look at: events for claims no charge of ours matches (by whichever way
 * they came), and messages pushed to us that could not be read or applied, with the reason. The
 * message's body stays in {@code received_message} for the operator with database access; the API
 * does not show it (it may hold personal data).
 */
@Service
public class ParkedEvents {

    private final JdbcTemplate jdbc;

    ParkedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One parked event or message. {@code channel}: {@code PULL} (read by us), {@code BESKEDFORDELER}
     * or {@code RETURN_CHANNEL}; an unreadable message has only its {@code messageId}, {@code reason}
     * and {@code receivedAt}.
     */
    public record ParkedEvent(
            DebtorSystem debtorSystem,
            Long seq,
            String municipalityCode,
            String claimId,
            String fbsChargeId,
            String kind,
            BigDecimal balance,
            OffsetDateTime occurredAt,
            OffsetDateTime receivedAt,
            String channel,
            String messageId,
            String reason) {}

    /** Oldest first. */
    public List<ParkedEvent> list() {
        List<ParkedEvent> parked = new ArrayList<>(jdbc.query(
                "select e.*, m.channel, m.message_id from debtor_event e"
                        + " left join received_message m on m.debtor_system = e.debtor_system and m.seq = e.seq"
                        + " and m.outcome = 'PARKED'"
                        + " where e.outcome = 'PARKED'",
                (rs, i) -> new ParkedEvent(
                        DebtorSystem.valueOf(rs.getString("debtor_system")),
                        rs.getLong("seq"),
                        rs.getString("municipality_code"),
                        rs.getString("claim_id"),
                        rs.getString("fbs_charge_id"),
                        rs.getString("kind"),
                        Money.ofOre(rs.getLong("balance_ore")).kroner(),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("channel") == null ? "PULL" : rs.getString("channel"),
                        rs.getString("message_id"),
                        "no charge of ours has this claim")));
        parked.addAll(jdbc.query(
                "select * from received_message where outcome = ?",
                (rs, i) -> new ParkedEvent(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("channel"),
                        rs.getString("message_id"),
                        rs.getString("reason")),
                IncomingMessages.UNREADABLE));
        parked.sort(Comparator.comparing(ParkedEvent::receivedAt));
        return parked;
    }
}
