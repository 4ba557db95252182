package dk.fbs.oir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
      String database = "fbs_oir_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

  /** Databases of earlier runs; one still in use by a concurrent run cannot be dropped and stays. */
  private static void dropLeftovers(Connection admin) throws SQLException {
    var leftovers = new java.util.ArrayList<String>();
    try (var rs = admin.createStatement().executeQuery(
        "select datname from pg_database where datname like 'fbs\\_oir\\_it\\_%'")) {
      while (rs.next()) {
        leftovers.add(rs.getString(1));
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
