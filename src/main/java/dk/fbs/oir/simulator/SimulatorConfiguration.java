package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.OirProperties;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.security.SecurityConfiguration;
import dk.fbs.oir.serviceplatform.CallerCertificateCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.cxf.Bus;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The debtor-system simulator (Spring profile {@code simulator}, on in the embedded run and in
 * tests, never in production): one SOAP endpoint per debtor system under
 * {@code /services/simulator/{system}}, e.g. {@code /services/simulator/kmd-opus}.
 */
@Configuration
@Profile("simulator")
public class SimulatorConfiguration {

    /** Path of a debtor system's simulated endpoint below the CXF servlet. */
    public static String endpointPath(DebtorSystem system) {
        return "/simulator/" + system.slug();
    }

    /** The debtor systems' own clock: the application's, moved on by {@code POST /simulator/api/clock}. */
    @Bean
    SimulatorClock simulatorClock(Clock clock) {
        return new SimulatorClock(clock);
    }

    @Bean
    SimulatorStore simulatorStore(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            SimulatorProperties properties,
            SimulatorClock clock,
            SimulatorPush push) {
        // the simulator's tables have their own Flyway history: production never migrates them
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/simulator")
                .table("sim_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new SimulatorStore(
                new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager), properties, clock, push);
    }

    @Bean
    SimulatorLedger simulatorLedger(SimulatorStore store, SimulatorProperties properties) {
        return new SimulatorLedger(store, properties);
    }

    @Bean
    SimulatedPsrm simulatedPsrm(SimulatorStore store) {
        return new SimulatedPsrm(store);
    }

    @Bean
    SimulatedDunning simulatedDunning(
            SimulatorStore store,
            SimulatedPsrm psrm,
            SimulatorProperties properties,
            SimulatorClock clock,
            SimulatorPush push) {
        return new SimulatedDunning(store, psrm, properties, clock, push);
    }

    @Bean
    SimulatorTampering simulatorTampering(SimulatorStore store) {
        return new SimulatorTampering(store);
    }

    /** The simulator pushes as a debtor-system client whose password is made up at each start. */
    @Bean(destroyMethod = "shutdown")
    SimulatorPush simulatorPush(
            SimulatorProperties properties,
            Environment environment,
            InMemoryUserDetailsManager apiClients,
            PasswordEncoder encoder) {
        String password = UUID.randomUUID().toString();
        apiClients.createUser(User.withUsername("debtor-simulator")
                .password(encoder.encode(password))
                .roles(SecurityConfiguration.DEBTOR_SYSTEM)
                .build());
        return new SimulatorPush(properties, environment, "debtor-simulator", password);
    }

    /**
     * With the profile {@code serviceplatformen} the endpoints demand what Serviceplatformen demands:
     * a trusted client certificate ({@link CallerCertificateCheck}) and the security model's context.
     */
    @Bean(destroyMethod = "")
    List<EndpointImpl> simulatorEndpoints(
            Bus bus,
            SimulatorLedger ledger,
            SimulatorStore store,
            SimulatorProperties properties,
            RoutingService routing,
            OirProperties endpoints,
            ObjectProvider<CallerCertificateCheck> callerCheck) {
        SimulatedAuthority authority = new SimulatedAuthority(endpoints, routing);
        return Arrays.stream(DebtorSystem.values())
                .map(system -> {
                    EndpointImpl endpoint = new EndpointImpl(
                            bus,
                            new SimulatedDebtorSystem(system, ledger, store, properties, routing::isKnown, authority));
                    endpoint.setProperties(Map.of("schema-validation-enabled", "true"));
                    callerCheck.ifAvailable(
                            check -> endpoint.getInInterceptors().add(check));
                    endpoint.getOutFaultInterceptors().add(new PlainFaults());
                    endpoint.publish(endpointPath(system));
                    return endpoint;
                })
                .toList();
    }

    /**
     * A fault says what was wrong with the request, never which Java class noticed it: a date such
     * as 2026-02-30 fails in JAXB with "java.time.format.DateTimeParseException: ..." in the text.
     */
    static final class PlainFaults extends AbstractPhaseInterceptor<Message> {
        /** Bounded and anchored at a word boundary: linear even in a fault quoting a 200 kB value. */
        private static final Pattern CLASS_NAME =
                Pattern.compile("\\b(?:[a-z][\\w$]{0,60}\\.){1,12}[A-Z][\\w$]{0,80}(?:Exception|Error)\\b(?::\\s?)?");

        PlainFaults() {
            super(Phase.PREPARE_SEND);
        }

        @Override
        public void handleMessage(Message message) {
            if (message.getContent(Exception.class) instanceof Fault fault && fault.getMessage() != null) {
                fault.setMessage(CLASS_NAME.matcher(fault.getMessage()).replaceAll(""));
            }
        }
    }

    /** Fault DOWN: the system's endpoint answers 503 without a SOAP body, as an unreachable service would. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> simulatorOutageFilter(SimulatorProperties properties) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                for (DebtorSystem system : DebtorSystem.values()) {
                    if (request.getRequestURI().endsWith(endpointPath(system))
                            && properties.behaviour(system).getFault() == SimulatorProperties.Fault.DOWN) {
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/services/simulator/*");
        return registration;
    }
}
