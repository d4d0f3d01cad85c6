package io.gardefou.bench;

import ai.onnxruntime.OrtException;
import io.gardefou.bank.BankDetector;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.InMemoryBankStore;
import io.gardefou.image.AgeEstimator;
import io.gardefou.image.BlazeFace;
import io.gardefou.image.DecodedImage;
import io.gardefou.image.Face;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageDetector;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.RequestDecoder;
import io.gardefou.model.Actor;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * Faces and ages, one intra-op thread per model, on a 1024×1024 JPEG (quality 0.90) made from face-api's demo
 * photo {@code sample5.jpg} (five clothed adults; read from gardefou-core's build output, system property
 * {@code gardefou.demo} to override): {@code detectFaces} is BlazeFace with its resize and decoding;
 * {@code facesAndAges} adds the aligned crop and AgeGenderNet for every face; {@code screenImage} is the whole
 * image screen of an output, decode + PDQ + nudity + faces + ages + policy, as the shared screener runs it
 * (detectors in parallel, sharing one decode; nudity and each face's age on their own threads). {@code facesAndAges}
 * runs on one thread, so it measures their CPU time rather than the screen's latency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class FaceBenchmark {
  private static final int SIDE = 1024;

  private BlazeFace blazeFace;
  private AgeEstimator ages;
  private DecodedImage decoded;
  private Screener screener;
  private ScreeningRequest output;

  @Setup
  public void setUp() throws IOException {
    Path demo = Path.of(System.getProperty("gardefou.demo", "../gardefou-core/target/face-api/package/demo/sample5.jpg"));
    if (!Files.isRegularFile(demo)) {
      throw new IllegalStateException("no demo photo at " + demo.toAbsolutePath() + ": build gardefou-core first");
    }
    byte[] jpeg = SyntheticImages.jpeg(square(ImageIO.read(demo.toFile())), 0.90f);
    ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
    blazeFace = BlazeFace.create();
    ages = AgeEstimator.create();
    decoded = decoder.decode(InputImage.of("demo.jpg", jpeg));
    RequestDecoder images = RequestDecoder.over(decoder);
    screener = Screener.builder()
        .detector(new BankDetector(images, HashBanks.open(new InMemoryBankStore(), java.time.Clock.systemUTC())))
        .detector(ImageDetector.create(images))
        .policy(PolicyPacks.bundled())
        .build();
    output = new ScreeningRequest(Operation.OUTPUT, "", List.of(InputImage.of("output-0", jpeg)), Actor.anonymous(),
        Jurisdiction.global(), ScreeningRequest.DEFAULT_TENANT);
  }

  // The centre square, scaled to 1024x1024.
  private static BufferedImage square(BufferedImage photo) {
    int side = Math.min(photo.getWidth(), photo.getHeight());
    BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    int x = (photo.getWidth() - side) / 2;
    int y = (photo.getHeight() - side) / 2;
    g.drawImage(photo, 0, 0, SIDE, SIDE, x, y, x + side, y + side, null);
    g.dispose();
    return out;
  }

  @TearDown
  public void tearDown() throws OrtException {
    screener.close();
    blazeFace.close();
    ages.close();
  }

  @Benchmark
  public List<Face> detectFaces() throws OrtException {
    return blazeFace.detect(decoded);
  }

  @Benchmark
  public double facesAndAges() throws OrtException {
    double min = Double.POSITIVE_INFINITY;
    for (Face face : blazeFace.detect(decoded)) {
      min = Math.min(min, ages.estimate(decoded, face).age());
    }
    return min;
  }

  @Benchmark
  public Verdict screenImage() {
    return screener.screen(output);
  }
}
