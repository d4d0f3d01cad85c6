package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs {@link Database#open} accepts; none of these reach a database. */
final class DatabaseUrlTest {
  @Test
  void rejectsUnknownJdbcScheme() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://db.example/gardefou?user=u&password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jdbc:mysql'")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> Database.open("postgres://u:hunter2@db.example/gardefou"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'postgres'")
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file:gardefou.db?mode=memory"})
  void rejectsSqliteWithoutAPlainFilePath(String url) {
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain file path");
  }
}
