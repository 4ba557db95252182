package dk.fbs.oir.charge;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How fresh a charge is. Whenever we ask a debtor system for something (create the claim, send a
 * reminder, forward a payment …), we expect its event; a charge whose expected event has not come
 * within the system's limit ({@code freshness.max-age.KMD_OPUS: PT6H}, …) is {@code stale}. Debtor
 * systems report late: FBS shows the flag and when the debtor system last confirmed the charge.
 */
@Component
@ConfigurationProperties("freshness")
public class Freshness {

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private Map<DebtorSystem, Duration> maxAge = new EnumMap<>(DebtorSystem.class);

    public Freshness(Clock clock, JdbcTemplate jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public Map<DebtorSystem, Duration> getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Map<DebtorSystem, Duration> maxAge) {
        this.maxAge = maxAge;
    }

    public Duration limit(DebtorSystem system) {
        return maxAge.getOrDefault(system, Duration.ofDays(1));
    }

    public boolean isStale(Charge charge) {
        return charge.awaitingUpdateSince() != null
                && charge.route() != null
                && charge.route().debtorSystem().isPresent()
                && charge.awaitingUpdateSince()
                        .plus(limit(charge.debtorSystem()))
                        .isBefore(OffsetDateTime.now(clock));
    }

    /** Stale charges per debtor system, for the operator's health check and metrics. */
    public Map<DebtorSystem, Long> staleCounts() {
        Map<DebtorSystem, Long> counts = new EnumMap<>(DebtorSystem.class);
        for (DebtorSystem system : DebtorSystem.values()) {
            counts.put(
                    system,
                    jdbc.queryForObject(
                            "select count(*) from charge where route = ? and awaiting_update_since < ?",
                            Long.class,
                            system.name(),
                            OffsetDateTime.now(clock).minus(limit(system))));
        }
        return counts;
    }
}
