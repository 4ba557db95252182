package dk.fbs.oir.serviceplatform;

import dk.fbs.oir.serviceplatform.DemoPki.Issued;
import dk.fbs.oir.serviceplatform.DemoPki.Use;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's key stores in {@link DemoSettings#getDirectory()}, made at first start: a test CA, our
 * function certificate (the client's), the simulated Serviceplatformen's server certificate for
 * localhost, and a trust store with the CA for both sides. No private key is in the repository.
 */
public final class DemoKeyStores {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKeyStores.class);

    public static final String AUTHORITY = "test-ca.p12";
    public static final String FUNCTION_CERTIFICATE = "fbs-funktionscertifikat.p12";
    public static final String SERVER = "serviceplatform-server.p12";
    public static final String TRUST = "truststore.p12";

    private final Path directory;

    private DemoKeyStores(Path directory) {
        this.directory = directory;
    }

    /** The key stores in {@code directory}; all four are made anew when any is missing. */
    public static DemoKeyStores ensure(Path directory, char[] password, Clock clock) {
        DemoKeyStores stores = new DemoKeyStores(directory);
        if (Stream.of(AUTHORITY, FUNCTION_CERTIFICATE, SERVER, TRUST).allMatch(f -> Files.exists(stores.file(f)))) {
            return stores;
        }
        Instant from = clock.instant().minus(Duration.ofDays(1));
        Issued ca = DemoPki.authority("FBS demo test-CA", from, from.plus(Duration.ofDays(5 * 365)));
        Issued client = DemoPki.issue(
                ca,
                "FBS debitorintegration (demo-funktionscertifikat)",
                from,
                from.plus(Duration.ofDays(2 * 365)),
                Use.CLIENT);
        Issued server = DemoPki.issue(ca, "localhost", from, from.plus(Duration.ofDays(2 * 365)), Use.SERVER);
        DemoPki.writeKeyStore(stores.file(AUTHORITY), password, "test-ca", ca);
        DemoPki.writeKeyStore(stores.file(FUNCTION_CERTIFICATE), password, "fbs", client);
        DemoPki.writeKeyStore(stores.file(SERVER), password, "serviceplatform", server);
        DemoPki.writeTrustStore(stores.file(TRUST), password, ca.certificate());
        LOG.info(
                "Made the demo's test CA and certificates for the secured simulator in {}", directory.toAbsolutePath());
        return stores;
    }

    public Path file(String name) {
        return directory.resolve(name);
    }
}
