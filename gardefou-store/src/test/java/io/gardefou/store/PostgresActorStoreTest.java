package io.gardefou.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The actor and appeal stores on a real PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres): each test
 * creates its own database and drops it afterwards. Skipped, not failed, when none is reachable.
 */
final class PostgresActorStoreTest extends ActorStoreContract {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String ADMIN = SERVER + "postgres?user=postgres&connectTimeout=3";

  private String name;

  @Override
  String createEmptyDatabase() {
    name = "gardefou_actors_" + UUID.randomUUID().toString().replace("-", "");
    try {
      execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      name = null;
      Assumptions.abort("no PostgreSQL reachable at " + SERVER + " as postgres with trust auth: " + e.getMessage());
    }
    return SERVER + name + "?user=postgres";
  }

  @Override
  void dropDatabase() throws SQLException {
    if (name != null) {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(ADMIN); Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
