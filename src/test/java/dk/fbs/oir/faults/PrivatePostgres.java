package dk.fbs.oir.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of one test's own, in a temporary directory on a free loopback port, that
 * the test may stop and start (the shared server on 5432 serves other tests and stays up). Uses the
 * Debian server binaries ({@code /usr/lib/postgresql/<version>/bin}); as root, whom initdb refuses,
 * every command runs as the {@code postgres} user.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * A new cluster (trust authentication, user {@code postgres}), started. It is stopped and removed
     * when the JVM ends: the Spring context of the test that uses it closes later than the test
     * class's own {@code @AfterAll}, and must not lose its database first.
     */
    static PrivatePostgres start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("fbs-oir-pg-");
            if (root) {
                UserPrincipal postgres =
                        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            PrivatePostgres cluster = new PrivatePostgres(serverBinaries(), dir, AppNode.freePort(), root);
            cluster.run(
                    "initdb",
                    "-D",
                    cluster.data(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync");
            cluster.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void startServer() {
        run(
                "pg_ctl",
                "-D",
                data(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** Stops the server at once, as a crash would: open connections break, running transactions are lost. */
    void stopImmediately() {
        run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve(program + ".out");
        try {
            // output to a file: the server started by pg_ctl inherits it and outlives the command
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server version's binaries. */
    private static Path serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under " + root));
        }
    }
}
