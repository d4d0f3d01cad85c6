package io.gardefou.gateway;

import io.gardefou.model.Digests;
import io.gardefou.model.InputImage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A built-in stand-in for an image model, <b>for demonstrations and tests only</b>: it draws a gradient and a few
 * shapes chosen by the prompt's hash (and the edit's source images), as PNG. The same request gives the same images.
 * It lets {@code gardefou serve} work with no upstream configured; it makes nothing a real model would.
 */
public final class DemoUpstream implements Upstream {
  public static final String NAME = "demo";
  static final int DEFAULT_SIDE = 256;
  static final int MAX_SIDE = 1024;

  private final Clock clock;

  private DemoUpstream(Clock clock) {
    this.clock = clock;
  }

  public static DemoUpstream create() {
    return new DemoUpstream(Clock.systemUTC());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UpstreamImages generate(ImagesRequest request) {
    return draw(request, request.prompt());
  }

  @Override
  public UpstreamImages edit(ImagesRequest request) {
    StringBuilder seed = new StringBuilder(request.prompt());
    request.images().forEach(image -> seed.append('\n').append(image.sha256()));
    return draw(request, seed.toString());
  }

  private UpstreamImages draw(ImagesRequest request, String seed) {
    int[] size = size(request.option("size"));
    long base = ByteBuffer.wrap(Digests.sha256(seed.getBytes(StandardCharsets.UTF_8))).getLong();
    List<GeneratedImage> images = new ArrayList<>(request.n());
    for (int i = 0; i < request.n(); i++) {
      byte[] png = png(picture(new SplittableRandom(base + i), size[0], size[1]));
      images.add(new GeneratedImage(InputImage.of("demo-" + i + ".png", png), Optional.empty()));
    }
    return new UpstreamImages(clock.instant().getEpochSecond(), images);
  }

  /** OpenAI's {@code WIDTHxHEIGHT}; {@code auto}, absent or unreadable gives the default, large sizes are capped. */
  private static int[] size(Optional<String> size) {
    String[] parts = size.orElse("").split("x");
    try {
      if (parts.length == 2) {
        return new int[] {side(Integer.parseInt(parts[0])), side(Integer.parseInt(parts[1]))};
      }
    } catch (NumberFormatException e) {
      // fall through to the default: the demo draws something whatever it is told
    }
    return new int[] {DEFAULT_SIDE, DEFAULT_SIDE};
  }

  private static int side(int requested) {
    return Math.clamp(requested, 16, MAX_SIDE);
  }

  private static BufferedImage picture(SplittableRandom random, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, color(random), width, height, color(random)));
      g.fillRect(0, 0, width, height);
      int shapes = 3 + random.nextInt(5);
      for (int s = 0; s < shapes; s++) {
        g.setColor(color(random));
        int w = 8 + random.nextInt(Math.max(1, width / 2));
        int h = 8 + random.nextInt(Math.max(1, height / 2));
        int x = random.nextInt(width);
        int y = random.nextInt(height);
        if (random.nextBoolean()) {
          g.fillOval(x - w / 2, y - h / 2, w, h);
        } else {
          g.fillRect(x - w / 2, y - h / 2, w, h);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Color color(SplittableRandom random) {
    return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory failed", e);
    }
    return out.toByteArray();
  }
}
