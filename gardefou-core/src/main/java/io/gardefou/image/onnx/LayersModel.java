package io.gardefou.image.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A TF.js Keras LayersModel: the {@code modelTopology} JSON and its weights, dequantised to float32 and keyed by
 * weight name (e.g. {@code Conv1/kernel}), each with its shape.
 */
public record LayersModel(JsonNode topology, Map<String, Weight> weights) {
  public LayersModel {
    Objects.requireNonNull(topology, "topology");
    weights = Map.copyOf(weights);
  }

  /** One weight tensor, row-major in TF layout (HWIO kernels, [in, out] dense kernels). */
  public record Weight(int[] shape, float[] values) {
    public Weight {
      long size = 1;
      for (int dim : shape) {
        size *= dim;
      }
      if (size != values.length) {
        throw new IllegalArgumentException("shape holds " + size + " values, got " + values.length);
      }
    }
  }
}
