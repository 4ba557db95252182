package dk.fbs.oir.serviceplatform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.debtorsystem.SecurityModel;
import dk.fbs.oir.serviceplatform.DemoPki.Issued;
import dk.fbs.oir.serviceplatform.DemoPki.Use;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** {@code /actuator/health}'s view of the function certificates, on a moving clock. */
class CertificateHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PASSWORD = "secret-of-the-test";

    @TempDir
    static Path dir;

    private static OirProperties.Store trust;
    private static OirProperties.Store valid;

    @BeforeAll
    static void certificates() {
        Issued ca = DemoPki.authority("Test CA", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(1000)));
        Issued client =
                DemoPki.issue(ca, "FBS", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(100)), Use.CLIENT);
        DemoPki.writeKeyStore(dir.resolve("client.p12"), PASSWORD.toCharArray(), "fbs", client);
        DemoPki.writeTrustStore(dir.resolve("trust.p12"), PASSWORD.toCharArray(), ca.certificate());
        valid = store("client.p12");
        trust = store("trust.p12");
    }

    @Test
    void withoutSecuredEndpointsItIsUp() {
        assertThat(health(new OirProperties(), NOW).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aValidCertificateIsUpWithItsExpiry() {
        Health health = health(secured(valid, SecurityModel.AUTHORITY_CONTEXT), NOW);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(endpoint(health))
                .containsEntry("daysLeft", 100L)
                .containsEntry("security", SecurityModel.AUTHORITY_CONTEXT);
    }

    @Test
    void withinThirtyDaysOfItsExpiryItIsAWarning() {
        Health health = health(secured(valid, SecurityModel.AUTHORITY_CONTEXT), NOW.plus(Duration.ofDays(71)));
        assertThat(health.getStatus()).isEqualTo(CertificateHealth.EXPIRING);
        assertThat(endpoint(health)).containsEntry("daysLeft", 29L);
    }

    @Test
    void anExpiredCertificateIsDown() {
        Health health = health(secured(valid, SecurityModel.AUTHORITY_CONTEXT), NOW.plus(Duration.ofDays(101)));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(endpoint(health).get("error")).asString().contains("not valid");
    }

    @Test
    void aMissingKeyStoreIsDown() {
        Health health = health(secured(store("missing.p12"), SecurityModel.AUTHORITY_CONTEXT), NOW);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(endpoint(health).get("error"))
                .asString()
                .contains("missing.p12")
                .contains("does not exist");
    }

    @Test
    void aWrongPasswordIsDownWithoutShowingAnyPassword() {
        OirProperties.Store wrong = store("client.p12");
        wrong.setPassword("not-the-password");
        Health health = health(secured(wrong, SecurityModel.AUTHORITY_CONTEXT), NOW);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.toString()).doesNotContain("not-the-password").doesNotContain(PASSWORD);
    }

    @Test
    void theTokenModelIsDownAndSaysWhy() {
        Health health = health(secured(valid, SecurityModel.TOKEN), NOW);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(endpoint(health).get("error")).asString().contains("OpenSAML");
    }

    private static OirProperties secured(OirProperties.Store keyStore, SecurityModel model) {
        OirProperties properties = new OirProperties();
        OirProperties.Endpoint endpoint = new OirProperties.Endpoint();
        endpoint.setSecurity(model);
        endpoint.setKeyStore(keyStore);
        properties.getEndpoints().put(DebtorSystem.PRISME_2009, endpoint);
        properties.setTrustStore(trust);
        return properties;
    }

    private static Health health(OirProperties properties, Instant now) {
        return new CertificateHealth(properties, Clock.fixed(now, ZoneOffset.UTC)).health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> endpoint(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("endpoints")).get("prisme-2009");
    }

    private static OirProperties.Store store(String name) {
        OirProperties.Store store = new OirProperties.Store();
        store.setPath(dir.resolve(name).toString());
        store.setPassword(PASSWORD);
        return store;
    }
}
