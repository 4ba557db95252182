package dk.fbs.oir.bench.peer;

import static org.springframework.security.config.Customizer.withDefaults;

import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.security.SecurityConfiguration;
import java.time.Clock;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The honest peer of the benchmark (issue 20): the same job as the engine's intake and submission,
 * written without a process engine, in the benchmark's application only (profile {@code bench}).
 * Its controller is {@code dk.fbs.oir.api.PeerChargeController} at {@code /bench/peer}, guarded as
 * {@code /api} is: HTTP Basic against the same API clients, role FBS, stateless.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
public class PeerConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain peerApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bench/peer/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(SecurityConfiguration.FBS))
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PeerTable peerTable(JdbcTemplate jdbc) {
        PeerTable table = new PeerTable(jdbc);
        table.create();
        return table;
    }

    @Bean
    PeerWorkers peerWorkers(
            PeerTable table,
            OirGateway oir,
            @Value("${bench.peer.threads:10}") int threads,
            @Value("${bench.peer.per-round:20}") int perRound) {
        return new PeerWorkers(table, oir, threads, perRound);
    }

    @Bean
    PeerCharges peerCharges(
            PeerTable table,
            RoutingService routing,
            DecisionService decisions,
            PeerWorkers workers,
            TransactionTemplate tx,
            Clock clock) {
        return new PeerCharges(table, new PeerRegister(routing, decisions), workers, tx, clock);
    }
}
