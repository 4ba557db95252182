package dk.fbs.oir.debtorsystem;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ØiR endpoint of each debtor system, keyed by the system ({@code oir.endpoints.kmd-opus.url});
 * in production every URL comes from the environment, e.g. {@code OIR_ENDPOINTS_KMDOPUS_URL}. With
 * the simulator they point to its local endpoints. On Serviceplatformen an endpoint has a
 * {@link SecurityModel} and our function certificate ({@code oir.key-store}, PKCS#12) and the
 * certificates we trust ({@code oir.trust-store}); an endpoint may name its own stores.
 */
@ConfigurationProperties("oir")
public class OirProperties {

    private Map<DebtorSystem, Endpoint> endpoints = new EnumMap<>(DebtorSystem.class);
    /** Our function certificate with its private key, for every secured endpoint without its own. */
    private Store keyStore = new Store();
    /** The certificates (CAs) we trust, for every secured endpoint without its own. */
    private Store trustStore = new Store();

    public Store getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(Store keyStore) {
        this.keyStore = keyStore;
    }

    public Store getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(Store trustStore) {
        this.trustStore = trustStore;
    }

    /** The key store the system's endpoint uses: its own, or the common one. */
    public Store keyStore(DebtorSystem system) {
        Store own = endpoint(system).getKeyStore();
        return own.isSet() ? own : keyStore;
    }

    /** The trust store the system's endpoint uses: its own, or the common one. */
    public Store trustStore(DebtorSystem system) {
        Store own = endpoint(system).getTrustStore();
        return own.isSet() ? own : trustStore;
    }

    public Map<DebtorSystem, Endpoint> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(Map<DebtorSystem, Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /** The system's endpoint; one without configuration has no URL and the default timeouts. */
    public Endpoint endpoint(DebtorSystem system) {
        return endpoints.getOrDefault(system, new Endpoint());
    }

    public static class Endpoint {
        /** May contain {@code ${local.server.port}}: resolved when the client is built. */
        private String url;

        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration receiveTimeout = Duration.ofSeconds(15);
        private SecurityModel security = SecurityModel.NONE;
        private Store keyStore = new Store();
        private Store trustStore = new Store();
        /** A municipality on this debtor system, for the operator's connection check (the platform routes by it). */
        private String checkMunicipality;

        public String getCheckMunicipality() {
            return checkMunicipality;
        }

        public void setCheckMunicipality(String checkMunicipality) {
            this.checkMunicipality = checkMunicipality;
        }

        public SecurityModel getSecurity() {
            return security;
        }

        public void setSecurity(SecurityModel security) {
            this.security = security;
        }

        public Store getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(Store keyStore) {
            this.keyStore = keyStore;
        }

        public Store getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(Store trustStore) {
            this.trustStore = trustStore;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReceiveTimeout() {
            return receiveTimeout;
        }

        public void setReceiveTimeout(Duration receiveTimeout) {
            this.receiveTimeout = receiveTimeout;
        }
    }

    /** A PKCS#12 file and its password (from the environment, e.g. {@code OIR_KEYSTORE_PASSWORD}). */
    public static class Store {
        private String path;
        private String password;

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isSet() {
            return path != null && !path.isBlank();
        }

        /** Names the file, never the password. */
        @Override
        public String toString() {
            return String.valueOf(path);
        }
    }
}
