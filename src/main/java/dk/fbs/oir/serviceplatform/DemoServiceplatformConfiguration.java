package dk.fbs.oir.serviceplatform;

import dk.fbs.oir.debtorsystem.OirProperties.Store;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The profile {@code serviceplatformen}: the simulated debtor systems behind a simulated
 * Serviceplatformen. Their SOAP endpoints answer only on an HTTPS port of their own that asks for a
 * client certificate ({@link CallerCertificateCheck} decides), with TLS 1.2 or 1.3; the main port
 * (FBS' API, the webapps) is unchanged and refuses them.
 */
@Configuration
@Profile("serviceplatformen")
public class DemoServiceplatformConfiguration {

    /** The simulated debtor systems' SOAP endpoints below the CXF servlet. */
    static final String SECURED_PATHS = "/services/simulator/";

    public static final String PORT_PROPERTY = "local.serviceplatform.port";

    private final AtomicInteger securePort = new AtomicInteger(-1);

    @Bean
    DemoKeyStores demoKeyStores(DemoSettings settings, Clock clock) {
        return DemoKeyStores.ensure(settings.getDirectory(), password(settings), clock);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> serviceplatformConnector(
            DemoSettings settings, DemoKeyStores stores) {
        return factory -> factory.addAdditionalTomcatConnectors(connector(settings, stores));
    }

    @Bean
    CallerCertificateCheck callerCertificateCheck(DemoSettings settings, DemoKeyStores stores, Clock clock) {
        Store trust = new Store();
        trust.setPath(stores.file(DemoKeyStores.TRUST).toString());
        trust.setPassword(settings.getPassword());
        return new CallerCertificateCheck(
                KeyMaterial.load("serviceplatform.demo trust store", trust), () -> Date.from(clock.instant()));
    }

    /** Publishes the HTTPS port (chosen by the system when configured 0) for the endpoint URLs. */
    @EventListener
    public void publishPort(ServletWebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
            if (connector.getSecure()) {
                securePort.set(connector.getLocalPort());
                ((ConfigurableEnvironment) event.getApplicationContext().getEnvironment())
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "serviceplatform-port", Map.of(PORT_PROPERTY, connector.getLocalPort())));
            }
        }
    }

    /** Simulator endpoints only on the HTTPS port, and nothing else there. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serviceplatformPortFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                boolean onSecurePort = request.getLocalPort() == securePort.get();
                boolean secured = request.getRequestURI().startsWith(request.getContextPath() + SECURED_PATHS);
                if (secured && !onSecurePort) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                } else if (!secured && onSecurePort) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static Connector connector(DemoSettings settings, DemoKeyStores stores) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(settings.getPort());
        connector.setScheme("https");
        connector.setSecure(true);
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        // any client certificate gets through the handshake: CallerCertificateCheck refuses with a SOAP fault
        tls.setCertificateVerification("optional_no_ca");
        tls.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(
                stores.file(DemoKeyStores.SERVER).toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(settings.getPassword());
        certificate.setCertificateKeystoreType("PKCS12");
        tls.addCertificate(certificate);
        protocol.addSslHostConfig(tls);
        return connector;
    }

    private static char[] password(DemoSettings settings) {
        if (settings.getPassword() == null || settings.getPassword().isEmpty()) {
            throw new IllegalStateException("serviceplatform.demo.password is not set");
        }
        return settings.getPassword().toCharArray();
    }
}
