package dk.fbs.oir.serviceplatform;

import dk.fbs.oir.debtorsystem.ClientSecurity;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.debtorsystem.SecurityModel;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduit;
import org.springframework.stereotype.Component;

/**
 * Mutual TLS with our function certificate for every endpoint on Serviceplatformen: the key and
 * trust stores of the endpoint's configuration, read when its client is built (a replaced key store
 * takes effect at the next start). The server's host name is verified; the JDK's TLS protocols, where
 * TLS 1.0 and 1.1 are disabled, so TLS 1.2 or 1.3.
 */
@Component
public class ServiceplatformTls implements ClientSecurity {

    static final String TOKEN_UNAVAILABLE = "the security model TOKEN (SAML token from KOMBIT's STS, signed messages) "
            + "needs OpenSAML, which this build cannot include (see README, \"Connecting to Serviceplatformen\")";

    private final OirProperties properties;

    public ServiceplatformTls(OirProperties properties) {
        this.properties = properties;
    }

    @Override
    public void secure(DebtorSystem system, HTTPConduit conduit) {
        SecurityModel model = properties.endpoint(system).getSecurity();
        if (model == SecurityModel.NONE) {
            return;
        }
        if (model == SecurityModel.TOKEN) {
            throw new IllegalStateException("oir.endpoints." + system.slug() + ".security: " + TOKEN_UNAVAILABLE);
        }
        if (!conduit.getAddress().startsWith("https://")) {
            throw new IllegalStateException("oir.endpoints." + system.slug()
                    + ".url must be https:// for the security model " + model + ", it is " + conduit.getAddress());
        }
        KeyMaterial keys = KeyMaterial.read(properties.keyStore(system), properties.trustStore(system));
        TLSClientParameters tls = new TLSClientParameters();
        tls.setKeyManagers(keys.keyManagers());
        tls.setTrustManagers(keys.trustManagers());
        tls.setDisableCNCheck(false);
        conduit.setTlsClientParameters(tls);
    }
}
