package io.gardefou.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MediaPipe's BlazeFace "back" face detector (256x256, from {@code @vladmandic/human}) run by ONNX Runtime, with
 * Human's decoding: 896 anchors, box = offsets + anchor, score = sigmoid, then non-maximum suppression. One session,
 * safe to call from many threads ({@code docs/design/faces-and-age.md}).
 */
public final class BlazeFace implements AutoCloseable {
  /** The side of the square input. */
  public static final int SIZE = 256;
  public static final String MODEL_RESOURCE = "/io/gardefou/image/blazeface.onnx";
  /** The model's input tensor: NHWC [1, 256, 256, 3], pixel / 127.5 - 1. */
  public static final String INPUT = "input";
  /** Faces below this confidence are dropped: MediaPipe's default minimum detection confidence. */
  public static final double MIN_SCORE = 0.5;
  /** Overlapping detections of one face are merged above this intersection over union. */
  public static final double MAX_IOU = 0.3;
  public static final int MAX_FACES = 32;

  private static final int KEYPOINTS = 6;
  private static final int VALUES = 16; // box (4) + keypoints (12) per anchor
  private static final float[] ANCHORS = anchors();

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  private BlazeFace(OrtSession session) {
    this.session = session;
  }

  /** Loads the bundled model; throws IllegalStateException saying what is missing or broken. */
  public static BlazeFace create() {
    return create(OnnxModels.resource(MODEL_RESOURCE, "face detection"));
  }

  public static BlazeFace create(byte[] onnxModel) {
    return new BlazeFace(OnnxModels.session(onnxModel, "face detection"));
  }

