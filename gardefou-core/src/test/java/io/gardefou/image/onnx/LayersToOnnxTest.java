package io.gardefou.image.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each supported Keras layer, alone behind an input, converted and run by ONNX Runtime, against a slow,
 * obviously-correct NHWC computation written from the Keras/TF definition of the layer.
 */
class LayersToOnnxTest {
  private static final double TOLERANCE = 1e-5;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Random random = new Random(42);
  private final Map<String, LayersModel.Weight> weights = new HashMap<>();

  @Test
  void conv2dSameStride2PadsTheOddPixelAfterLikeTf() throws Exception {
    // 7x7 input, 3x3 kernel, stride 2, "same": out 4x4, total padding 2 -> 1 before, 1 after (odd input: 7 -> 4).
    float[] x = randoms(7 * 6 * 3);
    weight("c/kernel", 3, 3, 3, 4);
    weight("c/bias", 4);
    String config = "{\"filters\":4,\"kernel_size\":[3,3],\"strides\":[2,2],\"padding\":\"same\",\"use_bias\":true,"
        + "\"activation\":\"relu\",\"dilation_rate\":[1,1]}";
    float[] expected = relu(conv(x, 7, 6, 3, weights.get("c/kernel"), weights.get("c/bias").values(), 2, true, false));
    assertClose(run(layer(7, 6, 3, "Conv2D", config), x, 7, 6, 3), expected);
  }

  @Test
  void depthwiseConv2dValidKeepsChannelsApart() throws Exception {
    float[] x = randoms(8 * 8 * 5);
    weight("d/depthwise_kernel", 3, 3, 5, 1);
    String config = "{\"kernel_size\":[3,3],\"strides\":[2,2],\"padding\":\"valid\",\"use_bias\":false,"
        + "\"activation\":\"linear\",\"depth_multiplier\":1,\"dilation_rate\":[1,1]}";
    float[] expected = conv(x, 8, 8, 5, weights.get("d/depthwise_kernel"), null, 2, false, true);
    assertClose(run(layer(8, 8, 5, "DepthwiseConv2D", config, "d"), x, 8, 8, 5), expected);
  }

