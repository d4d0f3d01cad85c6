package io.gardefou.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gardefou.image.onnx.LayersToOnnx;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The nsfwjs MobileNetV2 nudity classifier run by ONNX Runtime: one session, one intra-op thread (parallelism
 * comes from concurrent requests), safe to call from many threads. The model is the ONNX file the build converts
 * from the nsfwjs npm package ({@code docs/design/nudity-model.md}).
 */
public final class NudityClassifier implements AutoCloseable {
  /** The side of the square RGB input the model takes. */
  public static final int SIZE = 224;
  /** The converted model on the classpath, written there by gardefou-core's build. */
  public static final String MODEL_RESOURCE = "/io/gardefou/image/nsfwjs-mobilenet_v2.onnx";

  private final OrtEnvironment environment;
  private final OrtSession session;

  private NudityClassifier(OrtEnvironment environment, OrtSession session) {
    this.environment = environment;
    this.session = session;
  }

  /** Loads the bundled model; throws IllegalStateException saying what is missing or broken. */
  public static NudityClassifier create() {
    return create(OnnxModels.resource(MODEL_RESOURCE, "nudity"));
  }

  /** Loads an ONNX model with the converter's input and output ({@link LayersToOnnx#INPUT}, NHWC 224x224x3). */
  public static NudityClassifier create(byte[] onnxModel) {
    return new NudityClassifier(OrtEnvironment.getEnvironment(), OnnxModels.session(onnxModel, "nudity"));
  }

  /** Classifies an image as nsfwjs does: RGB / 255, bilinearly resized (align corners) to 224x224. */
  public Nudity classify(DecodedImage image) throws OrtException {
    return classify(preprocess(image));
  }

  /** Classifies a prepared input: 224x224x3 floats, row-major NHWC, RGB in [0, 1]. */
  public Nudity classify(float[] nhwc) throws OrtException {
    if (nhwc.length != SIZE * SIZE * 3) {
      throw new IllegalArgumentException("input must hold 224*224*3 floats, got " + nhwc.length);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(nhwc), new long[] {1, SIZE, SIZE, 3});
         OrtSession.Result result = session.run(Map.of(LayersToOnnx.INPUT, input))) {
      return Nudity.of(((float[][]) result.get(0).getValue())[0]);
    }
  }

  /**
   * nsfwjs {@code infer}: {@code img.toFloat().div(255)}, then, unless already 224x224,
   * {@code tf.image.resizeBilinear(.., [224, 224], alignCorners = true)} as tfjs-backend-cpu computes it (source
   * coordinate = output index * (in - 1) / (out - 1), in double; results stored as float32).
   */
  static float[] preprocess(DecodedImage decoded) {
    Raster raster = decoded.image().getRaster();
    int width = raster.getWidth();
    int height = raster.getHeight();
    // TYPE_3BYTE_BGR: one byte per sample; band 0 is red, whatever the byte order in memory.
    ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    int base = ((DataBufferByte) raster.getDataBuffer()).getOffset();
    int dx = -raster.getSampleModelTranslateX();
    int dy = -raster.getSampleModelTranslateY();
    int[] bandOffsets = model.getBandOffsets();
    int scanline = model.getScanlineStride();
    int pixel = model.getPixelStride();
    float[] out = new float[SIZE * SIZE * 3];
    double rowRatio = (double) (height - 1) / (SIZE - 1);
    double colRatio = (double) (width - 1) / (SIZE - 1);
    int i = 0;
    for (int r = 0; r < SIZE; r++) {
      double sourceRow = rowRatio * r; // exactly r when the side is already 224, as when tfjs skips the resize
      int top = (int) Math.floor(sourceRow);
      int bottom = Math.min(height - 1, (int) Math.ceil(sourceRow));
      double rowFrac = sourceRow - top;
      for (int c = 0; c < SIZE; c++) {
        double sourceCol = colRatio * c;
        int left = (int) Math.floor(sourceCol);
        int right = Math.min(width - 1, (int) Math.ceil(sourceCol));
        double colFrac = sourceCol - left;
        int topLeft = base + (top + dy) * scanline + (left + dx) * pixel;
        int topRight = base + (top + dy) * scanline + (right + dx) * pixel;
        int bottomLeft = base + (bottom + dy) * scanline + (left + dx) * pixel;
        int bottomRight = base + (bottom + dy) * scanline + (right + dx) * pixel;
        for (int band = 0; band < 3; band++) {
          int o = bandOffsets[band];
          double tl = unit(data[topLeft + o]);
          double tr = unit(data[topRight + o]);
          double bl = unit(data[bottomLeft + o]);
          double br = unit(data[bottomRight + o]);
          double upper = tl + (tr - tl) * colFrac;
          double lower = bl + (br - bl) * colFrac;
          out[i++] = (float) (upper + (lower - upper) * rowFrac);
        }
      }
    }
    return out;
  }

  // The float32 division tfjs performs: toFloat() then div(255).
  private static float unit(byte sample) {
    return (sample & 0xFF) / 255f;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
