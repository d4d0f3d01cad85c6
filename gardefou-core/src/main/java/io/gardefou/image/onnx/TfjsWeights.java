package io.gardefou.image.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a TF.js weights manifest ({@code io/types.ts} WeightsManifestConfig) into named float32 tensors. */
final class TfjsWeights {
  /** Reads the binary shards a manifest group names. */
  interface Shards {
    byte[] read(JsonNode paths) throws IOException;
  }

  private TfjsWeights() {}

  /** Every weight of every group, in manifest order; a group whose shards hold more bytes than it names fails. */
  static Map<String, LayersModel.Weight> read(JsonNode manifest, Shards shards) throws IOException {
    Map<String, LayersModel.Weight> weights = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteBuffer data = ByteBuffer.wrap(shards.read(group.path("paths"))).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode spec : group.path("weights")) {
        weights.put(spec.path("name").asText(), decode(spec, data));
      }
      if (data.hasRemaining()) {
        throw new IOException(data.remaining() + " bytes left over after the weights of " + group.path("paths"));
      }
    }
    return weights;
  }

  /** Shards stored as plain files next to the manifest (TF.js's own {@code *.bin} layout). */
  static Shards files(Path dir) {
    return paths -> {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (JsonNode path : paths) {
        all.writeBytes(Files.readAllBytes(dir.resolve(path.asText())));
      }
      return all.toByteArray();
    };
  }

  // Values in manifest order; quantised ones decode as q * scale + min (tfjs-core io_utils decodeWeights, computed
  // in double and stored as float32). int32 tensors (shapes, paddings) are kept as floats: exact below 2^24.
  private static LayersModel.Weight decode(JsonNode spec, ByteBuffer data) throws IOException {
    int[] shape = new int[spec.path("shape").size()];
    int size = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = spec.path("shape").get(i).asInt();
      size *= shape[i];
    }
    float[] values = new float[size];
    JsonNode quantization = spec.path("quantization");
    String dtype = spec.path("dtype").asText();
    if (quantization.isMissingNode() && dtype.equals("float32")) {
      data.asFloatBuffer().get(values);
      data.position(data.position() + size * Float.BYTES);
    } else if (quantization.isMissingNode() && dtype.equals("int32")) {
      for (int i = 0; i < size; i++) {
        values[i] = data.getInt();
      }
    } else if (quantization.path("dtype").asText().equals("uint8") && dtype.equals("float32")) {
      double scale = quantization.path("scale").asDouble();
      double min = quantization.path("min").asDouble();
      for (int i = 0; i < size; i++) {
        values[i] = (float) ((data.get() & 0xFF) * scale + min);
      }
    } else {
      throw new IOException("weight " + spec.path("name").asText() + ": unsupported encoding " + dtype + " "
          + quantization);
    }
    return new LayersModel.Weight(shape, values);
  }
}
