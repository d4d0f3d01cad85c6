package io.gardefou.image.onnx;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model nsfwjs ships browserified, without Node: {@code model.min.js} wraps the TF.js {@code model.json}
 * as a JavaScript object literal, and each {@code group1-shardNofM.min.js} wraps a weight shard as a base64
 * string ({@code nsfwjs@4.4.0}, {@code dist/models/<model>/}).
 */
public final class NsfwjsBundle {
  // The literal sits between the module's "<m>.exports=" and browserify's trailer "},{}]},{},[1])(1)});".
  private static final Pattern LITERAL = Pattern.compile("\\w\\.exports=(\\{.*})},\\{}]},\\{},\\[1]\\)\\(1\\)\\}\\);?\\s*$",
      Pattern.DOTALL);
  private static final Pattern BASE64 = Pattern.compile("\\w\\.exports=\"([A-Za-z0-9+/=]*)\"");
  // Minified booleans (!0, !1) after a colon, comma or bracket; JSON has no such tokens.
  private static final Pattern MINIFIED_BOOLEAN = Pattern.compile("([:,\\[])!([01])");
  private static final JsonMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
      .build();

  private NsfwjsBundle() {}

  /** Reads the model in {@code dir}: {@code model.min.js} and the shards its weights manifest names. */
  public static LayersModel read(Path dir) throws IOException {
    JsonNode model = parseLiteral(Files.readString(dir.resolve("model.min.js"), StandardCharsets.UTF_8));
    Map<String, LayersModel.Weight> weights = TfjsWeights.read(model.path("weightsManifest"), paths -> readShards(dir, paths));
    return new LayersModel(model.path("modelTopology"), weights);
  }

  private static JsonNode parseLiteral(String script) throws IOException {
    Matcher matcher = LITERAL.matcher(script);
    if (!matcher.find()) {
      throw new IOException("no browserified object literal found");
    }
    String json = MINIFIED_BOOLEAN.matcher(matcher.group(1)).replaceAll(m -> m.group(1) + (m.group(2).equals("0") ? "true" : "false"));
    return LENIENT.readTree(json);
  }

  private static byte[] readShards(Path dir, JsonNode paths) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (JsonNode path : paths) {
      String script = Files.readString(dir.resolve(path.asText() + ".min.js"), StandardCharsets.US_ASCII);
      Matcher matcher = BASE64.matcher(script);
      if (!matcher.find()) {
        throw new IOException("no base64 weights in " + path.asText() + ".min.js");
      }
      all.writeBytes(Base64.getDecoder().decode(matcher.group(1)));
    }
    return all.toByteArray();
  }
}
