package io.gardefou.image.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.FloatBuffer;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written GraphDefs, converted and run by ONNX Runtime, against values worked out in TF's NHWC layout. */
class GraphToOnnxTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonNode model(String nodes, String output) throws Exception {
    return JSON.readTree("""
        {"format": "graph-model",
         "modelTopology": {"node": [
           {"name": "input", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [
             {"size": "1"}, {"size": "2"}, {"size": "2"}, {"size": "2"}]}}}},
           %s]},
         "userDefinedMetadata": {"signature": {"outputs": {"%s:0": {}}}}}
        """.formatted(nodes, output));
  }

  @Test
  void padsChannelsAndReshapesInTfElementOrder() throws Exception {
    JsonNode json = model("""
        {"name": "pad", "op": "Pad", "input": ["input", "paddings"]},
        {"name": "flat", "op": "Reshape", "input": ["pad", "shape"]},
        {"name": "Identity", "op": "Identity", "input": ["flat"]}
        """, "Identity");
    Map<String, LayersModel.Weight> weights = Map.of(
        "paddings", new LayersModel.Weight(new int[] {4, 2}, new float[] {0, 0, 0, 0, 0, 0, 0, 1}),
        "shape", new LayersModel.Weight(new int[] {3}, new float[] {1, 4, -1}));
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8}; // NHWC [1, 2, 2, 2]

    float[] out = run(GraphToOnnx.convert(new GraphModel(json, weights)), x, 2);

    // One zero channel after each pixel's two, then [1, 4, 3] in TF's row-major NHWC order.
    assertThat(out).containsExactly(1, 2, 0, 3, 4, 0, 5, 6, 0, 7, 8, 0);
  }

  @Test
  void fusedConvAddsBiasAndRelu() throws Exception {
    JsonNode json = model("""
        {"name": "conv", "op": "_FusedConv2D", "input": ["input", "filter", "bias"], "attr": {
          "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "%s"}, "num_args": {"i": "1"},
          "data_format": {"s": "%s"}, "fused_ops": {"list": {"s": ["%s", "%s"]}}}},
        {"name": "flat", "op": "Reshape", "input": ["conv", "shape"]}
        """.formatted(b64("VALID"), b64("NHWC"), b64("BiasAdd"), b64("Relu")), "flat");
    // 1x1 conv, 2 -> 1 channel: out = relu(1*c0 - 1*c1 + 0.5)
    Map<String, LayersModel.Weight> weights = Map.of(
        "filter", new LayersModel.Weight(new int[] {1, 1, 2, 1}, new float[] {1, -1}),
        "bias", new LayersModel.Weight(new int[] {1}, new float[] {0.5f}),
        "shape", new LayersModel.Weight(new int[] {2}, new float[] {1, 4}));
    float[] x = {3, 1, 1, 3, 2, 2, 0, 5};

    float[] out = run(GraphToOnnx.convert(new GraphModel(json, weights)), x, 2);

    assertThat(out).containsExactly(2.5f, 0f, 0.5f, 0f);
  }

  @Test
  void unsupportedOpFailsNamingTheNode() throws Exception {
    JsonNode json = model("""
        {"name": "squash", "op": "Sigmoid", "input": ["input"]}
        """, "squash");

    assertThatThrownBy(() -> GraphToOnnx.convert(new GraphModel(json, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node squash (Sigmoid): unsupported op");
  }

  @Test
  void explicitPaddingIsRefused() throws Exception {
    JsonNode json = model("""
        {"name": "dw", "op": "DepthwiseConv2dNative", "input": ["input", "filter"], "attr": {
          "padding": {"s": "%s"}}}
        """.formatted(b64("EXPLICIT")), "dw");
    Map<String, LayersModel.Weight> weights = Map.of(
        "filter", new LayersModel.Weight(new int[] {1, 1, 2, 1}, new float[] {1, 1}));

    assertThatThrownBy(() -> GraphToOnnx.convert(new GraphModel(json, weights)))
        .hasMessageContaining("unsupported padding EXPLICIT");
  }

  private static float[] run(byte[] onnx, float[] x, int side) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, side, side, 2});
         OrtSession.Result result = session.run(Map.of("input", input))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[out.remaining()];
      out.get(values);
      return values;
    }
  }
}
