package dk.fbs.oir.charge;

import dk.fbs.oir.routing.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When silence from a debtor system becomes a missing update: its freshness limit after the moment
 * a step was due. Used in charge.bpmn's timers, e.g. {@code ${chargeWatch.afterDeadline(deadline, route)}}.
 */
@Component("chargeWatch")
public class ChargeWatch {

    private final Freshness freshness;
    private final Clock clock;

    public ChargeWatch(Freshness freshness, Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
    }

    /** The invoice is due at once after the submission. */
    public Date fromNow(String route) {
        return Date.from(clock.instant()
                .plus(freshness.limit(Route.valueOf(route).debtorSystem().orElseThrow())));
    }

    /** After the last day to pay, a reminder, a payment or the transfer is due the next day. */
    public Date afterDeadline(String isoDate, String route) {
        LocalDate firstDayLate = LocalDate.parse(isoDate).plusDays(1);
        return Date.from(firstDayLate
                .atStartOfDay(clock.getZone())
                .toInstant()
                .plus(freshness.limit(Route.valueOf(route).debtorSystem().orElseThrow())));
    }
}
