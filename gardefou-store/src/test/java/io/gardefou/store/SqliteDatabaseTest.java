package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a SQLite file in a fresh temporary directory. */
final class SqliteDatabaseTest extends DatabaseContract {
  @TempDir Path temp;

  @Override
  String createEmptyDatabase() {
    // Directories that do not exist yet: opening must create them.
    return "jdbc:sqlite:" + temp.resolve("nested/data/gardefou.db");
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the file.
  }

  @Test
  void migratesFreshSqliteFileOnOpen() {
    Path file = temp.resolve("nested/data/gardefou.db");
    assertThat(file).doesNotExist();

    Database database = open();

    assertThat(file).isRegularFile();
    assertThat(database.verdicts().count()).isZero();
    assertThat(appliedMigrations(database)).containsExactly("1", "2");
  }

  @Test
  void opensTheDefaultFileInTheDataDirectory() {
    try (Database database = Database.openDefault(temp.resolve("data"))) {
      assertThat(database.verdicts().count()).isZero();
    }

    assertThat(temp.resolve("data/gardefou.db")).isRegularFile();
  }

  @Test
  void usesWriteAheadLoggingForeignKeysAndABusyTimeout() {
    Database database = open();

    database.jdbi().useHandle(handle -> {
      assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
      assertThat(handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
      assertThat(handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5_000);
      assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(2); // FULL
    });
    assertThat(Files.exists(temp.resolve("nested/data/gardefou.db-wal"))).isTrue();
  }
}
