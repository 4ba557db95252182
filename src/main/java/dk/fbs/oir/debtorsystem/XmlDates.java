package dk.fbs.oir.debtorsystem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** xs:date and xs:dateTime as java.time, used by the generated ØiR types (wsdl/bindings.xjb). */
public final class XmlDates {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private XmlDates() {}

    /** Accepts {@code 2026-11-20}, {@code 2026-11-20Z} and {@code 2026-11-20+01:00}. */
    public static LocalDate parseDate(String text) {
        return LocalDate.parse(text.trim().substring(0, 10));
    }

    public static String printDate(LocalDate date) {
        return date.toString();
    }

    /** A dateTime without an offset is read as Danish local time. */
    public static OffsetDateTime parseDateTime(String text) {
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offset) {
            return offset;
        }
        LocalDateTime local = (LocalDateTime) parsed;
        return local.atZone(DANISH_TIME).toOffsetDateTime();
    }

    public static String printDateTime(OffsetDateTime dateTime) {
        return dateTime.with(ChronoField.NANO_OF_SECOND, dateTime.getNano() / 1_000_000 * 1_000_000)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
