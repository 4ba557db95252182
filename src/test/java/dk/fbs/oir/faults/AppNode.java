package dk.fbs.oir.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM (an application node), started from the test's own class path
 * ({@code java -cp <java.class.path> dk.fbs.oir.Application}) on a free port, with its output in
 * {@code target/faults/<name>.log}. A node can be killed with SIGKILL and another started on the
 * same database.
 */
final class AppNode implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node with these Spring properties (without the leading "--") and waits until it is up. */
    static AppNode start(String name, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx768m", // starts faster; the node runs seconds, not days
                "-cp",
                System.getProperty("java.class.path"),
                "dk.fbs.oir.Application",
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "faults", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // never outlive the tests
            AppNode node = new AppNode(name, port, process, log);
            node.awaitUp();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the node with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
     * rollback, no goodbye to the database. Returns the exit value, 137 (128 + 9) for SIGKILL.
     */
    int kill() {
        process.destroyForcibly();
        return waitForExit();
    }

    private void awaitUp() {
        await("node " + name + " up (log: " + log + ")")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "node " + name + " exited with " + process.exitValue() + ", see " + log);
                    }
                    return health() == 200;
                });
    }

    /** The HTTP status of {@code /actuator/health} (200 when up), or -1 when it does not answer. */
    private int health() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the node as an operator would (SIGTERM, a graceful shutdown). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
