package io.gardefou.bench;

import ai.onnxruntime.OrtException;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.Nudity;
import io.gardefou.image.NudityClassifier;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The nsfwjs MobileNetV2 classifier on ONNX Runtime, one intra-op thread: {@code infer} is the model alone on a
 * prepared 224×224 input; {@code decodeAndClassify} decodes a synthetic 1024×1024 JPEG (quality 0.90), resizes
 * it as nsfwjs does and classifies it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class NudityBenchmark {
  private static final int SIDE = 1024;

  private NudityClassifier classifier;
  private ImageDecoder decoder;
  private float[] input;
  private byte[] jpeg;

  @Setup
  public void setUp() throws IOException {
    classifier = NudityClassifier.create();
    decoder = ImageDecoder.create(ImageLimits.defaults());
    input = new float[NudityClassifier.SIZE * NudityClassifier.SIZE * 3];
    for (int i = 0; i < input.length; i++) {
      input[i] = (i * 7919 % 256) / 255f;
    }
    jpeg = SyntheticImages.jpeg(SyntheticImages.smooth(SIDE), 0.90f);
  }

  @TearDown
  public void tearDown() throws OrtException {
    classifier.close();
  }

  @Benchmark
  public Nudity infer() throws OrtException {
    return classifier.classify(input);
  }

  @Benchmark
  public Nudity decodeAndClassify() throws OrtException {
    return classifier.classify(decoder.decode(jpeg));
  }
}
