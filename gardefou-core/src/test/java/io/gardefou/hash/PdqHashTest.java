package io.gardefou.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHashTest {
  // bridge-1-original.jpg, asserted in the upstream Java unit test (pdq/java PDQHasherTest).
  private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @Test
  void hexRoundTripsInTheReferenceFormat() {
    PdqHash hash = PdqHash.fromHex(BRIDGE);

    assertThat(hash.toHex()).isEqualTo(BRIDGE);
    assertThat(hash).hasToString(BRIDGE);
    assertThat(PdqHash.fromHex(BRIDGE.toUpperCase())).isEqualTo(hash).hasSameHashCodeAs(hash);
  }

  @Test
  void firstHexDigitHoldsTheHighestBits() {
    // Reference Hash256: bit k lives in 16-bit word k / 16, words printed w[15] first, each "%04x".
    boolean[] bits = new boolean[256];
    bits[0] = true;
    bits[255] = true;
    bits[17] = true; // word 1, bit 1

    assertThat(PdqHash.fromBits(bits).toHex())
        .isEqualTo("8" + "0".repeat(55) + "0002" + "0001");
  }

  @Test
  void leadingZerosArePrinted() {
    String small = "0000000000000000000000000000000000000000000000000000000000000001";

    assertThat(PdqHash.fromHex(small).toHex()).isEqualTo(small);
    assertThat(PdqHash.fromHex(small).weight()).isEqualTo(1);
  }

  @Test
  void refusesAnythingButSixtyFourHexDigits() {
    assertThatThrownBy(() -> PdqHash.fromHex("0".repeat(32))) // the truncated bank entry of ThreatExchange #1609
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> PdqHash.fromHex(BRIDGE + "0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqHash.fromHex(BRIDGE.substring(1) + "g"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'g'");
    assertThatThrownBy(() -> PdqHash.fromHex(" " + BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqHash.fromHex("\uff10" + BRIDGE.substring(1))) // fullwidth zero
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void distanceIsAMetric() {
    Random random = new Random(7);
    List<PdqHash> hashes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      hashes.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
    }
    for (PdqHash a : hashes) {
      assertThat(a.distance(a)).isZero();
      for (PdqHash b : hashes) {
        assertThat(a.distance(b)).isEqualTo(b.distance(a)).isBetween(0, 256);
        for (PdqHash c : hashes) {
          assertThat(a.distance(c)).isLessThanOrEqualTo(a.distance(b) + b.distance(c));
        }
      }
    }
  }

  @Test
  void distanceCountsDifferingBits() {
    PdqHash bridge = PdqHash.fromHex(BRIDGE);
    // bridge-2-rotate-90.jpg; the upstream Java unit test asserts distance 120 to bridge-1.
    PdqHash rotated = PdqHash.fromHex("30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af");

    assertThat(bridge.distance(rotated)).isEqualTo(120);
    assertThat(new PdqHash(0, 0, 0, 0).distance(new PdqHash(-1, -1, -1, -1))).isEqualTo(256);
  }
}
