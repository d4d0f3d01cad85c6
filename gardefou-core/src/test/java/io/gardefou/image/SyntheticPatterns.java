package io.gardefou.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The synthetic RGB inputs of the nsfwjs parity test, from the same integer formulas as
 * {@code src/test/node/synthetic.mjs}, so Java and Node feed identical pixels. No photographs, nothing sexual.
 */
final class SyntheticPatterns {
  private SyntheticPatterns() {}

  /** Integer RGB in [0, 255], row-major HWC. */
  static int[] pattern(String name, int width, int height) {
    int[] pixels = new int[width * height * 3];
    int seed = 0x2545f491; // xorshift32 state; JS keeps it as a signed 32-bit int too
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          int v = switch (name) {
            case "gradient" -> new int[] {x * 255 / (width - 1), y * 255 / (height - 1),
                (x + y) * 255 / (width + height - 2)}[c];
            case "checkerboard" -> (((x >> 4) + (y >> 4)) & 1) == 1 ? new int[] {230, 200, 40}[c]
                : new int[] {20, 60, 200}[c];
            case "noise" -> {
              seed ^= seed << 13;
              seed ^= seed >>> 17;
              seed ^= seed << 5;
              yield seed & 255;
            }
            case "rings" -> {
              int d = ((x - 112) * (x - 112) + (y - 112) * (y - 112)) >> 5;
              yield d * new int[] {3, 5, 7}[c] & 255;
            }
            default -> throw new IllegalArgumentException("unknown pattern " + name);
          };
          pixels[(y * width + x) * 3 + c] = v;
        }
      }
    }
    return pixels;
  }

  /** The pattern as the decoder would hand it over: a TYPE_3BYTE_BGR image. */
  static DecodedImage decoded(String name, int width, int height) {
    int[] rgb = pattern(name, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < width * height; i++) {
      bgr[i * 3] = (byte) rgb[i * 3 + 2];
      bgr[i * 3 + 1] = (byte) rgb[i * 3 + 1];
      bgr[i * 3 + 2] = (byte) rgb[i * 3];
    }
    return new DecodedImage(image, ImageFormat.PNG, width, height, Orientation.NORMAL, 1, false);
  }
}
