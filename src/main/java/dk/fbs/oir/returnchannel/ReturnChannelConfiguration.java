package dk.fbs.oir.returnchannel;

import static org.springframework.security.config.Customizer.withDefaults;

import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.security.SecurityConfiguration;
import dk.fbs.oir.sync.IncomingMessages;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The return channel's SOAP endpoint at {@code /services/daekning-afskrivning} (in every profile:
 * production hosts it), with schema validation, guarded by HTTP Basic for debtor systems (role
 * {@code DEBTOR_SYSTEM}; operators too, to send a message again) and by every
 * {@link InboundSoapSecurity} there is.
 */
@Configuration
public class ReturnChannelConfiguration {

    /** Path of the return channel below the CXF servlet. */
    public static final String PATH = "/daekning-afskrivning";

    @Bean(destroyMethod = "")
    EndpointImpl returnChannelEndpoint(
            Bus bus, IncomingMessages messages, RoutingService routing, ObjectProvider<InboundSoapSecurity> security) {
        EndpointImpl endpoint = new EndpointImpl(bus, new ReturnChannelEndpoint(messages, routing));
        endpoint.setProperties(Map.of("schema-validation-enabled", "true"));
        security.orderedStream().forEach(s -> s.secure(endpoint));
        endpoint.publish(PATH);
        return endpoint;
    }

    @Bean
    @Order(2)
    SecurityFilterChain returnChannel(HttpSecurity http) throws Exception {
        // a path pattern of its own: the endpoint is served by CXF's servlet, not by Spring MVC's
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/services" + PATH + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyRole(SecurityConfiguration.DEBTOR_SYSTEM, SecurityConfiguration.OPERATOR))
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
