package dk.fbs.oir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for an integration test's application ({@link PostgresIntegrationTest}):
 * a Testcontainers container where Docker runs, otherwise a new database on the server at
 * 127.0.0.1:5432 (user postgres, trust auth), which {@code .ci/run} starts when it is down. One
 * database per application context: the tests that share an application share its database.
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> datasource = new HashMap<>();
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            datasource.put("spring.datasource.url", container.getJdbcUrl());
            datasource.put("spring.datasource.username", container.getUsername());
            datasource.put("spring.datasource.password", container.getPassword());
        } else {
            String database = "fbs_oir_it_" + Instant.now().getEpochSecond() + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Connection admin = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
                dropLeftovers(admin);
                admin.createStatement().execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "No Docker and no PostgreSQL at 127.0.0.1:5432 (start it as .ci/run does)", e);
            }
            datasource.put("spring.datasource.url", LOCAL_SERVER + database);
            datasource.put("spring.datasource.username", "postgres");
            datasource.put("spring.datasource.password", "");
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("postgresTestDatabase", datasource));
    }

    /**
     * Databases of earlier runs, an hour old or more (by the time in their name): a concurrent run's
     * database, created but not yet connected to, stays. One still in use cannot be dropped and stays.
     */
    private static void dropLeftovers(Connection admin) throws SQLException {
        var leftovers = new java.util.ArrayList<String>();
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        try (var rs = admin.createStatement()
                .executeQuery("select datname from pg_database where datname like 'fbs\\_oir\\_it\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length < 5 || !parts[3].matches("\\d+") || Long.parseLong(parts[3]) < anHourAgo) {
                    leftovers.add(rs.getString(1));
                }
            }
        }
        for (String name : leftovers) {
            try {
                admin.createStatement().execute("drop database if exists " + name);
            } catch (SQLException inUse) {
                // another test run is using it
            }
        }
    }
}
