package io.gardefou.bench;

import io.gardefou.image.DecodedImage;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ImageDecoder#decode} on a synthetic 1024×1024 JPEG (quality 0.90, as in research/pdq.md): a smooth,
 * photo-like picture and uniform noise, the entropy decoder's worst case. {@code imageIoRead} is plain
 * {@code ImageIO.read} on the same bytes, so the difference is the cost of the checks and the canonical copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImageDecodeBenchmark {
  private static final int SIDE = 1024;

  @Param({"smooth", "noise"})
  public String content;

  private ImageDecoder decoder;
  private byte[] jpeg;

  @Setup
  public void setUp() throws IOException {
    decoder = ImageDecoder.create(ImageLimits.defaults());
    jpeg = jpeg(content.equals("noise") ? noise() : smooth(), 0.90f);
  }

  @Benchmark
  public DecodedImage decode() {
    return decoder.decode(jpeg);
  }

  @Benchmark
  public BufferedImage imageIoRead() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  /** Gradients with soft ripples: compresses like a photo (about 100–200 KB at this size). */
  private static BufferedImage smooth() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int r = (int) (127 + 120 * Math.sin(x / 37.0) * Math.cos(y / 53.0));
        int g = x * 255 / SIDE;
        int b = (int) (127 + 120 * Math.sin((x + y) / 91.0));
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static BufferedImage noise() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    Random random = new Random(1);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
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
