package io.gardefou.bench;

import io.gardefou.gateway.Provenance;
import io.gardefou.hash.PdqHash;
import io.gardefou.hash.PdqResult;
import io.gardefou.image.XmpPackets;
import io.gardefou.model.DecisionId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Labelling one 1024×1024 output (the gateway's {@code LabelOutputs} without the registry): rendering the provenance
 * XMP packet and splicing it into a PNG (every chunk's CRC checked) or a JPEG. No pixel is decoded, so this should
 * cost a copy of the file, far below the screening it follows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LabelBenchmark {
  private byte[] png;
  private byte[] jpeg;
  private Provenance provenance;

  @Setup
  public void setUp() throws IOException {
    var image = SyntheticImages.noise(1024, 7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    png = out.toByteArray();
    jpeg = SyntheticImages.jpeg(image, 0.90f);
    provenance = new Provenance("0193a0c4-5f00-7000-8000-000000000001", DecisionId.generate(Instant.now()), "global@1",
        new PdqResult(PdqHash.fromHex("f8f8f0cee0f4a84f06370a2a038f63f0b36e26d596621e1d33e6b39c4e9c9b22"), 100),
        Instant.now());
  }

  @Benchmark
  public byte[] labelPng() {
    return XmpPackets.embed(png, provenance.xmpPacket());
  }

  @Benchmark
  public byte[] labelJpeg() {
    return XmpPackets.embed(jpeg, provenance.xmpPacket());
  }
}
