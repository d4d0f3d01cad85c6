package io.gardefou.bench;

import io.gardefou.image.DecodedImage;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
    jpeg = SyntheticImages.jpeg(content.equals("noise") ? SyntheticImages.noise(SIDE, 1) : SyntheticImages.smooth(SIDE), 0.90f);
  }

  @Benchmark
  public DecodedImage decode() {
    return decoder.decode(jpeg);
  }

  @Benchmark
  public BufferedImage imageIoRead() throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
