package dk.fbs.oir.charge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates of the lifecycle's timers, used in charge.bpmn as {@code ${deadlines.after(deadline, waitDays)}}.
 * Days come from the DMN tables; the clock is the application's, so tests can move it.
 */
@Component("deadlines")
public class Deadlines {

    private final Clock clock;

    public Deadlines(Clock clock) {
        this.clock = clock;
    }

    /** The moment {@code days} whole days have passed after the last day to pay {@code isoDate}. */
    public Date after(String isoDate, Integer days) {
        LocalDate firstDayLate = LocalDate.parse(isoDate).plusDays(1);
        return Date.from(firstDayLate
                .plusDays(days == null ? 0 : days)
                .atStartOfDay(clock.getZone())
                .toInstant());
    }

    /** Whether the moment {@link #after} names has come: a timer run early (from Cockpit) has not reached it. */
    public boolean reached(String isoDate, Integer days) {
        return !clock.instant().isBefore(after(isoDate, days).toInstant());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day {@code days} days from today. */
    public LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }
}
