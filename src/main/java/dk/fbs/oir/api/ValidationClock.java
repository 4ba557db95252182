package dk.fbs.oir.api;

import java.time.Clock;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @PastOrPresent} and its kind ask the application's clock, like every other "now": a
 * charge dated on a municipality's go-live day is accepted on that day, also when a test moves time.
 */
@Configuration
class ValidationClock {

    @Bean
    ValidationConfigurationCustomizer applicationClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
