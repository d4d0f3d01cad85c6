package io.gardefou.hash;

import java.util.Objects;

/**
 * A PDQ hash with its quality, 0..100: how much gradient the 64x64 downsample has. Below 50 the hash says little
 * about the image (flat or nearly blank) and bank matching should ignore it (ThreatExchange pdq/README.md).
 */
public record PdqResult(PdqHash hash, int quality) {
  /** Quality under which a hash is not worth matching ({@code PdqSignal.QUALITY_THRESHOLD} in python-threatexchange). */
  public static final int MIN_USEFUL_QUALITY = 50;

  public PdqResult {
    Objects.requireNonNull(hash, "hash");
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("PDQ quality is 0..100, got " + quality);
    }
  }
}
