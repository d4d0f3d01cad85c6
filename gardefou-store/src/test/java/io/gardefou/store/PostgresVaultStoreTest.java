package io.gardefou.store;

import org.junit.jupiter.api.BeforeAll;

/** The vault store on a real PostgreSQL, each test in a database of its own; skipped when none is reachable. */
final class PostgresVaultStoreTest extends VaultStoreContract {
  private final PostgresDatabaseTest server = new PostgresDatabaseTest();

  @BeforeAll
  static void findPostgres() {
    PostgresDatabaseTest.findPostgres();
  }

  @Override
  String createEmptyDatabase() throws Exception {
    return server.createEmptyDatabase();
  }

  @Override
  void dropDatabase() throws Exception {
    server.dropDatabase();
  }
}
