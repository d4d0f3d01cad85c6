package io.gardefou.image;

import java.nio.ByteBuffer;

/**
 * The few container fields that the JDK readers either ignore or trust too much, read from the raw bytes with
 * every offset bounds-checked.
 */
final class Containers {
  private static final int PNG_SIGNATURE_LENGTH = 8;
  private static final int ACTL = 0x6163544c; // "acTL"
  private static final int IDAT = 0x49444154; // "IDAT"
  private static final int BI_JPEG = 4;
  private static final int BI_PNG = 5;

  private Containers() {}

  /**
   * The frames a PNG declares: {@code num_frames} of an APNG's acTL chunk, or 1. The JDK reader ignores APNG and
   * returns the default image, so without this an animation would pass as a still (APNG spec §acTL: the chunk
   * must come before the first IDAT).
   */
  static int pngFrames(byte[] png) {
    ByteBuffer in = ByteBuffer.wrap(png);
    int at = PNG_SIGNATURE_LENGTH;
    while (at + 8 <= png.length) {
      long length = Integer.toUnsignedLong(in.getInt(at));
      int type = in.getInt(at + 4);
      if (type == IDAT) {
        return 1;
      }
      if (type == ACTL && length >= 8 && at + 12 <= png.length) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Integer.toUnsignedLong(in.getInt(at + 8))));
      }
      long next = at + 12 + length; // length, type, data, CRC
      if (next > png.length) {
        return 1; // truncated: the reader will say so
      }
      at = (int) next;
    }
    return 1;
  }

  /**
   * Whether a BMP wraps a JPEG or PNG stream (BI_JPEG, BI_PNG: a printer format never seen on the web). The JDK
   * BMP reader allocates the declared {@code biSizeImage} (up to 2 GiB) for the inner stream before reading
   * it, so a 60-byte file could exhaust the heap.
   */
  static boolean bmpWrapsAnotherFormat(byte[] bmp) {
    if (bmp.length < 34) {
      return false;
    }
    ByteBuffer in = ByteBuffer.wrap(bmp).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long headerSize = Integer.toUnsignedLong(in.getInt(14));
    int compression = in.getInt(30);
    return headerSize >= 40 && (compression == BI_JPEG || compression == BI_PNG);
  }
}
