package io.gardefou.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store on a real PostgreSQL at 127.0.0.1:5432 (trust auth): each test gets its own database, created
 * from the {@code postgres} database and dropped afterwards. Skipped, not failed, when none is reachable.
 */
final class PostgresDatabaseTest extends DatabaseContract {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final List<String> USERS = List.of("postgres", "root");

  private static String user;
  private static String unreachable;
  private String name;

  /** Finds a user the server trusts, once; each test then skips with the reason if there is none. */
  @BeforeAll
  static void findPostgres() {
    List<String> failures = new ArrayList<>();
    for (String candidate : USERS) {
      try (Connection ignored = DriverManager.getConnection(adminUrl(candidate))) {
        user = candidate;
        return;
      } catch (SQLException e) {
        failures.add(candidate + ": " + e.getMessage());
      }
    }
    unreachable = "no PostgreSQL reachable at " + SERVER + " with trust auth, so the PostgreSQL store tests "
        + "are skipped; tried " + failures;
  }

  private static String adminUrl(String user) {
    return SERVER + "postgres?user=" + user + "&connectTimeout=3";
  }

  @Override
  String createEmptyDatabase() throws SQLException {
    Assumptions.assumeTrue(user != null, unreachable);
    name = "gardefou_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + name);
    return SERVER + name + "?user=" + user;
  }

  @Override
  void dropDatabase() throws SQLException {
    if (name == null) {
      return; // skipped before a database was made
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl(user)); Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
