package io.gardefou.image.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a TF.js Keras LayersModel (one image input, channels_last, one output) to an ONNX graph with the
 * same NHWC input and output layout.
 *
 * <p>Keras works in NHWC and ONNX convolutions in NCHW, so the input is transposed once and every 4-D tensor
 * stays NCHW inside; kernels are re-laid out at conversion. Static spatial sizes are tracked per tensor because
 * TF "same" padding depends on them. Supported layers are those of nsfwjs's MobileNetV2; any other fails the
 * conversion by name.
 */
public final class LayersToOnnx {
  /** The ONNX graph's input, NHWC float32 as Keras takes it, and output. */
  public static final String INPUT = "input";
  public static final String OUTPUT = "output";

  private final LayersModel model;
  private final OnnxGraph graph = new OnnxGraph("tfjs-layers");
  // Keras tensor (layer name) -> ONNX tensor name and its shape without the batch: [C, H, W] or [features].
  private final Map<String, String> tensors = new HashMap<>();
  private final Map<String, int[]> shapes = new HashMap<>();

  private LayersToOnnx(LayersModel model) {
    this.model = model;
  }

  /** The serialised ONNX ModelProto of the model. */
  public static byte[] convert(LayersModel model) {
    return new LayersToOnnx(model).run();
  }

  private byte[] run() {
    JsonNode config = model.topology().path("model_config").path("config");
    String last = null;
    for (JsonNode layer : config.path("layers")) {
      last = layer.path("name").asText();
      try {
        layer(layer.path("class_name").asText(), last, layer.path("config"), inbound(layer));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("layer " + last + " (" + layer.path("class_name").asText() + "): "
            + e.getMessage(), e);
      }
    }
    String output = config.path("output_layers").path(0).path(0).asText(last);
    int[] shape = shapes.get(output);
    if (shape.length == 1) {
      graph.node("Identity", OUTPUT, List.of(tensor(output)), OUTPUT);
      graph.output(OUTPUT, 0, shape[0]);
    } else {
      // Back to NHWC, so the ONNX model answers in Keras's layout as it takes Keras's input.
      graph.node("Transpose", OUTPUT, List.of(tensor(output)), OUTPUT).intsAttr("perm", 0, 2, 3, 1);
      graph.output(OUTPUT, 0, shape[1], shape[2], shape[0]);
    }
    return graph.toModelProto();
  }

  private static List<String> inbound(JsonNode layer) {
    List<String> names = new ArrayList<>();
    // Keras 2 config: inbound_nodes = [[[layer, node_index, tensor_index, kwargs], ...]]
    for (JsonNode in : layer.path("inbound_nodes").path(0)) {
      names.add(in.path(0).asText());
    }
    return names;
  }

  private void layer(String kind, String name, JsonNode config, List<String> in) {
    switch (kind) {
      case "InputLayer" -> input(name, config);
      case "ZeroPadding2D" -> zeroPadding(name, config, in.getFirst());
      case "Conv2D" -> conv(name, config, in.getFirst(), false);
      case "DepthwiseConv2D" -> conv(name, config, in.getFirst(), true);
      case "BatchNormalization" -> batchNorm(name, config, in.getFirst());
      case "ReLU" -> relu(name, config, in.getFirst());
      case "Add" -> add(name, in);
      case "AveragePooling2D" -> averagePool(name, config, in.getFirst());
      case "Flatten" -> flatten(name, in.getFirst());
      case "Dense" -> dense(name, config, in.getFirst());
      // Keras Dropout is the identity at inference.
      case "Dropout" -> alias(name, in.getFirst());
      default -> throw new IllegalArgumentException("unsupported layer class");
    }
  }

  private void input(String name, JsonNode config) {
    JsonNode shape = config.path("batch_input_shape");
    int h = shape.path(1).asInt();
    int w = shape.path(2).asInt();
    int c = shape.path(3).asInt();
    if (h < 1 || w < 1 || c < 1) {
      throw new IllegalArgumentException("needs a static [null, H, W, C] batch_input_shape, got " + shape);
    }
    graph.input(INPUT, 0, h, w, c);
    graph.node("Transpose", name, List.of(INPUT), name).intsAttr("perm", 0, 3, 1, 2);
    define(name, name, c, h, w);
  }

  private void zeroPadding(String name, JsonNode config, String in) {
    channelsLast(config);
    JsonNode padding = config.path("padding"); // [[top, bottom], [left, right]]
    int top = padding.path(0).path(0).asInt();
    int bottom = padding.path(0).path(1).asInt();
    int left = padding.path(1).path(0).asInt();
    int right = padding.path(1).path(1).asInt();
    // ONNX Pad-13: pads = [x1_begin, x2_begin, ..., x1_end, x2_end, ...] over N, C, H, W.
    graph.initializer(name + "/pads", new long[] {0, 0, top, left, 0, 0, bottom, right}, 8);
    graph.node("Pad", name, List.of(tensor(in), name + "/pads"), name);
    int[] s = shapes.get(in);
    define(name, name, s[0], s[1] + top + bottom, s[2] + left + right);
  }

