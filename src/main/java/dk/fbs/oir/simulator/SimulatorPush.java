package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.RestClient;

/**
 * The simulated debtor systems' push: once an event is committed and published (after the
 * system's event delay), the configured URL is told that the municipality has new events, as
 * KOMBIT's Beskedfordeler would. A lost notification costs only time: the timed pull finds the event.
 */
class SimulatorPush {

    private static final Logger log = LoggerFactory.getLogger(SimulatorPush.class);

    private final SimulatorProperties properties;
    private final Environment environment;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulator-push");
        thread.setDaemon(true);
        return thread;
    });
    private final RestClient http;

    /** The push authenticates as a debtor system with credentials made up at start (no default password). */
    SimulatorPush(SimulatorProperties properties, Environment environment, String username, String password) {
        this.properties = properties;
        this.environment = environment;
        this.http = RestClient.builder()
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .build();
    }

    /**
     * With profile {@code beskedfordeler} the events go to the broker first ({@link SimulatorBeskedfordeler}),
     * the REST notification only when it did not take them: true when it did.
     */
    private volatile BiPredicate<DebtorSystem, String> broker;

    void publishThrough(BiPredicate<DebtorSystem, String> broker) {
        this.broker = broker;
    }

    /** Schedules a notification for after the current transaction commits. */
    void afterCommit(DebtorSystem system, String municipalityCode, Duration eventDelay) {
        BiPredicate<DebtorSystem, String> first = broker;
        if ((first == null && properties.getPushUrl().isBlank())
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(system, municipalityCode, eventDelay);
            }
        });
    }

    /**
     * Events held back by the system's delay were published because the simulator's days passed
     * (the delay is measured on its clock): the municipality's readers are told now.
     */
    void published(DebtorSystem system, String municipalityCode) {
        publish(system, municipalityCode, Duration.ZERO);
    }

    private void publish(DebtorSystem system, String municipalityCode, Duration eventDelay) {
        BiPredicate<DebtorSystem, String> first = broker;
        if (first == null) {
            if (!properties.getPushUrl().isBlank()) {
                executor.schedule(() -> push(system, municipalityCode), eventDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            executor.execute(() -> {
                if (!first.test(system, municipalityCode)
                        && !properties.getPushUrl().isBlank()) {
                    executor.schedule(
                            () -> push(system, municipalityCode), eventDelay.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        }
    }

    private void push(DebtorSystem system, String municipalityCode) {
        String url =
                environment.resolveRequiredPlaceholders(properties.getPushUrl().replace("{system}", system.name()));
        try {
            http.post()
                    .uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("municipalityCode", municipalityCode))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.info("Push to {} failed ({}); the timed pull will find the event", url, e.getMessage());
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