  @Test
  void batchNormalizationUsesMovingStatistics() throws Exception {
    float[] x = randoms(4 * 4 * 3);
    float[] gamma = weight("b/gamma", 3).values();
    float[] beta = weight("b/beta", 3).values();
    float[] mean = weight("b/moving_mean", 3).values();
    float[] variance = positive(weight("b/moving_variance", 3).values());
    float[] expected = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = i % 3;
      expected[i] = (float) ((x[i] - mean[c]) / Math.sqrt(variance[c] + 1e-3) * gamma[c] + beta[c]);
    }
    String config = "{\"axis\":-1,\"epsilon\":0.001,\"center\":true,\"scale\":true}";
    assertClose(run(layer(4, 4, 3, "BatchNormalization", config, "b"), x, 4, 4, 3), expected);
  }

  @Test
  void reluWithMaxValueIsRelu6() throws Exception {
    float[] x = new float[] {-3f, 0f, 2.5f, 6f, 9f, 100f};
    float[] expected = {0f, 0f, 2.5f, 6f, 6f, 6f};
    String config = "{\"max_value\":6,\"negative_slope\":0,\"threshold\":0}";
    assertClose(run(layer(1, 2, 3, "ReLU", config, "r"), x, 1, 2, 3), expected);
  }

  @Test
  void zeroPaddingAddsZerosOnTheNamedSides() throws Exception {
    float[] x = randoms(2 * 2 * 1);
    // [[top 0, bottom 1], [left 0, right 1]], as MobileNetV2's Conv1_pad: 2x2 -> 3x3 with zeros at bottom/right.
    float[] expected = {x[0], x[1], 0, x[2], x[3], 0, 0, 0, 0};
    assertClose(run(layer(2, 2, 1, "ZeroPadding2D", "{\"padding\":[[0,1],[0,1]]}", "p"), x, 2, 2, 1), expected);
  }

  @Test
  void averagePoolingThenFlattenThenDenseSoftmax() throws Exception {
    float[] x = randoms(4 * 4 * 2);
    weight("f/kernel", 8, 3);
    weight("f/bias", 3);
    // AveragePooling2D 2x2/2 -> [2, 2, 2]; Flatten in NHWC order -> 8; Dense(3, softmax).
    float[] pooled = new float[8];
    for (int y = 0; y < 2; y++) {
      for (int xx = 0; xx < 2; xx++) {
        for (int c = 0; c < 2; c++) {
          double sum = 0;
          for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
              sum += x[((2 * y + dy) * 4 + 2 * xx + dx) * 2 + c];
            }
          }
          pooled[(y * 2 + xx) * 2 + c] = (float) (sum / 4);
        }
      }
    }
    float[] expected = softmax(dense(pooled, weights.get("f/kernel"), weights.get("f/bias").values()));
    JsonNode topology = topology(4, 4, 2,
        "{\"name\":\"a\",\"class_name\":\"AveragePooling2D\",\"config\":{\"pool_size\":[2,2],\"strides\":[2,2],"
            + "\"padding\":\"valid\"},\"inbound_nodes\":[[[\"in\",0,0,{}]]]},"
            + "{\"name\":\"fl\",\"class_name\":\"Flatten\",\"config\":{},\"inbound_nodes\":[[[\"a\",0,0,{}]]]},"
            + "{\"name\":\"drop\",\"class_name\":\"Dropout\",\"config\":{\"rate\":0.5},\"inbound_nodes\":[[[\"fl\",0,0,{}]]]},"
            + "{\"name\":\"f\",\"class_name\":\"Dense\",\"config\":{\"units\":3,\"activation\":\"softmax\",\"use_bias\":true},"
            + "\"inbound_nodes\":[[[\"drop\",0,0,{}]]]}", "f");
    assertClose(run(topology, x, 4, 4, 2), expected);
  }

  @Test
  void addSumsTwoBranches() throws Exception {
    float[] x = {-1f, 2f, 7f};
    JsonNode topology = topology(1, 1, 3,
        "{\"name\":\"r\",\"class_name\":\"ReLU\",\"config\":{\"max_value\":6},\"inbound_nodes\":[[[\"in\",0,0,{}]]]},"
            + "{\"name\":\"s\",\"class_name\":\"Add\",\"config\":{},\"inbound_nodes\":[[[\"in\",0,0,{}],[\"r\",0,0,{}]]]}",
        "s");
    assertClose(run(topology, x, 1, 1, 3), new float[] {-1f, 4f, 13f});
  }

  @Test
  void unsupportedLayerIsNamed() {
    JsonNode topology = layer(2, 2, 1, "LSTM", "{}", "lstm");
    assertThatThrownBy(() -> LayersToOnnx.convert(new LayersModel(topology, weights)))
        .hasMessageContaining("layer lstm (LSTM): unsupported layer class");
  }

  // --- model building and running

  private JsonNode layer(int h, int w, int c, String kind, String config) {
    return layer(h, w, c, kind, config, "c");
  }

  private JsonNode layer(int h, int w, int c, String kind, String config, String name) {
    return topology(h, w, c, "{\"name\":\"" + name + "\",\"class_name\":\"" + kind + "\",\"config\":" + config
        + ",\"inbound_nodes\":[[[\"in\",0,0,{}]]]}", name);
  }

  private static JsonNode topology(int h, int w, int c, String layers, String output) {
    String input = "{\"name\":\"in\",\"class_name\":\"InputLayer\",\"config\":{\"batch_input_shape\":[null," + h
        + "," + w + "," + c + "]},\"inbound_nodes\":[]}";
    try {
      return JSON.readTree("{\"model_config\":{\"config\":{\"layers\":[" + input + "," + layers
          + "],\"output_layers\":[[\"" + output + "\",0,0]]}}}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private float[] run(JsonNode topology, float[] x, int h, int w, int c) throws Exception {
    byte[] onnx = LayersToOnnx.convert(new LayersModel(topology, weights));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, h, w, c});
         OrtSession.Result result = session.run(Map.of(LayersToOnnx.INPUT, input))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[out.remaining()];
      out.get(values);
      return values;
    }
  }

  private LayersModel.Weight weight(String name, int... shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    LayersModel.Weight weight = new LayersModel.Weight(shape, randoms(size));
    weights.put(name, weight);
    return weight;
  }

  private float[] randoms(int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  private static float[] positive(float[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.abs(values[i]) + 0.1f;
    }
    return values;
  }

  // --- the reference, NHWC, straight from the definitions

  /** TF conv2d / depthwise_conv2d (multiplier 1) with "same" (out = ceil(in/s), odd pad after) or "valid". */
  private static float[] conv(float[] x, int h, int w, int c, LayersModel.Weight kernel, float[] bias, int stride,
      boolean same, boolean depthwise) {
    int k = kernel.shape()[0];
    int out = depthwise ? c : kernel.shape()[3];
    int oh = same ? (h + stride - 1) / stride : (h - k) / stride + 1;
    int ow = same ? (w + stride - 1) / stride : (w - k) / stride + 1;
    int padTop = same ? Math.max((oh - 1) * stride + k - h, 0) / 2 : 0;
    int padLeft = same ? Math.max((ow - 1) * stride + k - w, 0) / 2 : 0;
    float[] y = new float[oh * ow * out];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < out; o++) {
          double sum = bias == null ? 0 : bias[o];
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy * stride + ky - padTop;
              int ix = ox * stride + kx - padLeft;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                continue;
              }
              if (depthwise) {
                sum += x[(iy * w + ix) * c + o] * kernel.values()[(ky * k + kx) * c + o];
              } else {
                for (int i = 0; i < c; i++) {
                  sum += x[(iy * w + ix) * c + i] * kernel.values()[((ky * k + kx) * c + i) * out + o];
                }
              }
            }
          }
          y[(oy * ow + ox) * out + o] = (float) sum;
        }
      }
    }
    return y;
  }

  private static float[] dense(float[] x, LayersModel.Weight kernel, float[] bias) {
    int units = kernel.shape()[1];
    float[] y = new float[units];
    for (int o = 0; o < units; o++) {
      double sum = bias[o];
      for (int i = 0; i < x.length; i++) {
        sum += x[i] * kernel.values()[i * units + o];
      }
      y[o] = (float) sum;
    }
    return y;
  }

  private static float[] relu(float[] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(0f, x[i]);
    }
    return y;
  }

  private static float[] softmax(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += Math.exp(v);
    }
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) (Math.exp(x[i]) / sum);
    }
    return y;
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(TOLERANCE));
    }
  }
}
