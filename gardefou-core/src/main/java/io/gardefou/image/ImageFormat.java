package io.gardefou.image;

import java.util.Optional;

/** The encoded formats the gateway reads, recognised by their magic bytes. */
public enum ImageFormat {
  JPEG,
  PNG,
  GIF,
  BMP,
  WEBP;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * The format the bytes start with, or empty. A declared MIME type or file name is never trusted: the bytes
   * choose the decoder, so a PNG labelled {@code image/jpeg} still meets the PNG reader and its checks.
   */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, (byte) 0xff, (byte) 0xd8, (byte) 0xff)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (startsWith(bytes, 0, ascii("BM"))) {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte... magic) {
    if (bytes.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String magic) {
    return magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
