package io.gardefou.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Synthetic test images, generated in code: flat colours, gradients and hand-assembled headers only. */
final class TestImages {
  private TestImages() {}

  /** An RGB image with a distinct colour at every pixel, for exact lossless round trips. */
  static BufferedImage gradient(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 255 / Math.max(1, width - 1)) << 16 | (y * 255 / Math.max(1, height - 1)) << 8
            | ((x + y) * 37 & 0xff));
      }
    }
    return image;
  }

  /** Four flat quadrants, red, green / blue, white: big blocks survive JPEG, and any turn or flip shows. */
  static BufferedImage quadrants(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean right = x >= width / 2;
        boolean bottom = y >= height / 2;
        image.setRGB(x, y, bottom ? (right ? 0xffffff : 0x0000ff) : (right ? 0x00ff00 : 0xff0000));
      }
    }
    return image;
  }

  static BufferedImage flat(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    return write("jpeg", writer -> {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    });
  }

  /**
   * A CMYK JPEG as Photoshop writes it: the JDK writer stores the raster's four channels as given, and an Adobe
   * APP14 segment (transform 0) marks them as CMYK. Adobe CMYK is stored inverted: 255 is no ink, 0 full ink.
   */
  static byte[] adobeCmykJpeg(Raster invertedCmyk) {
    byte[] plain = write("jpeg", writer -> writer.write(null, new IIOImage(invertedCmyk, null, null), null));
    byte[] app14 = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    return concat(Arrays.copyOf(plain, 2), app14, Arrays.copyOfRange(plain, 2, plain.length));
  }

  /** An animated GIF, one frame per image. */
  static byte[] gif(List<BufferedImage> frames) {
    return write("gif", writer -> {
      writer.prepareWriteSequence(null);
      for (BufferedImage frame : frames) {
        writer.writeToSequence(new IIOImage(frame, null, null), null);
      }
      writer.endWriteSequence();
    });
  }

  /** A PNG of an image of any type the PNG writer takes (grey+alpha needs an explicit specifier). */
  static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  /** 8-bit grey with alpha, which has no predefined BufferedImage type. */
  static BufferedImage greyAlpha(int width, int height, int grey, int alpha) {
    BufferedImage image = ImageTypeSpecifier.createGrayscale(8, DataBuffer.TYPE_BYTE, false, false)
        .createBufferedImage(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setPixel(x, y, new int[] {grey, alpha});
      }
    }
    return image;
  }

  static BufferedImage palette(int width, int height, int[] argb) {
    IndexColorModel model = new IndexColorModel(8, argb.length, argb, 0, true, -1,
        DataBuffer.TYPE_BYTE);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, (x + y) % argb.length);
      }
    }
    return image;
  }

  /** Inserts an APP1 Exif segment holding only IFD0 with the Orientation tag, right after the JFIF APP0. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD0 at 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0); // no IFD1
    byte[] exifId = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exifId.length + tiff.capacity();
    ByteBuffer app1 = ByteBuffer.allocate(2 + length);
    app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) length).put(exifId).put(tiff.array());
    int afterApp0 = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff)); // SOI, then FFE0 + length
    return concat(Arrays.copyOfRange(jpeg, 0, afterApp0), app1.array(),
        Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
  }

  /** A PNG that is only a signature, an IHDR (with a correct CRC) and IEND: any size for a few dozen bytes. */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        chunk("IHDR", ihdr.array()), chunk("IEND", new byte[0]));
  }

  /** The PNG with an APNG acTL chunk declaring {@code frames} frames inserted after its IHDR. */
  static byte[] withAnimationControl(byte[] png, int frames) {
    int afterIhdr = 8 + 12 + 13;
    byte[] actl = chunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array());
    return concat(Arrays.copyOfRange(png, 0, afterIhdr), actl, Arrays.copyOfRange(png, afterIhdr, png.length));
  }

  static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
  }

  /** The JPEG with the height and width of its SOF0 frame header replaced. */
  static byte[] withSofSize(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 8 < out.length; i++) {
      if ((out[i] & 0xff) == 0xff && (out[i + 1] & 0xff) == 0xc0) {
        ByteBuffer.wrap(out, i + 5, 4).putShort((short) height).putShort((short) width);
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0 marker");
  }

  /** A BMP header that claims BI_JPEG compression and a 2 GiB inner stream. */
  static byte[] bmpWrappingJpeg() {
    ByteBuffer bmp = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
    bmp.put((byte) 'B').put((byte) 'M').putInt(70).putInt(0).putInt(54);
    bmp.putInt(40).putInt(4).putInt(4).putShort((short) 1).putShort((short) 0).putInt(4) // BI_JPEG
        .putInt(0x7fff_fff0).putInt(0).putInt(0).putInt(0).putInt(0);
    return bmp.array();
  }

  /**
   * A lossless WebP (VP8L) written bit by bit: no transforms, no colour cache, and five "simple" prefix codes.
   * Red, blue and alpha have one symbol each (zero bits a pixel); green has two, 0 and 255, one bit a pixel.
   * So pixel i is (red, bits[i] ? 255 : 0, blue); fewer bits than pixels make a truncated file. WebP lossless
   * bitstream, RFC 9649 §3.2 (header), §3.7.2.1.1 (simple code length code).
   */
  static byte[] webpLossless(int width, int height, int red, int blue, boolean[] greenBits) {
    Bits bits = vp8lHeader(width, height);
    bits.write(1, 1).write(1, 1).write(0, 1).write(0, 1).write(255, 8); // green: simple, 2 symbols, 0 and 255
    simpleOneSymbol(bits, red);
    simpleOneSymbol(bits, blue);
    simpleOneSymbol(bits, 255); // alpha
    simpleOneSymbol(bits, 0); // distance
    for (boolean bit : greenBits) {
      bits.write(bit ? 1 : 0, 1); // canonical code: the smaller symbol (0) is code 0
    }
    return riff("VP8L", bits.toBytes());
  }

  /** A lossless WebP of one colour: every prefix code has one symbol, so the pixels take no bits at all. */
  static byte[] webpSolid(int width, int height, int rgb) {
    Bits bits = vp8lHeader(width, height);
    simpleOneSymbol(bits, rgb >> 8 & 0xff);
    simpleOneSymbol(bits, rgb >> 16 & 0xff);
    simpleOneSymbol(bits, rgb & 0xff);
    simpleOneSymbol(bits, 255);
    simpleOneSymbol(bits, 0);
    return riff("VP8L", bits.toBytes());
  }

  private static Bits vp8lHeader(int width, int height) {
    Bits bits = new Bits();
    bits.write(0x2f, 8); // signature
    bits.write(width - 1, 14).write(height - 1, 14).write(0, 1).write(0, 3); // alpha_is_used 0, version 0
    bits.write(0, 1); // no transform
    bits.write(0, 1); // no colour cache
    bits.write(0, 1); // no meta prefix codes
    return bits;
  }

  private static void simpleOneSymbol(Bits bits, int symbol) {
    bits.write(1, 1).write(0, 1).write(1, 1).write(symbol, 8); // simple, 1 symbol, 8-bit symbol
  }

  static byte[] riff(String chunkType, byte[] payload) {
    int padded = payload.length + (payload.length & 1);
    ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII))
        .put(chunkType.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
    return riff.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private interface WriterBody {
    void write(ImageWriter writer) throws IOException;
  }

  private static byte[] write(String format, WriterBody body) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      body.write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Least-significant-bit-first bit writer, as VP8L reads. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits write(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= ((value >>> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    byte[] toBytes() {
      if (used > 0) {
        out.write(current);
      }
      return out.toByteArray();
    }
  }
}
