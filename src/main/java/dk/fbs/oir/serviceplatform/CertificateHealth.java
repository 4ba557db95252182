package dk.fbs.oir.serviceplatform;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.debtorsystem.SecurityModel;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The function certificate of every endpoint on Serviceplatformen, in {@code /actuator/health}:
 * {@code CERTIFICATE_EXPIRING} (answered 200) when it expires within 30 days, {@code DOWN} when it is
 * expired, missing or unreadable, or the endpoint's security model cannot be used. Reads the files
 * at each check, so a replaced key store shows at once (its clients take it at the next start).
 */
@Component("serviceplatform")
public class CertificateHealth implements HealthIndicator {

    public static final Status EXPIRING =
            new Status("CERTIFICATE_EXPIRING", "a function certificate expires within 30 days");
    static final Duration WARNING = Duration.ofDays(30);

    private final OirProperties properties;
    private final Clock clock;

    public CertificateHealth(OirProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        Status status = Status.UP;
        for (DebtorSystem system : DebtorSystem.values()) {
            SecurityModel model = properties.endpoint(system).getSecurity();
            if (model != SecurityModel.NONE) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("security", model);
                Status endpoint = check(system, model, detail);
                endpoints.put(system.slug(), detail);
                status = worse(status, endpoint);
            }
        }
        return Health.status(status).withDetail("endpoints", endpoints).build();
    }

    private Status check(DebtorSystem system, SecurityModel model, Map<String, Object> detail) {
        if (model == SecurityModel.TOKEN) {
            detail.put("error", ServiceplatformTls.TOKEN_UNAVAILABLE);
            return Status.DOWN;
        }
        X509Certificate certificate;
        try {
            certificate = KeyMaterial.read(properties.keyStore(system), properties.trustStore(system))
                    .certificate();
        } catch (IllegalStateException unusable) {
            detail.put("error", unusable.getMessage());
            return Status.DOWN;
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant now = clock.instant();
        detail.put("certificate", certificate.getSubjectX500Principal().getName());
        detail.put("notAfter", notAfter.toString());
        if (!notAfter.isAfter(now) || certificate.getNotBefore().toInstant().isAfter(now)) {
            detail.put("error", "the function certificate is not valid now");
            return Status.DOWN;
        }
        detail.put("daysLeft", Duration.between(now, notAfter).toDays());
        return Duration.between(now, notAfter).compareTo(WARNING) < 0 ? EXPIRING : Status.UP;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.DOWN || b == Status.DOWN) {
            return Status.DOWN;
        }
        return a == EXPIRING || b == EXPIRING ? EXPIRING : Status.UP;
    }
}
