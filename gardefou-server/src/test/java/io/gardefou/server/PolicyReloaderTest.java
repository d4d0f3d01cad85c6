package io.gardefou.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.policy.PolicyPacks;
import io.gardefou.policy.SwappablePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyReloaderTest {
  private static final String GERMANY = """
      id: DE
      version: %s
      effective_from: 2026-07-02
      extends: [EU]
      jurisdictions: [DE]
      """;

  @TempDir Path dir;

  @Test
  void swapsInChangedPacksOnlyOnceTheyPassEveryCheck() throws Exception {
    write(GERMANY.formatted("2026.07.0"), 1);
    SwappablePolicy policy = new SwappablePolicy(PolicyPacks.load(dir));
    try (PolicyReloader reloader = PolicyReloader.watch(dir, List.of(), policy, Duration.ofHours(1))) {
      String first = policy.version();
      assertThat(reloader.reloadIfChanged()).as("nothing changed yet").isFalse();

      write(GERMANY.formatted("2026.08.0"), 2);
      assertThat(reloader.reloadIfChanged()).isTrue();
      String second = policy.version();
      assertThat(second).isNotEqualTo(first);

      write(GERMANY.formatted("2026.09.0") + "minor_age: 12\n", 3);
      assertThat(reloader.reloadIfChanged()).as("a pack that lowers the minor age is refused").isFalse();
      assertThat(policy.version()).isEqualTo(second);

      write("id: [unclosed", 4);
      assertThat(reloader.reloadIfChanged()).as("malformed YAML is refused").isFalse();
      assertThat(policy.version()).isEqualTo(second);
    }
  }

  /** Writes the pack with a distinct modification time, so that a rewrite within one clock tick is still seen. */
  private void write(String yaml, int generation) throws Exception {
    Path file = Files.writeString(dir.resolve("DE.yaml"), yaml);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T00:00:00Z").plusSeconds(generation)));
  }
}
