package dk.fbs.oir;

import static dk.fbs.oir.HostileInputTest.*;
import static dk.fbs.oir.HostileSoapCases.*;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Hostile input to FBS' charge endpoints ({@link HostileInputTest}'s table): the intake, then payments, cancellations and disputes. */
final class HostileChargeCases {

    /** {@code POST /api/v1/charges}: the example body with one change. */
    static List<Row> chargeIntake() {
        String longId = "A".repeat(65);
        return List.of(
                charge("unknown municipality", "municipalityCode", b -> b.put("municipalityCode", "999")),
                charge("municipality code of four digits", "municipalityCode", b -> b.put("municipalityCode", "5611")),
                charge(
                        "municipality code with SQL",
                        "municipalityCode",
                        b -> b.put("municipalityCode", "101; DROP TABLE charge")),
                charge("negative amount", "amount", b -> b.put("amount", "-125.00")),
                charge("zero amount", "amount", b -> b.put("amount", "0.00")),
                charge("three decimals", "amount", b -> b.put("amount", "125.005")),
                charge(
                        "three decimals as a JSON number",
                        "amount",
                        b -> b.put("amount", new java.math.BigDecimal("125.005"))),
                charge("amount of ten integer digits", "amount", b -> b.put("amount", "1000000000.00")),
                charge("amount with a huge exponent", "amount", b -> b.put("amount", "1E+999999999")),
                charge("amount with an exponent", "amount", b -> b.put("amount", "1.25E+2")),
                charge("amount with a plus sign", "amount", b -> b.put("amount", "+125.00")),
                charge("amount with blanks", "amount", b -> b.put("amount", " 125.00 ")),
                charge("amount with a decimal comma", "amount", b -> b.put("amount", "125,00")),
                charge("amount NaN", "amount", b -> b.put("amount", "NaN")),
                charge("amount not a number", "amount", b -> b.put("amount", "hundrede")),
                charge("amount a boolean", "amount", b -> b.put("amount", true)),
                charge("amount an object", "amount", b -> b.putObject("amount").put("value", "125.00")),
                charge(
                        "CPR with an impossible date",
                        "debtor.cpr",
                        b -> debtor(b).put("cpr", "3201901234")),
                charge("CPR too short", "debtor.cpr", b -> debtor(b).put("cpr", "010190123")),
                charge("CPR with a dash", "debtor.cpr", b -> debtor(b).put("cpr", "010190-1234")),
                charge("CPR with SQL", "debtor.cpr", b -> debtor(b).put("cpr", "1111111111' OR '1'='1")),
                charge("debtor without a name", "debtor.name", b -> debtor(b).remove("name")),
                charge(
                        "debtor name of 201 characters",
                        "debtor.name",
                        b -> debtor(b).put("name", "N".repeat(201))),
                charge("debtor a string", "debtor", b -> b.put("debtor", "Jens Hansen")),
                charge(
                        "unknown field in the debtor",
                        "debtor.age",
                        b -> debtor(b).put("age", 36)),
                charge("missing fbsChargeId", "fbsChargeId", b -> b.remove("fbsChargeId")),
                charge("fbsChargeId a number", "fbsChargeId", b -> b.put("fbsChargeId", 123)),
                charge("fbsChargeId with a slash", "fbsChargeId", b -> b.put("fbsChargeId", "FBS/1")),
                charge("fbsChargeId with SQL", "fbsChargeId", b -> b.put("fbsChargeId", "X' OR '1'='1")),
                charge("fbsChargeId of 65 characters", "fbsChargeId", b -> b.put("fbsChargeId", longId)),
                charge("missing debtor", "debtor", b -> b.remove("debtor")),
                charge("missing type", "type", b -> b.remove("type")),
                charge("unknown type", "type", b -> b.put("type", "PARKING_FINE")),
                charge("type a number", "type", b -> b.put("type", 0)),
                charge("missing amount", "amount", b -> b.remove("amount")),
                charge("missing description", "description", b -> b.remove("description")),
                charge("description of 501 characters", "description", b -> b.put("description", "d".repeat(501))),
                charge(
                        "description with a NUL character",
                        "description",
                        b -> b.put("description", "Overskredet\u0000lånetid")),
                charge("branch with control characters", "branch", b -> b.put("branch", "Hoved\u001b[2Jbibliotek")),
                charge("impossible date", "occurredOn", b -> b.put("occurredOn", "2026-02-30")),
                charge("date in the future", "occurredOn", b -> b.put("occurredOn", "2999-01-01")),
                charge("date not a date", "occurredOn", b -> b.put("occurredOn", "i går")),
                charge("unknown field", "discount", b -> b.put("discount", "10.00")),
                raw(
                        "charge",
                        "the same field twice (a smuggled amount)",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561")
                                .replace("\"amount\":\"125.00\"", "\"amount\":\"125.00\",\"amount\":\"0.01\""),
                        400,
                        "amount"),
                raw(
                        "charge",
                        "amount as a JSON number with an exponent",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561").replace("\"125.00\"", "1.25E+2"),
                        400,
                        "amount"),
                raw(
                        "charge",
                        "description nested 5000 arrays deep",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561")
                                .replace("\"Overskredet lånetid\"", "[".repeat(5000) + "]".repeat(5000)),
                        400,
                        "description"),
                raw(
                        "charge",
                        "unparseable JSON",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> "{\"fbsChargeId\": \"" + id + "\", ",
                        400,
                        "(body)"),
                raw("charge", "JSON null", "fbs", "/api/v1/charges", "application/json", id -> "null", 400, "(body)"),
                raw("charge", "empty body", "fbs", "/api/v1/charges", "application/json", id -> "", 400, "(body)"),
                raw(
                        "charge",
                        "a JSON array",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> "[" + TestCharges.json(id, "561") + "]",
                        400,
                        "(body)"),
                raw(
                        "charge",
                        "oversized body (100 kB description)",
                        "fbs",
                        "/api/v1/charges",
                        "application/json",
                        id -> TestCharges.json(id, "561").replace("Overskredet lånetid", "x".repeat(100_000)),
                        413,
                        null),
                new Row(
                        "charge",
                        "oversized body without a length (chunked)",
                        t -> t.refused(
                                () -> {
                                    String id = "HOSTILE-" + UUID.randomUUID();
                                    String body = TestCharges.json(id, "561")
                                            .replace("Overskredet lånetid", "x".repeat(100_000));
                                    return t.call(
                                            "fbs",
                                            "POST",
                                            "/api/v1/charges",
                                            "application/json",
                                            HttpRequest.BodyPublishers.ofInputStream(() ->
                                                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
                                },
                                400,
                                "(body)")),
                raw(
                        "charge",
                        "text/plain",
                        "fbs",
                        "/api/v1/charges",
                        "text/plain",
                        id -> TestCharges.json(id, "561"),
                        415,
                        null),
                raw(
                        "charge",
                        "XML with an external entity",
                        "fbs",
                        "/api/v1/charges",
                        "application/xml",
                        id -> "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"" + LEAK_TEXT.toUri() + "\">]>"
                                + "<charge><fbsChargeId>" + id
                                + "</fbsChargeId><description>&x;</description></charge>",
                        415,
                        null));
    }

    /** Payments, cancellations and disputes for an invoiced KMD Opus charge; the charge must not change. */
    static List<Row> chargeCommands() {
        String payment = "{\"paymentId\":\"KASSE-1\",\"amount\":\"50.00\",\"paidOn\":\"2026-11-20\"}";
        String cancellation = "{\"reason\":\"MATERIAL_RETURNED\",\"note\":\"Afleveret i Valby\"}";
        String dispute = "{\"text\":\"Jeg har afleveret bogen\"}";
        return List.of(
                command("payment", "missing paymentId", "payments", payment, "paymentId", b -> b.remove("paymentId")),
                command(
                        "payment",
                        "paymentId with markup",
                        "payments",
                        payment,
                        "paymentId",
                        b -> b.put("paymentId", "<script>alert(1)</script>")),
                command(
                        "payment",
                        "paymentId with SQL",
                        "payments",
                        payment,
                        "paymentId",
                        b -> b.put("paymentId", "1' OR '1'='1")),
                command("payment", "negative amount", "payments", payment, "amount", b -> b.put("amount", "-50.00")),
                command("payment", "zero amount", "payments", payment, "amount", b -> b.put("amount", "0.00")),
                command("payment", "three decimals", "payments", payment, "amount", b -> b.put("amount", "49.999")),
                command("payment", "huge amount", "payments", payment, "amount", b -> b.put("amount", "1E+20")),
                command(
                        "payment",
                        "amount with an exponent",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "5E+1")),
                command(
                        "payment",
                        "amount with a plus sign",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "+50.00")),
                command(
                        "payment",
                        "amount with a blank",
                        "payments",
                        payment,
                        "amount",
                        b -> b.put("amount", "50.00 ")),
                command("payment", "amount a boolean", "payments", payment, "amount", b -> b.put("amount", false)),
                command(
                        "payment",
                        "impossible date",
                        "payments",
                        payment,
                        "paidOn",
                        b -> b.put("paidOn", "2026-02-30")),
                command(
                        "payment",
                        "date in the future",
                        "payments",
                        payment,
                        "paidOn",
                        b -> b.put("paidOn", "2999-01-01")),
                command("payment", "unknown field", "payments", payment, "currency", b -> b.put("currency", "EUR")),
                raw(
                        "payment",
                        "SQL in the charge id of the path",
                        "fbs",
                        "/api/v1/charges/x'%20OR%20'1'='1/payments",
                        "application/json",
                        id -> payment,
                        404,
                        null),
                command(
                        "cancellation",
                        "unknown reason",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.put("reason", "BECAUSE")),
                command(
                        "cancellation",
                        "missing reason",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.remove("reason")),
                command(
                        "cancellation",
                        "reason a number",
                        "cancellation",
                        cancellation,
                        "reason",
                        b -> b.put("reason", 1)),
                command(
                        "cancellation",
                        "note of 501 characters",
                        "cancellation",
                        cancellation,
                        "note",
                        b -> b.put("note", "n".repeat(501))),
                command("dispute", "missing text", "disputes", dispute, "text", b -> b.remove("text")),
                command("dispute", "blank text", "disputes", dispute, "text", b -> b.put("text", "   ")),
                command(
                        "dispute",
                        "text of 1001 characters",
                        "disputes",
                        dispute,
                        "text",
                        b -> b.put("text", "t".repeat(1001))),
                command(
                        "dispute",
                        "text an array",
                        "disputes",
                        dispute,
                        "text",
                        b -> b.putArray("text").add("x")));
    }

    private HostileChargeCases() {}
}
