package io.gardefou.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL at 127.0.0.1:5432 (trust auth), dropped on close; the test that
 * asks for one is skipped, with the reason, when no server is reachable.
 */
public final class LocalPostgres implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final List<String> USERS = List.of("postgres", "root");

  private final String user;
  private final String name;

  private LocalPostgres(String user, String name) {
    this.user = user;
    this.name = name;
  }

  /** Creates an empty database, or skips the calling test if there is no PostgreSQL to create it in. */
  public static LocalPostgres createDatabase() throws SQLException {
    List<String> failures = new ArrayList<>();
    for (String user : USERS) {
      try (Connection admin = DriverManager.getConnection(adminUrl(user)); Statement sql = admin.createStatement()) {
        String name = "gardefou_test_" + UUID.randomUUID().toString().replace("-", "");
        sql.execute("CREATE DATABASE " + name);
        return new LocalPostgres(user, name);
      } catch (SQLException e) {
        failures.add(user + ": " + e.getMessage());
      }
    }
    Assumptions.abort("no PostgreSQL reachable at " + SERVER + " with trust auth; tried " + failures);
    throw new IllegalStateException("unreachable");
  }

  /** The JDBC URL of this database. */
  public String url() {
    return SERVER + name + "?user=" + user;
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl(user)); Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static String adminUrl(String user) {
    return SERVER + "postgres?user=" + user + "&connectTimeout=3";
  }
}
