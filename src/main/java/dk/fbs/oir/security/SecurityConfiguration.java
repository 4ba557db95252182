package dk.fbs.oir.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Nothing is open by default. {@code /api} requires HTTP Basic (over TLS in production, at the
 * proxy) with a role per kind of client; {@code /engine-rest} requires a Camunda user and honours
 * Camunda's authorizations; the webapps have Camunda's own login; actuator beyond health needs an
 * operator. HTTP Basic is the documented minimum of the issue: FBS is a single machine client
 * with a secret, and an OAuth2 resource server can replace the {@code /api} chain without other
 * changes once the municipalities' identity provider issues tokens for FBS.
 */
@Configuration
public class SecurityConfiguration {

    public static final String FBS = "FBS";
    public static final String DEBTOR_SYSTEM = "DEBTOR_SYSTEM";
    public static final String OPERATOR = "OPERATOR";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, IdentityService identity, InMemoryUserDetailsManager apiClients)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.POST, "/api/v1/debtor-systems/*/notifications")
                        .hasAnyRole(DEBTOR_SYSTEM, OPERATOR)
                        .requestMatchers("/api/v1/debtor-systems/**", "/api/v1/operator/**")
                        .hasRole(OPERATOR)
                        // reports: operators all, caseworkers their municipality's (checked per request)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reconciliations/**")
                        .hasAnyRole(OPERATOR, MunicipalityAccess.CASEWORKER)
                        .requestMatchers("/api/v1/reconciliations/**")
                        .hasRole(OPERATOR)
                        // onboardings: operators start them and see all, project leaders see their municipality's
                        .requestMatchers(HttpMethod.GET, "/api/v1/onboardings", "/api/v1/onboardings/**")
                        .hasAnyRole(OPERATOR, MunicipalityAccess.CASEWORKER)
                        .requestMatchers("/api/v1/onboardings", "/api/v1/onboardings/**")
                        .hasRole(OPERATOR)
                        .anyRequest()
                        .hasRole(FBS))
                .authenticationProvider(MunicipalityAccess.camundaUsers(identity, apiClients))
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/info")
                        .permitAll()
                        .anyRequest()
                        .hasRole(OPERATOR))
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The rest has its own guards: the webapps log in against Camunda's identity service and carry
     * their own CSRF protection; /engine-rest is guarded by Camunda's authentication filter below;
     * the simulator exists only in its profile; the OpenAPI document and Swagger UI describe the contract.
     */
    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** Spring's encoders for the configured passwords; new hashes are bcrypt of the configured cost. */
    @Bean
    PasswordEncoder passwordEncoder(ApiClientsProperties properties) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.getBcryptStrength())));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    InMemoryUserDetailsManager apiClients(ApiClientsProperties properties) {
        InMemoryUserDetailsManager clients = new InMemoryUserDetailsManager();
        for (ApiClientsProperties.Client client : properties.getClients()) {
            clients.createUser(User.withUsername(client.getUsername())
                    .password(client.getPassword())
                    .roles(client.getRoles().toArray(String[]::new))
                    .build());
        }
        return clients;
    }

    /**
     * The clients' passwords are checked with their encoder (bcrypt in production) once, and then
     * remembered for five minutes (see {@link RememberedLogins}). The configured encoding is kept:
     * a {@code {noop}} password is not re-encoded with bcrypt at the first login.
     */
    @Bean
    AuthenticationProvider apiClientAuthentication(
            InMemoryUserDetailsManager apiClients, PasswordEncoder encoder, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(apiClients);
        passwords.setPasswordEncoder(encoder);
        return new RememberedLogins(passwords, Duration.ofMinutes(5), clock);
    }

    /** {@code /engine-rest} answers only an authenticated Camunda user, and then within its authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
