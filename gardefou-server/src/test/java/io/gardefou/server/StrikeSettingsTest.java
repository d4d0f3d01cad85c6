package io.gardefou.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.actor.StrikeRules;
import io.gardefou.model.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strike settings of the config file: weights by category, half-life, threshold and suspension period. */
class StrikeSettingsTest {
  @TempDir Path dir;

  @Test
  void readsTheStrikeKeysOverTheDefaults() throws Exception {
    StrikeRules strikes = ServerConfig.load(write("""
        strike_weights:
          sexual/non-consensual: 8
          violence/graphic: 2.5
        strike_half_life: P14D
        suspension_threshold: 12
        suspension_period: PT72H
        """)).strikes();

    assertThat(strikes.weight(Category.SEXUAL_NON_CONSENSUAL)).isEqualTo(8.0);
    assertThat(strikes.weight(Category.VIOLENCE_GRAPHIC)).isEqualTo(2.5);
    assertThat(strikes.weight(Category.SEXUAL_MINORS)).isEqualTo(StrikeRules.defaults().weight(Category.SEXUAL_MINORS));
    assertThat(strikes.halfLife()).isEqualTo(Duration.ofDays(14));
    assertThat(strikes.threshold()).isEqualTo(12.0);
    assertThat(strikes.suspension()).isEqualTo(Duration.ofHours(72));
    assertThat(ServerConfig.defaults().strikes()).isEqualTo(StrikeRules.defaults());
  }

  @Test
  void namesTheBadStrikeSetting() throws Exception {
    assertThatThrownBy(() -> ServerConfig.load(write("strike_weights: {sexual/kids: 3}\n")))
        .hasMessageContaining("strike_weights").hasMessageContaining("sexual/kids");
    assertThatThrownBy(() -> ServerConfig.load(write("strike_half_life: 30 days\n")))
        .hasMessageContaining("strike_half_life");
    assertThatThrownBy(() -> ServerConfig.load(write("suspension_threshold: -1\n")))
        .hasMessageContaining("threshold");
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("gardefou.yaml"), yaml);
  }
}
