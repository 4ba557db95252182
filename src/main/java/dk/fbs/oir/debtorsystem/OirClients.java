package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.wsdl.debitor.DebitorPortType;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One CXF JAX-WS client per debtor system, created at its first call and reused (CXF proxies are
 * thread-safe as long as the request context is not changed per call). Timeouts come from
 * {@link OirProperties}, the endpoint's security (Serviceplatformen) from {@link ClientSecurity}.
 */
@Component
public class OirClients {

    private static final Logger LOG = LoggerFactory.getLogger(OirClients.class);

    private static final URL WSDL = OirClients.class.getResource("/wsdl/oir-debitor.wsdl");
    private static final String WSDL_NAMESPACE = "urn:fbs-oir:debitor:1:wsdl";

    private final OirProperties properties;
    private final Environment environment;
    private final ClientSecurity security;
    private final Map<DebtorSystem, DebitorPortType> clients = new ConcurrentHashMap<>();

    public OirClients(OirProperties properties, Environment environment, ClientSecurity security) {
        this.properties = properties;
        this.environment = environment;
        this.security = security;
    }

    /**
     * Builds every configured client as soon as the application runs (and its own port is known), so
     * that no job's first call pays for reading the WSDL and compiling its schema.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void createConfiguredClients() {
        for (DebtorSystem system : DebtorSystem.values()) {
            String url = properties.endpoint(system).getUrl();
            try {
                if (url != null && !url.isBlank()) {
                    client(system);
                }
            } catch (IllegalArgumentException unresolved) { // no port without a web server: created at the first call
            } catch (IllegalStateException unusable) { // e.g. no key store yet: every call fails alike, health shows it
                LOG.error("The ØiR client of {} cannot be built: {}", system.displayName(), unusable.getMessage());
            }
        }
    }

    public DebitorPortType client(DebtorSystem system) {
        return clients.computeIfAbsent(system, this::create);
    }

    private DebitorPortType create(DebtorSystem system) {
        OirProperties.Endpoint endpoint = properties.endpoint(system);
        if (endpoint.getUrl() == null || endpoint.getUrl().isBlank()) {
            throw new IllegalStateException("No ØiR endpoint configured for " + system.displayName()
                    + ": set oir.endpoints." + system.slug() + ".url");
        }
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DebitorPortType.class);
        // with the WSDL (and so its schema), not only the generated classes, schema validation checks
        // the debtor system's answers against every pattern, length and number of decimals
        factory.setWsdlURL(WSDL.toString());
        factory.setServiceName(new QName(WSDL_NAMESPACE, "DebitorService"));
        factory.setEndpointName(new QName(WSDL_NAMESPACE, "DebitorPort"));
        factory.setAddress(environment.resolveRequiredPlaceholders(endpoint.getUrl()));
        factory.setProperties(Map.of("schema-validation-enabled", "true"));
        DebitorPortType port = (DebitorPortType) factory.create();

        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(endpoint.getConnectTimeout().toMillis());
        policy.setReceiveTimeout(endpoint.getReceiveTimeout().toMillis());
        policy.setAllowChunking(false);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        conduit.setClient(policy);
        security.secure(system, conduit);
        return port;
    }
}
