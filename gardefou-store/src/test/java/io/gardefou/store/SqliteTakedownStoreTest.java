package io.gardefou.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The take-downs and review actions on a SQLite file. */
final class SqliteTakedownStoreTest extends TakedownStoreContract {
  @TempDir Path temp;

  @Override
  String createEmptyDatabase() {
    return "jdbc:sqlite:" + temp.resolve("gardefou.db");
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the files.
  }
}
