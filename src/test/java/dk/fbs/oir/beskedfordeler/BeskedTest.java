package dk.fbs.oir.beskedfordeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Beskedfordeler message: written and read back unchanged; anything else refused with a reason in our words. */
class BeskedTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:15:00+01:00");

    @Test
    void aMessageReadsBackAsItWasWritten() {
        Besked invoice = new Besked(
                "m-1",
                DebtorSystem.values()[0],
                AT,
                new DebtorEvent(
                        17,
                        EventKind.INVOICE_ISSUED,
                        "C-1",
                        "FBS-101-1",
                        "101",
                        null,
                        Money.ofOre(12500),
                        ClaimStatus.INVOICED,
                        LocalDate.of(2026, 12, 4),
                        LocalDate.of(2026, 12, 4),
                        null,
                        AT,
                        "Opkrævning udsendt"));
        Besked payment = new Besked(
                "m-2",
                DebtorSystem.values()[1],
                AT,
                new DebtorEvent(
                        18,
                        EventKind.PAYMENT_RECEIVED,
                        "C-1",
                        null,
                        "621",
                        Money.ofOre(2550),
                        Money.ofOre(0),
                        ClaimStatus.PAID,
                        null,
                        null,
                        null,
                        AT,
                        null));

        assertThat(Besked.read(invoice.json())).isEqualTo(invoice);
        assertThat(Besked.read(payment.json())).isEqualTo(payment);
        assertThat(payment.routingKey()).isEqualTo("621.INDBETALING_MODTAGET");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all | the body is not JSON",
                "[1,2] | the body is not a JSON object",
                "{} | messageId is missing",
                "{\"messageId\":\"m\",\"debtorSystem\":\"NOPE\"} | debtorSystem must be a debtor system we know",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"1011\"} | municipalityCode must be three digits",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"yesterday\"} | sentAt must be a date and time with offset",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"2026-11-20T10:15:00+01:00\",\"messageType\":\"X\"} | messageType must be an event kind of ØiR",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"2026-11-20T10:15:00+01:00\",\"messageType\":\"INDBETALING_MODTAGET\",\"event\":{\"seq\":1.5}} | event.seq must be a positive whole number",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"2026-11-20T10:15:00+01:00\",\"messageType\":\"INDBETALING_MODTAGET\",\"event\":{\"seq\":1,\"claimId\":\"C\",\"amount\":\"1.005\"}} | amount must be kroner with at most two decimals, as a string",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"2026-11-20T10:15:00+01:00\",\"messageType\":\"INDBETALING_MODTAGET\",\"event\":{\"seq\":1,\"claimId\":\"C\",\"balance\":12.5}} | balance must be a non-empty string",
                "{\"messageId\":\"m\",\"debtorSystem\":\"KMD_OPUS\",\"municipalityCode\":\"101\",\"sentAt\":\"2026-11-20T10:15:00+01:00\",\"messageType\":\"OPKRAEVNING_UDSENDT\",\"event\":{\"seq\":1,\"claimId\":\"C\",\"balance\":\"1.00\",\"state\":\"OPKRAEVET\",\"occurredAt\":\"2026-11-20T10:15:00+01:00\"}} | an invoice needs event.dueDate and event.lastPayDate"
            })
    void anythingElseIsUnreadableWithItsReason(String body, String reason) {
        assertThatThrownBy(() -> Besked.read(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Besked.Unreadable.class)
                .hasMessage(reason);
    }
}