  /** The faces in an image, most confident first. */
  public List<Face> detect(DecodedImage image) throws OrtException {
    RgbRaster raster = RgbRaster.of(image);
    int side = Math.max(raster.width, raster.height);
    float[][] rows = decodeRows(run(preprocess(raster)));
    double scale = (double) side / SIZE;
    List<Face> candidates = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      double score = sigmoid(row[0]);
      if (score < MIN_SCORE) {
        continue;
      }
      double ax = ANCHORS[2 * i];
      double ay = ANCHORS[2 * i + 1];
      double cx = row[1] + ax;
      double cy = row[2] + ay;
      double[] keypoints = new double[2 * KEYPOINTS];
      for (int k = 0; k < 2 * KEYPOINTS; k += 2) {
        keypoints[k] = (row[5 + k] + ax) * scale;
        keypoints[k + 1] = (row[6 + k] + ay) * scale;
      }
      candidates.add(new Face((cx - row[3] / 2) * scale, (cy - row[4] / 2) * scale, (cx + row[3] / 2) * scale,
          (cy + row[4] / 2) * scale, score, keypoints));
    }
    return suppress(candidates);
  }

  /** The raw outputs, by ONNX output name ({@code Identity} … {@code Identity_3}), for one prepared input. */
  public Map<String, float[]> run(float[] nhwc) throws OrtException {
    if (nhwc.length != SIZE * SIZE * 3) {
      throw new IllegalArgumentException("input must hold 256*256*3 floats, got " + nhwc.length);
    }
    Map<String, float[]> outputs = new LinkedHashMap<>();
    try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(nhwc), new long[] {1, SIZE, SIZE, 3});
         OrtSession.Result result = session.run(Map.of(INPUT, input))) {
      for (Map.Entry<String, OnnxValue> output : result) {
        FloatBuffer values = ((OnnxTensor) output.getValue()).getFloatBuffer();
        float[] copy = new float[values.remaining()];
        values.get(copy);
        outputs.put(output.getKey(), copy);
      }
    }
    return outputs;
  }

  /** Human's normalisation (pixel / 127.5 - 1) of 8-bit RGB, row-major HWC. */
  public static float[] normalize(int[] rgb) {
    float[] out = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = rgb[i] / 127.5f - 1f;
    }
    return out;
  }

  /**
   * The image padded at the right or bottom to a square (with black, as Human's {@code square} option pads with
   * zeros) and resized to 256x256 as {@code tf.image.resizeBilinear} does without corner alignment (source =
   * index * in / out), then normalised. Padding keeps the face's proportions; a stretched face is detected worse.
   */
  static float[] preprocess(RgbRaster raster) {
    int side = Math.max(raster.width, raster.height);
    double ratio = (double) side / SIZE;
    float[] out = new float[SIZE * SIZE * 3];
    int i = 0;
    for (int r = 0; r < SIZE; r++) {
      double sourceRow = r * ratio;
      int top = (int) sourceRow;
      int bottom = Math.min(side - 1, (int) Math.ceil(sourceRow));
      double rowFrac = sourceRow - top;
      for (int c = 0; c < SIZE; c++) {
        double sourceCol = c * ratio;
        int left = (int) sourceCol;
        int right = Math.min(side - 1, (int) Math.ceil(sourceCol));
        double colFrac = sourceCol - left;
        for (int band = 0; band < 3; band++) {
          double tl = sample(raster, left, top, band);
          double tr = sample(raster, right, top, band);
          double bl = sample(raster, left, bottom, band);
          double br = sample(raster, right, bottom, band);
          double upper = tl + (tr - tl) * colFrac;
          double lower = bl + (br - bl) * colFrac;
          out[i++] = (float) (upper + (lower - upper) * rowFrac) / 127.5f - 1f;
        }
      }
    }
    return out;
  }

  private static int sample(RgbRaster raster, int x, int y, int band) {
    return x < raster.width && y < raster.height ? raster.sample(x, y, band) : 0;
  }

  /**
   * One row per anchor, [logit, 16 regressors]: the 512 stride-16 anchors first, then the 384 stride-32 ones. As
   * Human does, the four outputs are told apart by size: 384x1, 512x1, 384x16, 512x16.
   */
  static float[][] decodeRows(Map<String, float[]> outputs) {
    List<float[]> bySize = new ArrayList<>(outputs.values());
    bySize.sort(Comparator.comparingInt(a -> a.length));
    if (bySize.size() != 4 || bySize.get(0).length != 384 || bySize.get(1).length != 512
        || bySize.get(2).length != 384 * VALUES || bySize.get(3).length != 512 * VALUES) {
      throw new IllegalStateException("unexpected BlazeFace outputs: " + bySize.stream().map(a -> a.length).toList());
    }
    float[][] rows = new float[896][1 + VALUES];
    fill(rows, 0, bySize.get(1), bySize.get(3), 512);
    fill(rows, 512, bySize.get(0), bySize.get(2), 384);
    return rows;
  }

  private static void fill(float[][] rows, int first, float[] logits, float[] regressors, int count) {
    for (int i = 0; i < count; i++) {
      rows[first + i][0] = logits[i];
      System.arraycopy(regressors, i * VALUES, rows[first + i], 1, VALUES);
    }
  }

  // Human's generateAnchors(256): strides 16 and 32 with 2 and 6 anchors per cell, at cell centres, in pixels.
  private static float[] anchors() {
    float[] anchors = new float[896 * 2];
    int i = 0;
    int[][] spec = {{16, 2}, {32, 6}};
    for (int[] level : spec) {
      int stride = level[0];
      int cells = SIZE / stride;
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int n = 0; n < level[1]; n++) {
            anchors[i++] = stride * (x + 0.5f);
            anchors[i++] = stride * (y + 0.5f);
          }
        }
      }
    }
    return anchors;
  }

  // Greedy non-maximum suppression, as tf.image.nonMaxSuppression: the most confident box wins its overlaps.
  private static List<Face> suppress(List<Face> candidates) {
    candidates.sort(Comparator.comparingDouble(Face::score).reversed());
    List<Face> kept = new ArrayList<>();
    for (Face candidate : candidates) {
      if (kept.size() == MAX_FACES) {
        break;
      }
      if (kept.stream().noneMatch(face -> face.iou(candidate) > MAX_IOU)) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
