package dk.fbs.oir.beskedfordeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A message as Beskedfordeler delivers it, in its spirit: an envelope (message id, type — the
 * event's kind in ØiR's words —, sender, municipality, time sent) around one claim event of the
 * debtor system, as JSON:
 *
 * <pre>
 * {"messageId":"…","messageType":"INDBETALING_MODTAGET","debtorSystem":"…","municipalityCode":"101",
 *  "sentAt":"2026-11-20T10:15:00+01:00",
 *  "event":{"seq":17,"claimId":"OP101-00000001","fbsChargeId":"FBS-101-000001","amount":"125.00",
 *           "balance":"0.00","state":"BETALT","dueDate":null,"lastPayDate":null,
 *           "occurredAt":"2026-11-20T10:14:59+01:00","text":"Indbetaling (MobilePay)"}}
 * </pre>
 *
 * Money is kroner with at most two decimals, written as a string. {@link #read} refuses anything
 * else with a reason in our words (never the content, which may hold personal data).
 */
public record Besked(String messageId, DebtorSystem debtorSystem, OffsetDateTime sentAt, DebtorEvent event) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MONEY = Pattern.compile("-?\\d{1,11}(\\.\\d{1,2})?");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{3}");
    private static final int ID_MAX = 200;

    /** A message that is not a Beskedfordeler message of ours: why, in our words. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The message's type: the kind of its event. */
    public String messageType() {
        return event.kind().oirName();
    }

    /** Routing key on Beskedfordeler's exchange: municipality and message type, e.g. {@code 101.INDBETALING_MODTAGET}. */
    public String routingKey() {
        return event.municipalityCode() + "." + messageType();
    }

    public byte[] json() {
        ObjectNode root = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("messageType", messageType())
                .put("debtorSystem", debtorSystem.name())
                .put("municipalityCode", event.municipalityCode())
                .put("sentAt", sentAt.toString());
        root.putObject("event")
                .put("seq", event.seq())
                .put("claimId", event.claimId())
                .put("fbsChargeId", event.fbsChargeId())
                .put(
                        "amount",
                        event.amount() == null ? null : event.amount().kroner().toPlainString())
                .put("balance", event.balance().kroner().toPlainString())
                .put("state", event.state().oirName())
                .put("dueDate", event.dueDate() == null ? null : event.dueDate().toString())
                .put(
                        "lastPayDate",
                        event.lastPayDate() == null ? null : event.lastPayDate().toString())
                .put("occurredAt", event.occurredAt().toString())
                .put("text", event.text());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a message; anything missing, malformed or inconsistent is {@link Unreadable}. */
    public static Besked read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new Unreadable("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("the body is not a JSON object");
        }
        String messageId = text(root, "messageId", true);
        if (messageId.length() > ID_MAX) {
            throw new Unreadable("messageId is longer than " + ID_MAX + " characters");
        }
        DebtorSystem system = parse(root, "debtorSystem", DebtorSystem::valueOf, "a debtor system we know");
        String municipality = text(root, "municipalityCode", true);
        if (!MUNICIPALITY.matcher(municipality).matches()) {
            throw new Unreadable("municipalityCode must be three digits");
        }
        OffsetDateTime sentAt = parse(root, "sentAt", OffsetDateTime::parse, "a date and time with offset");
        EventKind kind = parse(root, "messageType", EventKind::ofOirName, "an event kind of ØiR");
        JsonNode e = root.get("event");
        if (e == null || !e.isObject()) {
            throw new Unreadable("event is missing");
        }
        if (!e.path("seq").canConvertToLong()
                || !e.path("seq").isIntegralNumber()
                || e.path("seq").asLong() <= 0) {
            throw new Unreadable("event.seq must be a positive whole number");
        }
        DebtorEvent event = new DebtorEvent(
                e.get("seq").asLong(),
                kind,
                text(e, "claimId", true),
                text(e, "fbsChargeId", false),
                municipality,
                money(e, "amount", false),
                money(e, "balance", true),
                parse(e, "state", ClaimStatus::ofOirName, "a claim state of ØiR"),
                optional(e, "dueDate", LocalDate::parse),
                optional(e, "lastPayDate", LocalDate::parse),
                optional(e, "reminderNo", Integer::valueOf),
                parse(e, "occurredAt", OffsetDateTime::parse, "a date and time with offset"),
                text(e, "text", false));
        if (kind == EventKind.INVOICE_ISSUED && (event.dueDate() == null || event.lastPayDate() == null)) {
            throw new Unreadable("an invoice needs event.dueDate and event.lastPayDate");
        }
        return new Besked(messageId, system, sentAt, event);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Unreadable(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw new Unreadable(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static <T> T parse(JsonNode node, String field, Function<String, T> parser, String what) {
        T value = optional(node, field, parser, what);
        if (value == null) {
            throw new Unreadable(field + " is missing");
        }
        return value;
    }

    private static <T> T optional(JsonNode node, String field, Function<String, T> parser) {
        return optional(node, field, parser, "a date (yyyy-mm-dd)");
    }

    private static <T> T optional(JsonNode node, String field, Function<String, T> parser, String what) {
        String text = text(node, field, false);
        try {
            return text == null ? null : parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Unreadable(field + " must be " + what);
        }
    }

    private static Money money(JsonNode node, String field, boolean required) {
        String text = text(node, field, required);
        if (text == null) {
            return null;
        }
        if (!MONEY.matcher(text).matches()) {
            throw new Unreadable(field + " must be kroner with at most two decimals, as a string");
        }
        return Money.ofKroner(new BigDecimal(text));
    }
}
