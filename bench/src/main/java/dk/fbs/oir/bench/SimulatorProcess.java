package dk.fbs.oir.bench;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The debtor systems as ØiR would be: the application with profile {@code simulator} in a JVM and a
 * database of their own, so a simulated debtor system competes with us for the CPU, as on one
 * machine it must, but not for our connection pool, our Tomcat threads or our heap. Its engine's
 * job executor is off: it only answers SOAP calls, after the configured answer time.
 */
final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SimulatorProcess start(String jdbcUrl, Duration answerDelay) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                DebtorSystems.class.getName(),
                "--spring.profiles.active=simulator",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false",
                // the benchmark measures submission: the invoice events come a day later, and are not pushed
                "--simulator.push-url=",
                "--logging.file.name=target/bench/simulator.log",
                "--logging.threshold.console=OFF"));
        for (DebtorSystem system : DebtorSystem.values()) {
            command.add("--simulator.systems." + system + ".answer-delay=" + answerDelay.toMillis() + "ms");
            command.add("--simulator.systems." + system + ".event-delay=24h");
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/bench/simulator.out"))
                .start();
        return new SimulatorProcess(process, port);
    }

    long pid() {
        return process.pid();
    }

    /** The endpoint of a debtor system, e.g. {@code kmd-opus}. */
    String url(String slug) {
        return "http://localhost:" + port + "/services/simulator/" + slug;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The simulator stopped; see target/bench/simulator.out");
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url(DebtorSystem.values()[0].slug()) + "?wsdl"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The simulator did not start within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
