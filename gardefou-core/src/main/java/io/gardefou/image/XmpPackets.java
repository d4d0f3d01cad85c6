package io.gardefou.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Puts an XMP packet into an encoded PNG, JPEG or WebP image, and reads it back, by splicing the container's chunks or
 * segments: the compressed pixel data is copied byte for byte, never decoded or re-encoded. A packet already there
 * (the upstream's own) is replaced, since two packets in one file leave readers to pick one.
 *
 * <p>Where each format keeps it follows XMP Specification Part 3 (2020), §1.1: PNG an {@code iTXt} chunk keyed
 * {@code XML:com.adobe.xmp}, JPEG an APP1 segment opened by {@code http://ns.adobe.com/xap/1.0/\0}, WebP an
 * {@code XMP } chunk flagged in {@code VP8X}. Files that break their container's rules (bad PNG CRC, truncated
 * segment) are refused with an {@link ImageError} rather than patched.
 */
public final class XmpPackets {
  static final String PNG_KEYWORD = "XML:com.adobe.xmp";
  static final byte[] JPEG_XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** A JPEG segment's length field counts itself and is 16 bits; larger packets need Extended XMP, not written. */
  private static final int JPEG_MAX_PACKET = 65_535 - 2 - 29;
  private static final int VP8X_XMP_FLAG = 0x04;
  private static final int VP8X_ALPHA_FLAG = 0x10;

  private XmpPackets() {}

  /** The image with {@code packet} as its XMP; the same pixels, the same other metadata. */
  public static byte[] embed(byte[] image, String packet) {
    byte[] xmp = packet.getBytes(StandardCharsets.UTF_8);
    return switch (format(image)) {
      case PNG -> png(image, xmp);
      case JPEG -> jpeg(image, xmp);
      case WEBP -> webp(image, xmp);
      default -> throw unsupported(format(image));
    };
  }

  /** The image's XMP packet, if it has one. */
  public static Optional<String> read(byte[] image) {
    byte[] xmp = switch (format(image)) {
      case PNG -> readPng(image);
      case JPEG -> readJpeg(image);
      case WEBP -> readWebp(image);
      default -> throw unsupported(format(image));
    };
    return Optional.ofNullable(xmp).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static ImageFormat format(byte[] image) {
    return ImageFormat.sniff(image).orElseThrow(() -> new ImageError(ImageError.Kind.UNSUPPORTED_FORMAT,
        "not an image format XMP can be embedded in"));
  }

  private static ImageError unsupported(ImageFormat format) {
    return new ImageError(ImageError.Kind.UNSUPPORTED_FORMAT, "XMP is embedded in PNG, JPEG and WebP, not " + format);
  }

  private static ImageError corrupt(String format, String message) {
    return new ImageError(ImageError.Kind.CORRUPT, format + ": " + message);
  }

  // ---- PNG: chunks are length (4, big-endian), type (4), data, CRC-32 of type and data (PNG spec, 3rd ed., §5.3).

  private static byte[] png(byte[] image, byte[] xmp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + xmp.length + 64);
    out.writeBytes(PNG_SIGNATURE);
    boolean written = false;
    for (PngChunk chunk : pngChunks(image)) {
      if (chunk.isXmp(image)) {
        continue;
      }
      out.write(image, chunk.start(), chunk.end() - chunk.start());
      // PNG spec §5.6: iTXt may sit anywhere between IHDR and IEND; right after IHDR lets readers find it early.
      if (!written && chunk.type().equals("IHDR")) {
        out.writeBytes(pngChunk("iTXt", itxt(xmp)));
        written = true;
      }
    }
    return out.toByteArray();
  }

  private static byte[] readPng(byte[] image) {
    for (PngChunk chunk : pngChunks(image)) {
      if (chunk.isXmp(image)) {
        byte[] data = Arrays.copyOfRange(image, chunk.start() + 8, chunk.end() - 4);
        int at = PNG_KEYWORD.length() + 1;
        if (data[at] != 0) {
          throw corrupt("PNG", "compressed XMP iTXt chunks are not read");
        }
        at += 2; // compression flag and method
        at = indexOf(data, (byte) 0, at) + 1; // language tag
        at = indexOf(data, (byte) 0, at) + 1; // translated keyword
        return Arrays.copyOfRange(data, at, data.length);
      }
    }
    return null;
  }

  /** PNG spec §11.3.3.5 iTXt: keyword, NUL, compression flag 0, method 0, empty language, NUL, empty translation, NUL, text. */
  private static byte[] itxt(byte[] xmp) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(xmp.length + 24);
    data.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
    data.writeBytes(new byte[] {0, 0, 0, 0, 0});
    data.writeBytes(xmp);
    return data.toByteArray();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
        .putInt((int) crc.getValue()).array();
  }

  private record PngChunk(String type, int start, int end) {
    boolean isXmp(byte[] image) {
      return type.equals("iTXt") && startsWith(image, start + 8, (PNG_KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static java.util.List<PngChunk> pngChunks(byte[] image) {
    java.util.List<PngChunk> chunks = new java.util.ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(image);
    int at = PNG_SIGNATURE.length;
    String type = "";
    while (!type.equals("IEND")) {
      if (at + 12 > image.length) {
        throw corrupt("PNG", "ends before IEND");
      }
      long length = Integer.toUnsignedLong(buffer.getInt(at));
      if (length > image.length - at - 12L) {
        throw corrupt("PNG", "a chunk runs past the end of the file");
      }
      int end = at + 12 + (int) length;
      type = new String(image, at + 4, 4, StandardCharsets.US_ASCII);
      CRC32 crc = new CRC32();
      crc.update(image, at + 4, 4 + (int) length);
      if ((int) crc.getValue() != buffer.getInt(end - 4)) {
        throw corrupt("PNG", "chunk " + type + " fails its CRC");
      }
      if (chunks.isEmpty() && !type.equals("IHDR")) {
        throw corrupt("PNG", "the first chunk is not IHDR");
      }
      chunks.add(new PngChunk(type, at, end));
      at = end;
    }
    return chunks;
  }

  // ---- JPEG: markers FFxx; every segment before SOS carries a 2-byte big-endian length (ITU T.81 §B.1.1.4).

  private static byte[] jpeg(byte[] image, byte[] xmp) {
    if (xmp.length > JPEG_MAX_PACKET) {
      throw new IllegalArgumentException("an XMP packet over " + JPEG_MAX_PACKET + " bytes needs Extended XMP");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + xmp.length + 64);
    out.write(image, 0, 2);
    boolean written = false;
    int at = 2;
    while (true) {
      int[] segment = jpegSegment(image, at);
      int marker = segment[0];
      int end = segment[1];
      // After JFIF (APP0) and Exif (APP1), which readers expect first; before everything else.
      if (!written && marker != 0xE0 && !(marker == 0xE1 && !isJpegXmp(image, at))) {
        out.writeBytes(app1(xmp));
        written = true;
      }
      if (marker == 0xDA) {
        out.write(image, at, image.length - at); // start of scan: the entropy-coded data follows, copied as is
        return out.toByteArray();
      }
      if (!(marker == 0xE1 && isJpegXmp(image, at))) {
        out.write(image, at, end - at);
      }
      at = end;
    }
  }

  private static byte[] readJpeg(byte[] image) {
    int at = 2;
    while (true) {
      int[] segment = jpegSegment(image, at);
      if (segment[0] == 0xDA) {
        return null;
      }
      if (segment[0] == 0xE1 && isJpegXmp(image, at)) {
        return Arrays.copyOfRange(image, at + 4 + JPEG_XMP_ID.length, segment[1]);
      }
      at = segment[1];
    }
  }

  /** The marker at {@code at} and where its segment ends. */
  private static int[] jpegSegment(byte[] image, int at) {
    if (at + 4 > image.length || (image[at] & 0xff) != 0xFF) {
      throw corrupt("JPEG", "no marker where a segment should start (offset " + at + ")");
    }
    int marker = image[at + 1] & 0xff;
    int length = ((image[at + 2] & 0xff) << 8) | (image[at + 3] & 0xff);
    if (length < 2 || at + 2 + length > image.length) {
      throw corrupt("JPEG", "segment FF" + Integer.toHexString(marker).toUpperCase() + " runs past the end of the file");
    }
    return new int[] {marker, at + 2 + length};
  }

  private static boolean isJpegXmp(byte[] image, int at) {
    return (image[at + 1] & 0xff) == 0xE1 && startsWith(image, at + 4, JPEG_XMP_ID);
  }

  private static byte[] app1(byte[] xmp) {
    int length = 2 + JPEG_XMP_ID.length + xmp.length;
    return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length)
        .put(JPEG_XMP_ID).put(xmp).array();
  }

  // ---- WebP: RIFF chunks, FourCC, size (4, little-endian), data, a pad byte to even size (WebP container spec).

  private static byte[] webp(byte[] image, byte[] xmp) {
    java.util.List<int[]> chunks = webpChunks(image);
    ByteArrayOutputStream body = new ByteArrayOutputStream(image.length + xmp.length + 64);
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    String first = fourCc(image, chunks.getFirst()[0]);
    if (first.equals("VP8X")) {
      byte[] vp8x = Arrays.copyOfRange(image, chunks.getFirst()[0], chunks.getFirst()[1]);
      vp8x[8] |= VP8X_XMP_FLAG;
      body.writeBytes(vp8x);
    } else {
      // A simple file (one VP8 or VP8L chunk) must become extended to carry metadata: VP8X with the canvas size.
      body.writeBytes(vp8x(image, chunks.getFirst(), first));
      body.write(image, chunks.getFirst()[0], chunks.getFirst()[1] - chunks.getFirst()[0]);
    }
    for (int[] chunk : chunks.subList(1, chunks.size())) {
      if (!fourCc(image, chunk[0]).equals("XMP ")) {
        body.write(image, chunk[0], chunk[1] - chunk[0]);
      }
    }
    body.writeBytes(webpChunk("XMP ", xmp));
    byte[] riff = body.toByteArray();
    return ByteBuffer.allocate(8 + riff.length).order(ByteOrder.LITTLE_ENDIAN)
        .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riff.length).put(riff).array();
  }

  private static byte[] readWebp(byte[] image) {
    for (int[] chunk : webpChunks(image)) {
      if (fourCc(image, chunk[0]).equals("XMP ")) {
        int size = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(chunk[0] + 4);
        return Arrays.copyOfRange(image, chunk[0] + 8, chunk[0] + 8 + size);
      }
    }
    return null;
  }

  /** VP8X: flags, 3 reserved bytes, canvas width − 1 and height − 1 in 24 bits each. */
  private static byte[] vp8x(byte[] image, int[] chunk, String type) {
    ByteBuffer data = ByteBuffer.wrap(image, chunk[0] + 8, chunk[1] - chunk[0] - 8).slice().order(ByteOrder.LITTLE_ENDIAN);
    int width;
    int height;
    int flags = VP8X_XMP_FLAG;
    if (type.equals("VP8L") && data.remaining() >= 5 && data.get(0) == 0x2f) {
      // RFC 9649 §3.2 (VP8L header): signature 0x2f, then 14 bits width − 1, 14 bits height − 1, 1 bit alpha.
      int bits = data.getInt(1);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
      flags |= ((bits >>> 28) & 1) == 1 ? VP8X_ALPHA_FLAG : 0;
    } else if (type.equals("VP8 ") && data.remaining() >= 10 && (data.get(3) & 0xff) == 0x9d
        && (data.get(4) & 0xff) == 0x01 && (data.get(5) & 0xff) == 0x2a) {
      // RFC 6386 §9.1: a key frame's start code 9d 01 2a, then 14-bit width and height (2 bits of scale each).
      width = data.getShort(6) & 0x3fff;
      height = data.getShort(8) & 0x3fff;
    } else {
      throw corrupt("WebP", "the first chunk is neither VP8X nor a readable VP8/VP8L key frame");
    }
    ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put((byte) flags).put(new byte[3]);
    vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
    vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
    return webpChunk("VP8X", vp8x.array());
  }

  private static byte[] webpChunk(String fourCc, byte[] data) {
    int padded = data.length + (data.length & 1);
    return ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN)
        .put(fourCc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
  }

  /** Each chunk's start and end (padding included), after the 12-byte RIFF header. */
  private static java.util.List<int[]> webpChunks(byte[] image) {
    ByteBuffer buffer = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    long riffEnd = 8 + Integer.toUnsignedLong(buffer.getInt(4));
    if (riffEnd > image.length) {
      throw corrupt("WebP", "the RIFF size runs past the end of the file");
    }
    java.util.List<int[]> chunks = new java.util.ArrayList<>();
    int at = 12;
    while (at + 8 <= riffEnd) {
      long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
      long end = at + 8 + size + (size & 1);
      if (end > riffEnd) {
        throw corrupt("WebP", "chunk " + fourCc(image, at) + " runs past the end of the file");
      }
      chunks.add(new int[] {at, (int) end});
      at = (int) end;
    }
    if (chunks.isEmpty()) {
      throw corrupt("WebP", "no chunks");
    }
    return chunks;
  }

  private static String fourCc(byte[] image, int at) {
    return new String(image, at, 4, StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] bytes, byte value, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    throw corrupt("PNG", "an iTXt field is not terminated");
  }
}
