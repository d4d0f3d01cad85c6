package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Images held for URLs: found by their token until they expire or the byte budget pushes them out. */
class ImageFilesTest {
  private final MutableClock clock = new MutableClock();
  private final ImageFiles files = new ImageFiles(Duration.ofHours(1), 3000, clock);

  @Test
  void anImageIsServedUntilItsTimeToLiveRunsOut() {
    String token = files.put(new byte[] {1, 2, 3});

    clock.advance(Duration.ofMinutes(59));
    assertThat(files.get(token)).hasValueSatisfying(held -> assertThat(held.bytes()).containsExactly(1, 2, 3));
    clock.advance(Duration.ofMinutes(1));
    assertThat(files.get(token)).isEmpty();
  }

  @Test
  void pastTheByteBudgetTheOldestImagesGoFirst() {
    String first = files.put(new byte[1000]);
    String second = files.put(new byte[1000]);
    String third = files.put(new byte[1000]);

    String fourth = files.put(new byte[1500]);

    assertThat(files.get(first)).isEmpty();
    assertThat(files.get(second)).isEmpty();
    assertThat(files.get(third)).isPresent();
    assertThat(files.get(fourth)).isPresent();
  }

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      tokens.add(files.put(new byte[1]));
    }

    assertThat(tokens).hasSize(100).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
    assertThat(files.get("guess")).isEmpty();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
