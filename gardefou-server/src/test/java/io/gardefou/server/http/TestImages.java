package io.gardefou.server.http;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small images and multipart bodies for the images API tests. */
final class TestImages {
  private TestImages() {}

  /** A {@code side}×{@code side} PNG with a coloured square, different for each seed. */
  static byte[] png(int side, int seed) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(seed * 40 % 256, 120, 200));
    g.fillRect(0, 0, side, side);
    g.setColor(Color.WHITE);
    g.fillRect(side / 4, side / 4, side / 2, side / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The decoded pixels, to compare images whose files differ only in metadata. */
  static int[] pixels(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
      return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isImage(byte[] bytes) {
    try {
      return ImageIO.read(new java.io.ByteArrayInputStream(bytes)) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** A multipart/form-data request body, written by hand so that tests can send what no SDK would. */
  static final class Form {
    private final String boundary = "test-boundary-7d1f";
    private final List<byte[]> parts = new ArrayList<>();

    Form field(String name, String value) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Form file(String name, byte[] bytes) {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      parts.add(bytes);
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    HttpRequest post(String url) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      parts.forEach(body::writeBytes);
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
          .build();
    }
  }
}
