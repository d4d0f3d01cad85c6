package io.gardefou.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns whatever a reader returned into the canonical TYPE_3BYTE_BGR image, by the rules of
 * {@code docs/design/image-decoding.md}: alpha dropped (not composited), grey copied to R=G=B without gamma,
 * samples of other depths rounded to 8 bits, palettes expanded.
 */
final class Canonical {
  private Canonical() {}

  static BufferedImage toBgr(BufferedImage decoded) {
    if (isPlainBgr(decoded)) {
      return decoded; // baseline RGB JPEG and 8-bit RGB PNG arrive like this: no copy
    }
    int w = decoded.getWidth();
    int h = decoded.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    ColorModel cm = decoded.getColorModel();
    Raster raster = decoded.getRaster();
    int colourType = cm.getColorSpace().getType();
    boolean integral = raster.getTransferType() != DataBuffer.TYPE_FLOAT
        && raster.getTransferType() != DataBuffer.TYPE_DOUBLE;
    if (cm instanceof IndexColorModel palette) {
      copyPalette(raster, palette, dst);
    } else if (integral && colourType == ColorSpace.TYPE_GRAY) {
      copyGrey(raster, cm.getComponentSize(0), dst);
    } else if (integral && colourType == ColorSpace.TYPE_RGB && !cm.isAlphaPremultiplied()) {
      copyRgb(raster, cm, dst);
    } else {
      copyConverted(decoded, dst); // CMYK, YCCK, Lab…: let the colour model convert to sRGB
    }
    return out;
  }

  private static boolean isPlainBgr(BufferedImage image) {
    Raster raster = image.getRaster();
    return image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && raster.getSampleModel() instanceof ComponentSampleModel sm
        && sm.getPixelStride() == 3
        && sm.getScanlineStride() == 3 * image.getWidth()
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && raster.getDataBuffer().getOffset() == 0
        && ((DataBufferByte) raster.getDataBuffer()).getData().length == 3 * image.getWidth() * image.getHeight();
  }

  /** Grey (with or without alpha): the grey sample, rounded to 8 bits, in R, G and B; no gamma curve. */
  private static void copyGrey(Raster raster, int bits, byte[] dst) {
    int w = raster.getWidth();
    int[] grey = new int[w];
    for (int y = 0; y < raster.getHeight(); y++) {
      rescale(raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, grey), bits);
      int d = 3 * y * w;
      for (int x = 0; x < w; x++, d += 3) {
        dst[d] = dst[d + 1] = dst[d + 2] = (byte) grey[x];
      }
    }
  }

  /** RGB (with or without alpha): bands 0, 1, 2 rounded to 8 bits; the alpha band is never read. */
  private static void copyRgb(Raster raster, ColorModel cm, byte[] dst) {
    int w = raster.getWidth();
    int[] r = new int[w];
    int[] g = new int[w];
    int[] b = new int[w];
    for (int y = 0; y < raster.getHeight(); y++) {
      int row = raster.getMinY() + y;
      rescale(raster.getSamples(raster.getMinX(), row, w, 1, 0, r), cm.getComponentSize(0));
      rescale(raster.getSamples(raster.getMinX(), row, w, 1, 1, g), cm.getComponentSize(1));
      rescale(raster.getSamples(raster.getMinX(), row, w, 1, 2, b), cm.getComponentSize(2));
      int d = 3 * y * w;
      for (int x = 0; x < w; x++, d += 3) {
        dst[d] = (byte) b[x];
        dst[d + 1] = (byte) g[x];
        dst[d + 2] = (byte) r[x];
      }
    }
  }

  /** Rounds samples of {@code bits} bits to 8: round(s × 255 / (2^bits − 1)); 16-bit 40000 becomes 156. */
  private static int[] rescale(int[] samples, int bits) {
    if (bits != 8) {
      long max = (1L << bits) - 1;
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (int) ((samples[i] * 510L + max) / (2 * max));
      }
    }
    return samples;
  }

  private static void copyPalette(Raster raster, IndexColorModel palette, byte[] dst) {
    int[] argb = new int[palette.getMapSize()];
    palette.getRGBs(argb);
    int w = raster.getWidth();
    int h = raster.getHeight();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
      int d = 3 * y * w;
      for (int x = 0; x < w; x++, d += 3) {
        int index = row[x];
        int rgb = index < argb.length ? argb[index] : 0; // an index past a short palette is black, as in libpng
        put(dst, d, rgb);
      }
    }
  }

  private static void copyConverted(BufferedImage decoded, byte[] dst) {
    int w = decoded.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < decoded.getHeight(); y++) {
      decoded.getRGB(0, y, w, 1, row, 0, w);
      int d = 3 * y * w;
      for (int x = 0; x < w; x++, d += 3) {
        put(dst, d, row[x]);
      }
    }
  }

  private static void put(byte[] dst, int d, int rgb) {
    dst[d] = (byte) rgb;
    dst[d + 1] = (byte) (rgb >> 8);
    dst[d + 2] = (byte) (rgb >> 16);
  }
}
