package io.gardefou.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdqMatchesSlowReferenceTest {
  @ParameterizedTest(name = "{0}x{1} type {2}")
  @CsvSource({
      "1, 1, 5", "2, 3, 1", "37, 91, 5", "91, 37, 1", "64, 64, 2", "127, 129, 6", "128, 129, 4",
      "129, 257, 5", "640, 480, 5", "480, 640, 1", "3000, 5, 5", "5, 3000, 1", "1024, 1024, 5", "1500, 301, 2"})
  void fastPathEqualsTheSlowReferenceBitForBit(int width, int height, int type) {
    BufferedImage image = syntheticImage(width, height, type, 31L * width + height);

    assertThat(Pdq.hash(image)).isEqualTo(SlowPdq.hash(image));
    assertThat(Pdq.dihedral(image)).isEqualTo(SlowPdq.dihedral(image));
  }

  /** Smooth gradients, a few blobs and noise: photo-like enough to give well-spread DCT coefficients. */
  static BufferedImage syntheticImage(int width, int height, int type, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, type);
    double fx = random.nextDouble() * 6;
    double fy = random.nextDouble() * 6;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = (double) x / width;
        double v = (double) y / height;
        int r = clamp(128 + 90 * Math.sin(fx * u + 2 * v) + random.nextInt(17) - 8);
        int g = clamp(255 * u * v + random.nextInt(17) - 8);
        int b = clamp(128 + 100 * Math.cos(fy * v * v - u) + random.nextInt(17) - 8);
        int a = random.nextInt(256);
        image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, value));
  }
}