  private void conv(String name, JsonNode config, String in, boolean depthwise) {
    channelsLast(config);
    int[] s = shapes.get(in);
    int kh = config.path("kernel_size").path(0).asInt();
    int kw = config.path("kernel_size").path(1).asInt();
    int sh = config.path("strides").path(0).asInt();
    int sw = config.path("strides").path(1).asInt();
    int dh = config.path("dilation_rate").path(0).asInt(1);
    int dw = config.path("dilation_rate").path(1).asInt(1);
    LayersModel.Weight kernel = weight(name + (depthwise ? "/depthwise_kernel" : "/kernel"));
    // Depthwise: group = C, output channel c*M + m; plain: HWIO -> OIHW.
    int out = depthwise ? kernel.shape()[2] * kernel.shape()[3] : kernel.shape()[3];
    float[] oihw = depthwise ? Kernels.depthwise(kernel) : Kernels.conv(kernel);
    graph.initializer(name + "/W", oihw, out, depthwise ? 1 : kernel.shape()[2], kh, kw);
    List<String> inputs = new ArrayList<>(List.of(tensor(in), name + "/W"));
    if (config.path("use_bias").asBoolean(true)) {
      LayersModel.Weight bias = weight(name + "/bias");
      graph.initializer(name + "/B", bias.values(), out);
      inputs.add(name + "/B");
    }
    Padding ph = Padding.of(config.path("padding").asText(), s[1], kh, sh, dh);
    Padding pw = Padding.of(config.path("padding").asText(), s[2], kw, sw, dw);
    String conv = activated(config) ? name + "/conv" : name;
    graph.node("Conv", name + "/conv", inputs, conv)
        .intsAttr("kernel_shape", kh, kw)
        .intsAttr("strides", sh, sw)
        .intsAttr("dilations", dh, dw)
        .intsAttr("pads", ph.begin(), pw.begin(), ph.end(), pw.end())
        .intAttr("group", depthwise ? s[0] : 1);
    activation(name, config, conv);
    define(name, name, out, ph.output(), pw.output());
  }

  private void batchNorm(String name, JsonNode config, String in) {
    int axis = config.path("axis").asInt(-1);
    int[] s = shapes.get(in);
    if (axis != -1 && axis != s.length) {
      throw new IllegalArgumentException("only the channel axis is supported, got " + axis);
    }
    int channels = s[0];
    float[] gamma = config.path("scale").asBoolean(true) ? weight(name + "/gamma").values() : filled(channels, 1f);
    float[] beta = config.path("center").asBoolean(true) ? weight(name + "/beta").values() : filled(channels, 0f);
    graph.initializer(name + "/scale", gamma, channels)
        .initializer(name + "/bias", beta, channels)
        .initializer(name + "/mean", weight(name + "/moving_mean").values(), channels)
        .initializer(name + "/var", weight(name + "/moving_variance").values(), channels);
    // ONNX BatchNormalization-9 (inference): y = scale * (x - mean) / sqrt(var + epsilon) + B, over axis 1;
    // ORT folds it into the preceding Conv when it optimises the graph.
    graph.node("BatchNormalization", name,
            List.of(tensor(in), name + "/scale", name + "/bias", name + "/mean", name + "/var"), name)
        .floatAttr("epsilon", (float) config.path("epsilon").asDouble(1e-3));
    define(name, name, s);
  }

  private void relu(String name, JsonNode config, String in) {
    if (config.path("negative_slope").asDouble(0) != 0 || config.path("threshold").asDouble(0) != 0) {
      throw new IllegalArgumentException("only negative_slope = 0 and threshold = 0 are supported");
    }
    JsonNode max = config.path("max_value");
    if (max.isNumber()) {
      // Keras ReLU(max_value=m) = min(max(x, 0), m): ONNX Clip-13 with min and max as inputs.
      graph.initializer(name + "/min", new float[] {0f})
          .initializer(name + "/max", new float[] {(float) max.asDouble()});
      graph.node("Clip", name, List.of(tensor(in), name + "/min", name + "/max"), name);
    } else {
      graph.node("Relu", name, List.of(tensor(in)), name);
    }
    define(name, name, shapes.get(in));
  }

  private void add(String name, List<String> in) {
    if (in.size() != 2) {
      throw new IllegalArgumentException("Add of " + in.size() + " inputs; only 2 are supported");
    }
    graph.node("Add", name, List.of(tensor(in.get(0)), tensor(in.get(1))), name);
    define(name, name, shapes.get(in.get(0)));
  }

