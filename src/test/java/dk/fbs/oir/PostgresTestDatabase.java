package dk.fbs.oir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for an integration test: a Testcontainers container where Docker
 * runs, otherwise a new database on the server at 127.0.0.1:5432 (user postgres, trust auth), which
 * {@code .ci/run} starts when it is down.
 */
public final class PostgresTestDatabase {

  private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private PostgresTestDatabase() {}

  public static void register(DynamicPropertyRegistry registry) {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      registry.add("spring.datasource.url", container::getJdbcUrl);
      registry.add("spring.datasource.username", container::getUsername);
      registry.add("spring.datasource.password", container::getPassword);
    } else {
      String database = "fbs_oir_it_" + Instant.now().getEpochSecond() + "_"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      try (Connection admin = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
        dropLeftovers(admin);
        admin.createStatement().execute("create database " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("No Docker and no PostgreSQL at 127.0.0.1:5432 (start it as .ci/run does)", e);
      }
      registry.add("spring.datasource.url", () -> LOCAL_SERVER + database);
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
    }
  }

  /**
   * Databases of earlier runs, an hour old or more (by the time in their name): a concurrent run's
   * database, created but not yet connected to, stays. One still in use cannot be dropped and stays.
   */
  private static void dropLeftovers(Connection admin) throws SQLException {
    var leftovers = new java.util.ArrayList<String>();
    long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
    try (var rs = admin.createStatement().executeQuery(
        "select datname from pg_database where datname like 'fbs\\_oir\\_it\\_%'")) {
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
