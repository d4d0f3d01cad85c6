package io.gardefou.image.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made bundle in nsfwjs's browserified shape: minified literal, base64 shard, uint8 quantisation. */
class NsfwjsBundleTest {
  private static final String HEAD = "!function(e){module.exports=e()}(function(){return function e(a,n,i){}({1:[function(e,a,n){";
  private static final String TAIL = "},{}]},{},[1])(1)});";

  @Test
  void readsTheLiteralAndDequantisesTheShard(@TempDir Path dir) throws Exception {
    String literal = "a.exports={modelTopology:{keras_version:\"2.2.4\",model_config:{config:{layers:[{name:\"in\","
        + "config:{sparse:!1,trainable:!0}}]}}},weightsManifest:[{paths:[\"group1-shard1of1\"],weights:["
        + "{name:\"k\",shape:[2,2],dtype:\"float32\",quantization:{min:-.5,scale:.25,dtype:\"uint8\"}},"
        + "{name:\"b\",shape:[1],dtype:\"float32\",quantization:{min:-0,scale:1e-1,dtype:\"uint8\"}}]}]}";
    Files.writeString(dir.resolve("model.min.js"), HEAD + literal + TAIL);
    String shard = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255, 10});
    Files.writeString(dir.resolve("group1-shard1of1.min.js"), HEAD.replace("a,n){", "h,n){") + "h.exports=\"" + shard
        + "\"" + TAIL);

    LayersModel model = NsfwjsBundle.read(dir);

    assertThat(model.topology().path("model_config").path("config").path("layers").path(0).path("config")
        .path("sparse").asBoolean(true)).isFalse();
    assertThat(model.topology().path("keras_version").asText()).isEqualTo("2.2.4");
    // q * scale + min: 0 -> -0.5, 1 -> -0.25, 2 -> 0, 255 -> 63.25; 10 * 0.1 -> 1.0
    assertThat(model.weights().get("k").values()).containsExactly(-0.5f, -0.25f, 0f, 63.25f);
    assertThat(model.weights().get("k").shape()).containsExactly(2, 2);
    assertThat(model.weights().get("b").values()).containsExactly(1.0f);
  }
}
