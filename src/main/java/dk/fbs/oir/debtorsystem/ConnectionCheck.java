package dk.fbs.oir.debtorsystem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The operator's check of every configured ØiR endpoint: one read-only call (the events of the
 * endpoint's check municipality, none changed) over the endpoint's security, so a certificate,
 * trust store, URL or authority that does not work shows before a charge needs it.
 */
@Service
public class ConnectionCheck {

    /** The result for one endpoint. */
    public record CheckResult(
            DebtorSystem system,
            String url,
            SecurityModel security,
            String municipalityCode,
            Outcome outcome,
            Long millis,
            String error) {}

    public enum Outcome {
        OK,
        FAILED,
        NOT_CONFIGURED
    }

    private final OirProperties properties;
    private final OirGateway oir;
    private final Clock clock;

    public ConnectionCheck(OirProperties properties, OirGateway oir, Clock clock) {
        this.properties = properties;
        this.oir = oir;
        this.clock = clock;
    }

    public List<CheckResult> checkAll() {
        return Arrays.stream(DebtorSystem.values()).map(this::check).toList();
    }

    private CheckResult check(DebtorSystem system) {
        OirProperties.Endpoint endpoint = properties.endpoint(system);
        String municipality = endpoint.getCheckMunicipality();
        if (endpoint.getUrl() == null
                || endpoint.getUrl().isBlank()
                || municipality == null
                || municipality.isBlank()) {
            return new CheckResult(
                    system,
                    endpoint.getUrl(),
                    endpoint.getSecurity(),
                    municipality,
                    Outcome.NOT_CONFIGURED,
                    null,
                    "set oir.endpoints." + system.slug() + ".url and .check-municipality");
        }
        Instant start = clock.instant();
        try {
            oir.events(system, municipality, 0, 1);
            return result(system, endpoint, municipality, Outcome.OK, start, null);
        } catch (RuntimeException failed) {
            return result(system, endpoint, municipality, Outcome.FAILED, start, describe(failed));
        }
    }

    private CheckResult result(
            DebtorSystem system,
            OirProperties.Endpoint endpoint,
            String municipality,
            Outcome outcome,
            Instant start,
            String error) {
        return new CheckResult(
                system,
                endpoint.getUrl(),
                endpoint.getSecurity(),
                municipality,
                outcome,
                Duration.between(start, clock.instant()).toMillis(),
                error);
    }

    /** The innermost cause says what failed (a refused certificate, an unknown host, a SOAP fault). */
    private static String describe(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String outer = failed.getMessage();
        return cause == failed || cause.getMessage() == null ? outer : outer + ": " + cause.getMessage();
    }
}
