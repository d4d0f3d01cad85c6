package io.gardefou.image.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a TF.js GraphModel with one NHWC image input to ONNX, for the ops BlazeFace uses: {@code _FusedConv2D}
 * (BiasAdd, optionally Relu), {@code DepthwiseConv2dNative}, {@code AddV2}, {@code Relu}, {@code MaxPool},
 * {@code Pad}, {@code Reshape}, {@code Identity}, {@code Const}, {@code Placeholder}. Any other op, padding mode
 * or data format fails the conversion naming the node.
 *
 * <p>As in {@link LayersToOnnx}, the input is transposed to NCHW once and 4-D tensors stay NCHW inside; a
 * {@code Reshape} goes back to NHWC first, so it sees TF's element order. Outputs are the signature's, named
 * after their nodes (e.g. {@code Identity_1}).
 */
public final class GraphToOnnx {
  private static final String NHWC = "NHWC";

  private final GraphModel model;
  private final Map<String, JsonNode> nodes = new HashMap<>();
  private final OnnxGraph graph = new OnnxGraph("tfjs-graph");
  // TF tensor (node name) -> ONNX tensor; 4-D ones are NCHW with shape [C, H, W], others keep TF's full shape.
  private final Map<String, Tensor> tensors = new HashMap<>();

  private final java.util.Set<String> outputs = new java.util.LinkedHashSet<>();

  private record Tensor(String onnx, int[] shape, boolean image) {}

  private GraphToOnnx(GraphModel model) {
    this.model = model;
    model.signatureOutputs().fieldNames().forEachRemaining(output -> outputs.add(nodeName(output)));
    for (JsonNode node : model.nodes()) {
      nodes.put(node.path("name").asText(), node);
    }
  }

  /** The serialised ONNX ModelProto of the model. */
  public static byte[] convert(GraphModel model) {
    return new GraphToOnnx(model).run();
  }

