package io.gardefou.image.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A TF.js GraphModel ({@code format: graph-model}): the frozen TensorFlow GraphDef as JSON ({@code modelTopology})
 * and its weights, keyed by the name of the {@code Const} node that holds each.
 */
public record GraphModel(JsonNode json, Map<String, LayersModel.Weight> weights) {
  public GraphModel {
    Objects.requireNonNull(json, "json");
    weights = Map.copyOf(weights);
  }

  /** Reads {@code model.json} and the {@code .bin} shards its manifest names, from the same directory. */
  public static GraphModel read(Path modelJson) throws IOException {
    JsonNode json = JsonMapper.builder().build().readTree(Files.readString(modelJson));
    if (!json.path("format").asText().equals("graph-model")) {
      throw new IOException(modelJson + " is not a TF.js graph-model (format " + json.path("format") + ")");
    }
    Path dir = modelJson.toAbsolutePath().getParent();
    return new GraphModel(json, TfjsWeights.read(json.path("weightsManifest"), TfjsWeights.files(dir)));
  }

  /** The GraphDef nodes. */
  public JsonNode nodes() {
    return json.path("modelTopology").path("node");
  }

  /** The signature's outputs ({@code userDefinedMetadata.signature.outputs}), each {@code name:0}. */
  public JsonNode signatureOutputs() {
    return json.path("userDefinedMetadata").path("signature").path("outputs");
  }
}
