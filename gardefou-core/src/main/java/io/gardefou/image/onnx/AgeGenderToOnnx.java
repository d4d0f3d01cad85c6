package io.gardefou.image.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds face-api.js's AgeGenderNet as ONNX from its weights: face-api ships weights only, the graph lives in its
 * code ({@code xception/TinyXception.ts}, {@code ageGenderNet/AgeGenderNet.ts}), so it is rebuilt here from that
 * architecture. TinyXception(2): conv_in 3x3 s2 + ReLU; reduction blocks 0 (input not activated) and 1; main
 * blocks 0 and 1; the exit reduction block; a separable conv + ReLU; then avgPool 7x7 s2 valid and two fully
 * connected heads, age (1) and gender (2, softmax). Every conv is TF "same" with a bias.
 *
 * <p>Input {@value #INPUT}: NHWC {@code [N, 112, 112, 3]} already normalised, {@code (RGB - mean) / 255}; outputs
 * {@value #AGE} {@code [N, 1]} in years and {@value #GENDER} {@code [N, 2]} (male, female).
 */
public final class AgeGenderToOnnx {
  public static final String INPUT = "input";
  public static final String AGE = "age";
  public static final String GENDER = "gender";
  public static final int SIZE = 112;
  private static final int MAIN_BLOCKS = 2;

  private final Map<String, LayersModel.Weight> weights;
  private final OnnxGraph graph = new OnnxGraph("face-api-age-gender");
  private int side = SIZE;
  private int channels = 3;

  private AgeGenderToOnnx(Map<String, LayersModel.Weight> weights) {
    this.weights = weights;
  }

  /** Reads {@code age_gender_model-weights_manifest.json} and its shard from {@code dir}. */
  public static Map<String, LayersModel.Weight> read(Path dir) throws IOException {
    var manifest = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
        .readTree(Files.readString(dir.resolve("age_gender_model-weights_manifest.json")));
    return TfjsWeights.read(manifest, TfjsWeights.files(dir));
  }

  /** The serialised ONNX ModelProto of the network with these weights. */
  public static byte[] convert(Map<String, LayersModel.Weight> weights) {
    return new AgeGenderToOnnx(weights).run();
  }

  private byte[] run() {
    graph.input(INPUT, 0, SIZE, SIZE, 3);
    graph.node("Transpose", "nchw", List.of(INPUT), "nchw").intsAttr("perm", 0, 3, 1, 2);
    String x = relu("entry_flow/conv_in", conv("entry_flow/conv_in", "nchw", 3, 2));
    x = reductionBlock("entry_flow/reduction_block_0", x, false);
    x = reductionBlock("entry_flow/reduction_block_1", x, true);
    for (int i = 0; i < MAIN_BLOCKS; i++) {
      x = mainBlock("middle_flow/main_block_" + i, x);
    }
    x = reductionBlock("exit_flow/reduction_block", x, true);
    x = relu("exit_flow/separable_conv", separable("exit_flow/separable_conv", x));
    if (side != 7) {
      throw new IllegalStateException("expected 7x7 features before pooling, got " + side);
    }
    // avgPool [7, 7] stride 2 'valid' on 7x7 -> 1x1, then [N, C].
    graph.node("AveragePool", "pool", List.of(x), "pool").intsAttr("kernel_shape", 7, 7).intsAttr("strides", 2, 2);
    graph.node("Flatten", "flat", List.of("pool"), "flat").intAttr("axis", 1);
    dense("fc/age", "flat", AGE);
    dense("fc/gender", "flat", "gender/logits");
    graph.node("Softmax", GENDER, List.of("gender/logits"), GENDER).intAttr("axis", -1);
    graph.output(AGE, 0, 1).output(GENDER, 0, 2);
    return graph.toModelProto();
  }

  // out = relu?(x) -> sep0 -> relu -> sep1 -> maxPool 3x3 s2 same; + conv 1x1 s2 of x (expansion_conv)
  private String reductionBlock(String name, String x, boolean activateInput) {
    int inSide = side;
    int inChannels = channels;
    String out = separable(name + "/separable_conv0", activateInput ? relu(name + "/in", x) : x);
    out = separable(name + "/separable_conv1", relu(name + "/separable_conv0", out));
    LayersToOnnx.Padding p = LayersToOnnx.Padding.of("same", side, 3, 2, 1);
    graph.node("MaxPool", name + "/pool", List.of(out), name + "/pool")
        .intsAttr("kernel_shape", 3, 3).intsAttr("strides", 2, 2)
        .intsAttr("pads", p.begin(), p.begin(), p.end(), p.end());
    int outChannels = channels;
    side = inSide;
    channels = inChannels;
    String expansion = conv(name + "/expansion_conv", x, 1, 2);
    if (channels != outChannels || side != p.output()) {
      throw new IllegalStateException(name + ": branches disagree");
    }
    graph.node("Add", name, List.of(name + "/pool", expansion), name);
    return name;
  }

  private String mainBlock(String name, String x) {
    String out = separable(name + "/separable_conv0", relu(name + "/in", x));
    out = separable(name + "/separable_conv1", relu(name + "/separable_conv0", out));
    out = separable(name + "/separable_conv2", relu(name + "/separable_conv1", out));
    graph.node("Add", name, List.of(out, x), name);
    return name;
  }

  // tf.conv2d(x, filters, stride, 'same') + bias
  private String conv(String name, String x, int kernel, int stride) {
    LayersModel.Weight filters = weight(name + "/filters");
    require(filters, kernel, kernel, channels, -1);
    int out = filters.shape()[3];
    graph.initializer(name + "/W", Kernels.conv(filters), out, channels, kernel, kernel);
    graph.initializer(name + "/B", weight(name + "/bias").values(), out);
    LayersToOnnx.Padding p = LayersToOnnx.Padding.of("same", side, kernel, stride, 1);
    graph.node("Conv", name, List.of(x, name + "/W", name + "/B"), name)
        .intsAttr("kernel_shape", kernel, kernel).intsAttr("strides", stride, stride)
        .intsAttr("pads", p.begin(), p.begin(), p.end(), p.end());
    side = p.output();
    channels = out;
    return name;
  }

  // tf.separableConv2d(x, depthwise 3x3, pointwise 1x1, [1, 1], 'same') + bias
  private String separable(String name, String x) {
    LayersModel.Weight depthwise = weight(name + "/depthwise_filter");
    require(depthwise, 3, 3, channels, 1);
    graph.initializer(name + "/DW", Kernels.depthwise(depthwise), channels, 1, 3, 3);
    LayersToOnnx.Padding p = LayersToOnnx.Padding.of("same", side, 3, 1, 1);
    graph.node("Conv", name + "/depthwise", List.of(x, name + "/DW"), name + "/depthwise")
        .intsAttr("kernel_shape", 3, 3).intsAttr("pads", p.begin(), p.begin(), p.end(), p.end())
        .intAttr("group", channels);
    LayersModel.Weight pointwise = weight(name + "/pointwise_filter");
    require(pointwise, 1, 1, channels, -1);
    int out = pointwise.shape()[3];
    graph.initializer(name + "/PW", Kernels.conv(pointwise), out, channels, 1, 1);
    graph.initializer(name + "/B", weight(name + "/bias").values(), out);
    graph.node("Conv", name, List.of(name + "/depthwise", name + "/PW", name + "/B"), name)
        .intsAttr("kernel_shape", 1, 1);
    channels = out;
    return name;
  }

  private String relu(String name, String x) {
    graph.node("Relu", name + "/relu", List.of(x), name + "/relu");
    return name + "/relu";
  }

  // fullyConnectedLayer: matMul(x, weights [in, out]) + bias
  private void dense(String name, String x, String output) {
    LayersModel.Weight w = weight(name + "/weights");
    require(w, channels, -1);
    graph.initializer(name + "/W", w.values(), w.shape()[0], w.shape()[1]);
    graph.initializer(name + "/B", weight(name + "/bias").values(), w.shape()[1]);
    graph.node("Gemm", name, List.of(x, name + "/W", name + "/B"), output);
  }

  private LayersModel.Weight weight(String name) {
    LayersModel.Weight weight = weights.get(name);
    if (weight == null) {
      throw new IllegalArgumentException("missing weight " + name);
    }
    return weight;
  }

  // -1 matches any size.
  private static void require(LayersModel.Weight weight, int... shape) {
    List<Integer> actual = new ArrayList<>();
    for (int dim : weight.shape()) {
      actual.add(dim);
    }
    boolean ok = actual.size() == shape.length;
    for (int i = 0; ok && i < shape.length; i++) {
      ok = shape[i] == -1 || shape[i] == weight.shape()[i];
    }
    if (!ok) {
      throw new IllegalArgumentException("weight has shape " + actual + ", expected " + java.util.Arrays.toString(shape));
    }
  }
}
