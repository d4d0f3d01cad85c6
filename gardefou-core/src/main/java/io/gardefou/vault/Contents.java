package io.gardefou.vault;

import io.gardefou.model.InputImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the vault keeps of one refused request, in the clear: the prompt as written and the images the requester
 * uploaded (never images withheld under the known-CSAM rule, which are not here at all).
 */
public record Contents(String prompt, List<InputImage> images) {
  /** The plaintext format's first byte; a later format gets another. */
  private static final int FORMAT = 1;

  public Contents {
    Objects.requireNonNull(prompt, "prompt");
    images = List.copyOf(images);
  }

  /** Format 1: version byte, then length-prefixed UTF-8 prompt, image count, and per image its name and bytes. */
  byte[] encode() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(FORMAT);
      byte[] text = prompt.getBytes(StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
      out.writeInt(images.size());
      for (InputImage image : images) {
        out.writeUTF(image.name());
        byte[] bytes = image.bytes();
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  static Contents decode(byte[] plaintext) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown vault plaintext format " + format);
      }
      String prompt = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
      int count = in.readInt();
      List<InputImage> images = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        images.add(InputImage.of(name, in.readNBytes(in.readInt())));
      }
      return new Contents(prompt, images);
    } catch (IOException e) {
      throw new IllegalStateException("a vault plaintext that authenticated is malformed", e);
    }
  }

  @Override
  public String toString() {
    return "Contents[" + prompt.length() + " chars, " + images.size() + " images]";
  }
}