  private byte[] run() {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("the model has no signature outputs");
    }
    for (String name : outputs) {
      Tensor tensor = tensor(name);
      if (tensor.image()) {
        graph.node("Transpose", name + "/output", List.of(tensor.onnx()), name).intsAttr("perm", 0, 2, 3, 1);
        graph.output(name, 1, tensor.shape()[1], tensor.shape()[2], tensor.shape()[0]);
      } else {
        graph.node("Identity", name + "/output", List.of(tensor.onnx()), name);
        graph.output(name, toLongs(tensor.shape()));
      }
    }
    return graph.toModelProto();
  }

  private Tensor tensor(String name) {
    Tensor known = tensors.get(name);
    if (known != null) {
      return known;
    }
    JsonNode node = nodes.get(name);
    if (node == null) {
      throw new IllegalArgumentException("no node " + name);
    }
    String op = node.path("op").asText();
    Tensor tensor;
    try {
      tensor = switch (op) {
        case "Placeholder" -> placeholder(name, node);
        case "_FusedConv2D" -> conv(name, node, false);
        case "DepthwiseConv2dNative" -> conv(name, node, true);
        case "AddV2", "Add" -> add(name, node);
        case "Relu" -> unary("Relu", name, node);
        case "MaxPool" -> maxPool(name, node);
        case "Pad" -> pad(name, node);
        case "Reshape" -> reshape(name, node);
        case "Identity" -> input(node, 0);
        default -> throw new IllegalArgumentException("unsupported op");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("node " + name + " (" + op + "): " + e.getMessage(), e);
    }
    tensors.put(name, tensor);
    return tensor;
  }

  private Tensor placeholder(String name, JsonNode node) {
    JsonNode dims = node.path("attr").path("shape").path("shape").path("dim");
    int[] nhwc = new int[dims.size()];
    for (int i = 0; i < nhwc.length; i++) {
      nhwc[i] = dims.get(i).path("size").asInt();
    }
    if (nhwc.length != 4 || nhwc[0] != 1 || nhwc[1] < 1 || nhwc[2] < 1 || nhwc[3] < 1) {
      throw new IllegalArgumentException("needs a static [1, H, W, C] input, got " + dims);
    }
    graph.input(name, 1, nhwc[1], nhwc[2], nhwc[3]);
    graph.node("Transpose", name + "/nchw", List.of(name), name + "/nchw").intsAttr("perm", 0, 3, 1, 2);
    return new Tensor(name + "/nchw", new int[] {nhwc[3], nhwc[1], nhwc[2]}, true);
  }

  private Tensor conv(String name, JsonNode node, boolean depthwise) {
    JsonNode attr = node.path("attr");
    nhwc(attr);
    Tensor in = image(input(node, 0));
    LayersModel.Weight filter = weight(node, 1);
    int kh = filter.shape()[0];
    int kw = filter.shape()[1];
    int[] strides = ints(attr.path("strides"), 1);
    int[] dilations = ints(attr.path("dilations"), 1);
    String padding = padding(attr);
    int out = depthwise ? filter.shape()[2] * filter.shape()[3] : filter.shape()[3];
    if (filter.shape()[2] != in.shape()[0]) {
      throw new IllegalArgumentException("filter takes " + filter.shape()[2] + " channels, input has " + in.shape()[0]);
    }
    graph.initializer(name + "/W", depthwise ? Kernels.depthwise(filter) : Kernels.conv(filter),
        out, depthwise ? 1 : filter.shape()[2], kh, kw);
    List<String> inputs = new ArrayList<>(List.of(in.onnx(), name + "/W"));
    boolean relu = false;
    if (!depthwise) {
      List<String> fused = strings(attr.path("fused_ops"));
      relu = fused.equals(List.of("BiasAdd", "Relu"));
      if (!fused.equals(List.of("BiasAdd")) && !relu) {
        throw new IllegalArgumentException("unsupported fused_ops " + fused);
      }
      if (attr.path("num_args").path("i").asInt() != 1) {
        throw new IllegalArgumentException("expected one fused argument (the bias)");
      }
      graph.initializer(name + "/B", weight(node, 2).values(), out);
      inputs.add(name + "/B");
    }
    LayersToOnnx.Padding ph = LayersToOnnx.Padding.of(padding, in.shape()[1], kh, strides[1], dilations[1]);
    LayersToOnnx.Padding pw = LayersToOnnx.Padding.of(padding, in.shape()[2], kw, strides[2], dilations[2]);
    String conv = relu ? name + "/conv" : value(name);
    graph.node("Conv", name + "/conv", inputs, conv)
        .intsAttr("kernel_shape", kh, kw)
        .intsAttr("strides", strides[1], strides[2])
        .intsAttr("dilations", dilations[1], dilations[2])
        .intsAttr("pads", ph.begin(), pw.begin(), ph.end(), pw.end())
        .intAttr("group", depthwise ? in.shape()[0] : 1);
    if (relu) {
      graph.node("Relu", name + "/relu", List.of(conv), value(name));
    }
    return new Tensor(value(name), new int[] {out, ph.output(), pw.output()}, true);
  }

  private Tensor add(String name, JsonNode node) {
    Tensor a = input(node, 0);
    Tensor b = input(node, 1);
    if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.image() != b.image()) {
      throw new IllegalArgumentException("only same-shape addition is supported");
    }
    graph.node("Add", name, List.of(a.onnx(), b.onnx()), value(name));
    return new Tensor(value(name), a.shape(), a.image());
  }

  private Tensor unary(String onnxOp, String name, JsonNode node) {
    Tensor in = input(node, 0);
    graph.node(onnxOp, name, List.of(in.onnx()), value(name));
    return new Tensor(value(name), in.shape(), in.image());
  }

  private Tensor maxPool(String name, JsonNode node) {
    JsonNode attr = node.path("attr");
    nhwc(attr);
    Tensor in = image(input(node, 0));
    int[] k = ints(attr.path("ksize"), 1);
    int[] strides = ints(attr.path("strides"), 1);
    String padding = padding(attr);
    LayersToOnnx.Padding ph = LayersToOnnx.Padding.of(padding, in.shape()[1], k[1], strides[1], 1);
    LayersToOnnx.Padding pw = LayersToOnnx.Padding.of(padding, in.shape()[2], k[2], strides[2], 1);
    // ONNX MaxPool ignores padded cells, as TF's SAME max pooling does.
    graph.node("MaxPool", name, List.of(in.onnx()), value(name))
        .intsAttr("kernel_shape", k[1], k[2])
        .intsAttr("strides", strides[1], strides[2])
        .intsAttr("pads", ph.begin(), pw.begin(), ph.end(), pw.end());
    return new Tensor(value(name), new int[] {in.shape()[0], ph.output(), pw.output()}, true);
  }

  private Tensor pad(String name, JsonNode node) {
    Tensor in = image(input(node, 0));
    float[] p = weight(node, 1).values(); // [[n0, n1], [h0, h1], [w0, w1], [c0, c1]], NHWC
    if (p.length != 8 || p[0] != 0 || p[1] != 0) {
      throw new IllegalArgumentException("only spatial and channel padding of a 4-D tensor is supported");
    }
    long[] pads = {0, (long) p[6], (long) p[2], (long) p[4], 0, (long) p[7], (long) p[3], (long) p[5]};
    graph.initializer(name + "/pads", pads, 8); // ONNX Pad-13, constant 0: begins then ends, NCHW
    graph.node("Pad", name, List.of(in.onnx(), name + "/pads"), value(name));
    int[] s = in.shape();
    return new Tensor(value(name), new int[] {s[0] + (int) (p[6] + p[7]), s[1] + (int) (p[2] + p[3]), s[2] + (int) (p[4] + p[5])},
        true);
  }

  private Tensor reshape(String name, JsonNode node) {
    Tensor in = image(input(node, 0));
    float[] target = weight(node, 1).values();
    int[] s = in.shape();
    long size = (long) s[0] * s[1] * s[2];
    long known = 1;
    int unknown = -1;
    int[] shape = new int[target.length];
    for (int i = 0; i < target.length; i++) {
      shape[i] = (int) target[i];
      if (shape[i] == -1) {
        unknown = i;
      } else {
        known *= shape[i];
      }
    }
    if (unknown >= 0) {
      shape[unknown] = (int) (size / known);
    }
    if (java.util.Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b) != size) {
      throw new IllegalArgumentException("cannot reshape " + size + " values to " + java.util.Arrays.toString(shape));
    }
    graph.node("Transpose", name + "/nhwc", List.of(in.onnx()), name + "/nhwc").intsAttr("perm", 0, 2, 3, 1);
    graph.initializer(name + "/shape", toLongs(shape), shape.length);
    graph.node("Reshape", name, List.of(name + "/nhwc", name + "/shape"), value(name));
    return new Tensor(value(name), shape, false);
  }

  // The ONNX tensor a node's op writes: its name, except for graph outputs, whose names the final node takes.
  private String value(String name) {
    return outputs.contains(name) ? name + "/value" : name;
  }

  private Tensor input(JsonNode node, int index) {
    JsonNode inputs = node.path("input");
    if (index >= inputs.size()) {
      throw new IllegalArgumentException("missing input " + index);
    }
    return tensor(nodeName(inputs.get(index).asText()));
  }

  private static Tensor image(Tensor tensor) {
    if (!tensor.image()) {
      throw new IllegalArgumentException("expects a 4-D image tensor");
    }
    return tensor;
  }

  private LayersModel.Weight weight(JsonNode node, int index) {
    String name = nodeName(node.path("input").path(index).asText());
    LayersModel.Weight weight = model.weights().get(name);
    if (weight == null) {
      throw new IllegalArgumentException("input " + index + " (" + name + ") is not a constant with weights");
    }
    return weight;
  }

  // "node", "node:0"; other output indices and control inputs ("^node") do not occur in the supported ops.
  private static String nodeName(String reference) {
    if (reference.startsWith("^") || (reference.contains(":") && !reference.endsWith(":0"))) {
      throw new IllegalArgumentException("unsupported tensor reference " + reference);
    }
    return reference.endsWith(":0") ? reference.substring(0, reference.length() - 2) : reference;
  }

  private static void nhwc(JsonNode attr) {
    JsonNode format = attr.path("data_format").path("s");
    if (!format.isMissingNode() && !decode(format).equals(NHWC)) {
      throw new IllegalArgumentException("only NHWC is supported, got " + decode(format));
    }
  }

  private static String padding(JsonNode attr) {
    String padding = decode(attr.path("padding").path("s"));
    return switch (padding) {
      case "SAME" -> "same";
      case "VALID" -> "valid";
      default -> throw new IllegalArgumentException("unsupported padding " + padding);
    };
  }

  // NHWC attribute lists (strides, dilations, ksize); a missing one is all `fallback`.
  private static int[] ints(JsonNode attr, int fallback) {
    JsonNode list = attr.path("list").path("i");
    if (list.isMissingNode() || list.isEmpty()) {
      return new int[] {fallback, fallback, fallback, fallback};
    }
    if (list.size() != 4 || list.get(0).asInt() != 1 || list.get(3).asInt() != 1) {
      throw new IllegalArgumentException("expected [1, h, w, 1], got " + list);
    }
    return new int[] {1, list.get(1).asInt(), list.get(2).asInt(), 1};
  }

  private static List<String> strings(JsonNode attr) {
    List<String> values = new ArrayList<>();
    attr.path("list").path("s").forEach(s -> values.add(decode(s)));
    return values;
  }

  // GraphDef JSON carries string attributes as base64 bytes.
  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  private static long[] toLongs(int[] values) {
    long[] longs = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      longs[i] = values[i];
    }
    return longs;
  }
}
