package io.gardefou.server.console;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Clinical test images: coloured rectangles and circles on a gradient, different for each seed. */
final class Shapes {
  private Shapes() {}

  static byte[] png(int seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt()), 256, 256, new Color(random.nextInt())));
    g.fillRect(0, 0, 256, 256);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(random.nextInt()));
      int x = random.nextInt(200);
      int y = random.nextInt(200);
      if (i % 2 == 0) {
        g.fillRect(x, y, 20 + random.nextInt(60), 20 + random.nextInt(60));
      } else {
        g.fillOval(x, y, 20 + random.nextInt(60), 20 + random.nextInt(60));
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
