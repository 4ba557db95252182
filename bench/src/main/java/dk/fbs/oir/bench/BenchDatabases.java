package dk.fbs.oir.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

/** The benchmark's own databases on the local PostgreSQL server: one per run, dropped afterwards. */
final class BenchDatabases {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PREFIX = "fbs_oir_bench_";

    private BenchDatabases() {}

    /** A new run's database name. */
    static String newName() {
        return PREFIX + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now());
    }

    /** Databases of earlier runs; one still in use by a concurrent run cannot be dropped and stays. */
    static void dropLeftovers() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            var leftovers = new ArrayList<String>();
            try (var rs = admin.createStatement()
                    .executeQuery("select datname from pg_database where datname like 'fbs\\_oir\\_bench\\_%'")) {
                while (rs.next()) {
                    leftovers.add(rs.getString(1));
                }
            }
            for (String name : leftovers) {
                try {
                    admin.createStatement().execute("drop database if exists " + name);
                } catch (SQLException inUse) {
                    // another benchmark is running on it
                }
            }
        }
    }

    static void createDatabase(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
    }

    static void dropDatabase(String database) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + database + ": " + e.getMessage());
        }
    }
}
