package dk.fbs.oir.charge;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The operator's alert for late debtor systems: {@code /actuator/health} reports status
 * {@code STALE_CHARGES} (answered 200, so the application is not restarted for a slow partner)
 * with the count per debtor system, and the gauge {@code fbs.charges.stale} feeds alerting.
 */
@Component("debtorFreshness")
public class FreshnessHealth implements HealthIndicator {

    private final Freshness freshness;

    public FreshnessHealth(Freshness freshness, MeterRegistry registry) {
        this.freshness = freshness;
        for (DebtorSystem system : DebtorSystem.values()) {
            Gauge.builder("fbs.charges.stale", freshness, f -> f.staleCounts().get(system))
                    .tag("debtorSystem", system.name())
                    .description("Charges whose expected update from the debtor system is overdue")
                    .register(registry);
        }
    }

    /** Without the database (it is down or restarting) DOWN like the database itself, not an error page. */
    @Override
    public Health health() {
        Map<DebtorSystem, Long> stale;
        try {
            stale = freshness.staleCounts();
        } catch (DataAccessException unreadable) {
            return Health.down()
                    .withDetail("error", "the charge ledger cannot be read")
                    .build();
        }
        boolean any = stale.values().stream().anyMatch(n -> n > 0);
        return (any ? Health.status("STALE_CHARGES") : Health.up())
                .withDetail("staleCharges", stale)
                .build();
    }
}
