package dk.fbs.oir.simulator;

import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated debtor systems' clock, for tests and the demo: {@code {"advanceDays": 20}} lets 20
 * days pass; the debtor systems then do what those days bring (reminders, transfers to PSRM, PSRM's
 * outcomes) and publish the events. Only in profile {@code simulator}.
 */
@RestController
@RequestMapping("/simulator/api/clock")
@Profile("simulator")
class SimulatorClockController {

    private final SimulatorClock clock;
    private final SimulatedDunning dunning;

    SimulatorClockController(SimulatorClock clock, SimulatedDunning dunning) {
        this.clock = clock;
        this.dunning = dunning;
    }

    record Advance(Integer advanceDays) {}

    /** The simulator's date, and how many dunning steps the last move took. */
    record ClockView(LocalDate today, int steps) {}

    @GetMapping
    ClockView now() {
        return new ClockView(LocalDate.now(clock), 0);
    }

    /** Day by day, so a claim due for several steps takes one a day, as the debtor system's nightly run would. */
    @PostMapping
    ClockView advance(@RequestBody Advance advance) {
        if (advance.advanceDays() == null || advance.advanceDays() < 1 || advance.advanceDays() > 3660) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "advanceDays must be a whole number of days from 1 to 3660");
        }
        int steps = dunning.passDays(advance.advanceDays());
        return new ClockView(LocalDate.now(clock), steps);
    }
}