  private void averagePool(String name, JsonNode config, String in) {
    channelsLast(config);
    int[] s = shapes.get(in);
    int kh = config.path("pool_size").path(0).asInt();
    int kw = config.path("pool_size").path(1).asInt();
    int sh = config.path("strides").path(0).asInt(kh);
    int sw = config.path("strides").path(1).asInt(kw);
    Padding ph = Padding.of(config.path("padding").asText(), s[1], kh, sh, 1);
    Padding pw = Padding.of(config.path("padding").asText(), s[2], kw, sw, 1);
    // TF averages over the window's real pixels only: count_include_pad = 0 (the ONNX default).
    graph.node("AveragePool", name, List.of(tensor(in)), name)
        .intsAttr("kernel_shape", kh, kw)
        .intsAttr("strides", sh, sw)
        .intsAttr("pads", ph.begin(), pw.begin(), ph.end(), pw.end());
    define(name, name, s[0], ph.output(), pw.output());
  }

  private void flatten(String name, String in) {
    int[] s = shapes.get(in);
    // Keras flattens NHWC, so go back to channels-last first to keep its feature order.
    graph.node("Transpose", name + "/nhwc", List.of(tensor(in)), name + "/nhwc").intsAttr("perm", 0, 2, 3, 1);
    graph.node("Flatten", name, List.of(name + "/nhwc"), name).intAttr("axis", 1);
    define(name, name, s[0] * s[1] * s[2]);
  }

  private void dense(String name, JsonNode config, String in) {
    LayersModel.Weight kernel = weight(name + "/kernel"); // [in, units], the layout of Gemm's B
    int units = kernel.shape()[1];
    graph.initializer(name + "/W", kernel.values(), kernel.shape()[0], units);
    List<String> inputs = new ArrayList<>(List.of(tensor(in), name + "/W"));
    if (config.path("use_bias").asBoolean(true)) {
      graph.initializer(name + "/B", weight(name + "/bias").values(), units);
      inputs.add(name + "/B");
    }
    String gemm = activated(config) ? name + "/gemm" : name;
    graph.node("Gemm", name + "/gemm", inputs, gemm); // Gemm-13: Y = A * B + C
    activation(name, config, gemm);
    define(name, name, units);
  }

  private static boolean activated(JsonNode config) {
    return !config.path("activation").asText("linear").equals("linear");
  }

  private void activation(String name, JsonNode config, String in) {
    switch (config.path("activation").asText("linear")) {
      case "linear" -> { }
      case "relu" -> graph.node("Relu", name + "/relu", List.of(in), name);
      // Keras softmax is over the last axis; ONNX Softmax-13 takes axis (default -1) the same way.
      case "softmax" -> graph.node("Softmax", name + "/softmax", List.of(in), name).intAttr("axis", -1);
      default -> throw new IllegalArgumentException("unsupported activation " + config.path("activation"));
    }
  }

  private static void channelsLast(JsonNode config) {
    if (!config.path("data_format").asText("channels_last").equals("channels_last")) {
      throw new IllegalArgumentException("only channels_last is supported");
    }
  }

  private void alias(String name, String in) {
    define(name, tensor(in), shapes.get(in));
  }

  private void define(String kerasName, String onnxName, int... shape) {
    tensors.put(kerasName, onnxName);
    shapes.put(kerasName, shape);
  }

  private String tensor(String kerasName) {
    String onnx = tensors.get(kerasName);
    if (onnx == null) {
      throw new IllegalArgumentException("input " + kerasName + " is not defined before use");
    }
    return onnx;
  }

  private LayersModel.Weight weight(String name) {
    LayersModel.Weight weight = model.weights().get(name);
    if (weight == null) {
      throw new IllegalArgumentException("missing weight " + name);
    }
    return weight;
  }

  private static float[] filled(int size, float value) {
    float[] values = new float[size];
    java.util.Arrays.fill(values, value);
    return values;
  }

  /** Static padding along one axis, and the output size, for TF's "valid" or "same". */
  record Padding(int begin, int end, int output) {
    static Padding of(String mode, int in, int kernel, int stride, int dilation) {
      int extent = (kernel - 1) * dilation + 1;
      return switch (mode) {
        case "valid" -> new Padding(0, 0, (in - extent) / stride + 1);
        case "same" -> {
          // TF "same": out = ceil(in / stride); the odd pixel of padding goes after (end), not before.
          int out = (in + stride - 1) / stride;
          int total = Math.max((out - 1) * stride + extent - in, 0);
          yield new Padding(total / 2, total - total / 2, out);
        }
        default -> throw new IllegalArgumentException("unsupported padding " + mode);
      };
    }
  }
}
