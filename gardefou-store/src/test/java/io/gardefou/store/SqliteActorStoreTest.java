package io.gardefou.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The actor and appeal stores on a SQLite file in a fresh temporary directory. */
final class SqliteActorStoreTest extends ActorStoreContract {
  @TempDir Path temp;

  @Override
  String createEmptyDatabase() {
    return "jdbc:sqlite:" + temp.resolve("gardefou.db");
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the file.
  }
}
