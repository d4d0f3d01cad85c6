package io.gardefou.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gardefou.image.onnx.AgeGenderToOnnx;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * face-api.js's AgeGenderNet (TinyXception, 112x112) run by ONNX Runtime on an upright face crop: the image is
 * turned about the face's centre so that the eyes are level, and a square around the face is sampled to 112x112.
 * One session, safe to call from many threads ({@code docs/design/faces-and-age.md}).
 */
public final class AgeEstimator implements AutoCloseable {
  public static final int SIZE = AgeGenderToOnnx.SIZE;
  public static final String MODEL_RESOURCE = "/io/gardefou/image/face-api-age-gender.onnx";
  /**
   * The side of the crop, as a multiple of the larger side of BlazeFace's box, which is tighter than the boxes of
   * the detectors face-api pairs AgeGenderNet with; chosen among 1.0, 1.3, 1.5 and 2.0 on the demo photos
   * (docs/design/faces-and-age.md), so those photos are no independent check of it.
   */
  public static final double CROP_SCALE = 1.3;
  // face-api TinyXception.forwardInput: normalize(x, meanRgb).div(255)
  private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  /** One estimate: age in years and the probability the face is male (face-api's softmax, index 0). */
  public record Estimate(double age, double male) {}

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  private AgeEstimator(OrtSession session) {
    this.session = session;
  }

  /** Loads the bundled model; throws IllegalStateException saying what is missing or broken. */
  public static AgeEstimator create() {
    return create(OnnxModels.resource(MODEL_RESOURCE, "age estimation"));
  }

  public static AgeEstimator create(byte[] onnxModel) {
    return new AgeEstimator(OnnxModels.session(onnxModel, "age estimation"));
  }

  /** The age of one face BlazeFace found in this image. */
  public Estimate estimate(DecodedImage image, Face face) throws OrtException {
    return run(normalize(alignedCrop(RgbRaster.of(image), face)));
  }

  /** Runs the network on a prepared input: 112x112x3 floats, row-major NHWC, {@code (RGB - mean) / 255}. */
  public Estimate run(float[] nhwc) throws OrtException {
    if (nhwc.length != SIZE * SIZE * 3) {
      throw new IllegalArgumentException("input must hold 112*112*3 floats, got " + nhwc.length);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(nhwc), new long[] {1, SIZE, SIZE, 3});
         OrtSession.Result result = session.run(Map.of(AgeGenderToOnnx.INPUT, input))) {
      float age = ((float[][]) result.get(AgeGenderToOnnx.AGE).orElseThrow().getValue())[0][0];
      float male = ((float[][]) result.get(AgeGenderToOnnx.GENDER).orElseThrow().getValue())[0][0];
      return new Estimate(age, male);
    }
  }

  /** face-api's normalisation of 8-bit RGB (row-major HWC): subtract the mean RGB, then divide by 255, in float32. */
  public static float[] normalize(int[] rgb) {
    float[] out = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = (rgb[i] - MEAN_RGB[i % 3]) / 255f;
    }
    return out;
  }

  /**
   * The upright face, 112x112 RGB: a square of side {@link #CROP_SCALE} x the box's larger side, centred on the
   * box and turned by the face's roll. Each output pixel averages n x n bilinear samples, n = the crop's
   * reduction rounded up, so a large face is shrunk without aliasing; outside the image is black, as face-api pads
   * with zeros.
   */
  static int[] alignedCrop(RgbRaster raster, Face face) {
    double side = Math.max(face.width(), face.height()) * CROP_SCALE;
    double step = side / SIZE;
    int n = Math.max(1, (int) Math.ceil(step));
    double cos = Math.cos(face.roll());
    double sin = Math.sin(face.roll());
    // Offsets from the centre along the crop's axes, one per output pixel and sub-sample, turned once.
    double[] dxCos = new double[SIZE * n];
    double[] dxSin = new double[SIZE * n];
    for (int u = 0; u < SIZE; u++) {
      for (int su = 0; su < n; su++) {
        double dx = (u + (su + 0.5) / n) * step - side / 2;
        dxCos[u * n + su] = dx * cos;
        dxSin[u * n + su] = dx * sin;
      }
    }
    double centerX = face.centerX();
    double centerY = face.centerY();
    int[] out = new int[SIZE * SIZE * 3];
    double[] sum = new double[3];
    int i = 0;
    for (int v = 0; v < SIZE; v++) {
      for (int u = 0; u < SIZE; u++) {
        sum[0] = 0;
        sum[1] = 0;
        sum[2] = 0;
        for (int sv = 0; sv < n; sv++) {
          double dy = (v + (sv + 0.5) / n) * step - side / 2;
          double dySin = dy * sin;
          double dyCos = dy * cos;
          for (int su = u * n; su < u * n + n; su++) {
            // The crop's x axis runs along the eye line; pixel centres sit at integer + 0.5.
            double x = centerX + dxCos[su] - dySin - 0.5;
            double y = centerY + dxSin[su] + dyCos - 0.5;
            int left = (int) Math.floor(x);
            int top = (int) Math.floor(y);
            if (left < 0 || top < 0 || left + 1 >= raster.width || top + 1 >= raster.height) {
              bilinearAtEdge(raster, left, top, x - left, y - top, sum);
            } else {
              bilinear(raster, raster.offset(left, top), x - left, y - top, sum);
            }
          }
        }
        for (int band = 0; band < 3; band++) {
          out[i++] = (int) Math.round(sum[band] / (n * n));
        }
      }
    }
    return out;
  }

  // Inside the image: the four neighbours read straight from the raster.
  private static void bilinear(RgbRaster raster, int topLeft, double fx, double fy, double[] sum) {
    byte[] data = raster.data;
    int topRight = topLeft + raster.pixel();
    int bottomLeft = topLeft + raster.scanline();
    int bottomRight = bottomLeft + raster.pixel();
    for (int band = 0; band < 3; band++) {
      int b = raster.band(band);
      double upper = (data[topLeft + b] & 0xFF) * (1 - fx) + (data[topRight + b] & 0xFF) * fx;
      double lower = (data[bottomLeft + b] & 0xFF) * (1 - fx) + (data[bottomRight + b] & 0xFF) * fx;
      sum[band] += upper * (1 - fy) + lower * fy;
    }
  }

  // Across the border: neighbours outside the image are black. The same arithmetic as inside, to the last bit.
  private static void bilinearAtEdge(RgbRaster raster, int left, int top, double fx, double fy, double[] sum) {
    for (int band = 0; band < 3; band++) {
      double upper = at(raster, left, top, band) * (1 - fx) + at(raster, left + 1, top, band) * fx;
      double lower = at(raster, left, top + 1, band) * (1 - fx) + at(raster, left + 1, top + 1, band) * fx;
      sum[band] += upper * (1 - fy) + lower * fy;
    }
  }

  private static int at(RgbRaster raster, int x, int y, int band) {
    return x >= 0 && y >= 0 && x < raster.width && y < raster.height ? raster.sample(x, y, band) : 0;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
