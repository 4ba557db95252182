package dk.fbs.oir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test can move forward, shared by the application and the simulator. Add to a test's
 * application with {@code @Import(MutableClock.Registration.class)}; a test that moves it resets it.
 */
public class MutableClock extends Clock {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        /** Wherever the application asks for a Clock, instead of the system clock. */
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    private volatile Duration offset = Duration.ZERO;
    private final Clock base = Clock.systemDefaultZone();

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
