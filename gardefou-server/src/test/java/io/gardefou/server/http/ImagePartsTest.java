package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.model.InputImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Image content parts meet the same decoding limits as uploads, before anything screens them. */
class ImagePartsTest {
  private static final ImageDecoder SMALL = ImageDecoder.create(new ImageLimits(2048, 10_000, 1, 1000));

  @Test
  void readsAnInlinePngUnderTheNameOfItsPart() {
    byte[] png = TestImages.png(16, 1);

    InputImage image = ImageParts.read(part("data:image/png;base64," + base64(png)), "input[2]", SMALL);

    assertThat(image.name()).isEqualTo("input[2]");
    assertThat(image.bytes()).isEqualTo(png);
  }

  @Test
  void trustsTheBytesNotTheDeclaredImageType() {
    byte[] png = TestImages.png(16, 1);

    assertThat(ImageParts.read(part("data:image/jpeg;base64," + base64(png)), "input[0]", SMALL).size())
        .isEqualTo(png.length);
  }

  @Test
  void refusesAnImageOverTheByteLimitBeforeDecodingIt() {
    String url = "data:image/png;base64," + base64(new byte[4096]);

    assertThatThrownBy(() -> ImageParts.read(part(url), "input[0]", SMALL))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("image_too_large");
          assertThat(e.param()).isEqualTo("input[0].image_url.url");
        });
  }

  @Test
  void refusesAHeaderThatDeclaresTooManyPixels() {
    String url = "data:image/png;base64," + base64(pngHeader(5000, 5000));

    assertThatThrownBy(() -> ImageParts.read(part(url), "input[0]", SMALL))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("image_too_many_pixels"));
  }

  private static JsonNode part(String url) {
    return JsonBodies.MAPPER.createObjectNode().put("type", "image_url").set(
        "image_url", JsonBodies.MAPPER.createObjectNode().put("url", url));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A PNG that is only a signature, an IHDR declaring the size (correct CRC) and IEND. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
    ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IEND", new byte[0]);
    return png.array();
  }

  private static void chunk(ByteBuffer into, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    into.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
  }
}
