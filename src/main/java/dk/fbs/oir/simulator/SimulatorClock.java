package dk.fbs.oir.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated debtor systems' clock: the application's clock moved on by whole days, so a test or
 * a person in the demo can let weeks of dunning pass in a moment ({@code POST /simulator/api/clock}).
 */
final class SimulatorClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetDays;

    SimulatorClock(Clock base) {
        this(base, new AtomicLong());
    }

    private SimulatorClock(Clock base, AtomicLong offsetDays) {
        this.base = base;
        this.offsetDays = offsetDays;
    }

    /** Moves the clock on; never back. */
    void advanceDays(int days) {
        if (days < 1) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "advanceDays must be a positive number of days");
        }
        offsetDays.addAndGet(days);
    }

    /** Back to the application's clock: for tests that share one application. */
    void reset() {
        offsetDays.set(0);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(Duration.ofDays(offsetDays.get()));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatorClock(base.withZone(zone), offsetDays);
    }
}
