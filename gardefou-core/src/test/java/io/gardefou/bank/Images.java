package io.gardefou.bank;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Synthetic PNGs: seeded blocky patterns (high PDQ quality) and flat fills (quality 0). */
final class Images {
  private Images() {}

  static byte[] pattern(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
    for (int by = 0; by < 8; by++) {
      for (int bx = 0; bx < 8; bx++) {
        int grey = random.nextInt(256);
        for (int y = by * 16; y < by * 16 + 16; y++) {
          for (int x = bx * 16; x < bx * 16 + 16; x++) {
            image.setRGB(x, y, grey << 16 | grey << 8 | grey);
          }
        }
      }
    }
    return png(image);
  }

  static byte[] flat(int rgb) {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return png(image);
  }

  static BufferedImage decode(byte[] png) {
    try {
      return ImageIO.read(new java.io.ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
