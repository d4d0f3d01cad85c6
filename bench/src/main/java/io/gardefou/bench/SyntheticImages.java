package io.gardefou.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Images the benchmarks make for themselves: never photos, the same pixels in every run. */
final class SyntheticImages {
  private SyntheticImages() {}

  /** Gradients with soft ripples: compresses like a photo (about 100–200 KB as a 1024² JPEG). */
  static BufferedImage smooth(int side) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int r = (int) (127 + 120 * Math.sin(x / 37.0) * Math.cos(y / 53.0));
        int g = x * 255 / side;
        int b = (int) (127 + 120 * Math.sin((x + y) / 91.0));
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  /** Seeded colour noise: the worst case for a JPEG decoder. */
  static BufferedImage noise(int side, long seed) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    Random random = new Random(seed);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }

  static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
