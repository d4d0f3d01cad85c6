package io.gardefou.hash;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * The luma plane PDQ hashes, read straight from an image's raster, written column-major ({@code luma[x * height + y]})
 * because the first box-filter pass runs along rows. Decode rules: {@code docs/design/pdq.md}.
 */
final class Luma {
  // PDQ reference (PDQHasher.java): Y = 0.299 R + 0.587 G + 0.114 B in float, the coefficients rounded from double
  // as there ((float) 0.299, not 0.299f). The tables hold the exact float products, so (R[r] + G[g]) + B[b] is
  // bit-identical to the reference, and faster than multiplying in the transposing loops.
  private static final float[] R = products((float) 0.299);
  private static final float[] G = products((float) 0.587);
  private static final float[] B = products((float) 0.114);

  // Rows read per block: the transposed writes then fill 64-byte runs instead of touching a cache line per pixel.
  private static final int BLOCK = 16;

  private Luma() {}

  static float[] columnMajor(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    if ((long) width * height > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("image too large to hash: " + width + "x" + height);
    }
    float[] luma = new float[width * height];
    Raster raster = image.getRaster();
    ColorModel model = image.getColorModel();
    if (model.isAlphaPremultiplied()) {
      fromRgb(image, luma); // un-premultiplying is the colour model's job
    } else if (model instanceof ComponentColorModel && isRgbOrGrey(model) && eightBit(model)
        && raster.getDataBuffer() instanceof DataBufferByte bytes
        && raster.getSampleModel() instanceof PixelInterleavedSampleModel layout) {
      fromInterleavedBytes(raster, bytes, layout, model.getNumColorComponents() == 1, luma);
    } else if (model instanceof DirectColorModel direct && direct.getColorSpace().isCS_sRGB() && eightBit(model)
        && raster.getDataBuffer() instanceof DataBufferInt ints
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel layout) {
      fromPackedInts(raster, ints, layout, direct, luma);
    } else if (model instanceof ComponentColorModel && isRgbOrGrey(model) && integerUpTo16Bits(model)) {
      fromSamples(image, luma);
    } else if (model instanceof IndexColorModel palette) {
      fromPalette(image, palette, luma);
    } else {
      fromRgb(image, luma);
    }
    return luma;
  }

  // Byte rasters (TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR, TYPE_BYTE_GRAY and ImageIO's custom RGB/grey layouts).
  // Grey reads the same sample three times: Y = (0.299 v + 0.587 v) + 0.114 v, as for an RGB pixel with r = g = b.
  private static void fromInterleavedBytes(
      Raster raster, DataBufferByte buffer, PixelInterleavedSampleModel layout, boolean grey, float[] luma) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    byte[] data = buffer.getData();
    int rowStride = layout.getScanlineStride();
    int pixelStride = layout.getPixelStride();
    int[] bands = layout.getBandOffsets();
    int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * rowStride
        - raster.getSampleModelTranslateX() * pixelStride;
    int r = origin + bands[0];
    int g = origin + bands[grey ? 0 : 1];
    int b = origin + bands[grey ? 0 : 2];
    for (int y0 = 0; y0 < height; y0 += BLOCK) {
      int y1 = Math.min(height, y0 + BLOCK);
      for (int x = 0; x < width; x++) {
        int out = x * height;
        int p = y0 * rowStride + x * pixelStride;
        for (int y = y0; y < y1; y++, p += rowStride) {
          luma[out + y] = R[data[r + p] & 0xff] + G[data[g + p] & 0xff] + B[data[b + p] & 0xff];
        }
      }
    }
  }

  // Packed int rasters (TYPE_INT_RGB, TYPE_INT_ARGB, TYPE_INT_BGR): the channels as stored, alpha ignored.
  private static void fromPackedInts(
      Raster raster, DataBufferInt buffer, SinglePixelPackedSampleModel layout, DirectColorModel model, float[] luma) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int[] data = buffer.getData();
    int rowStride = layout.getScanlineStride();
    int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * rowStride
        - raster.getSampleModelTranslateX();
    int rs = Integer.numberOfTrailingZeros(model.getRedMask());
    int gs = Integer.numberOfTrailingZeros(model.getGreenMask());
    int bs = Integer.numberOfTrailingZeros(model.getBlueMask());
    for (int y0 = 0; y0 < height; y0 += BLOCK) {
      int y1 = Math.min(height, y0 + BLOCK);
      for (int x = 0; x < width; x++) {
        int out = x * height;
        int p = origin + y0 * rowStride + x;
        for (int y = y0; y < y1; y++, p += rowStride) {
          int pixel = data[p];
          luma[out + y] = R[pixel >>> rs & 0xff] + G[pixel >>> gs & 0xff] + B[pixel >>> bs & 0xff];
        }
      }
    }
  }

  // Any other RGB or grey component layout (16-bit PNGs, banded rasters): raw samples scaled to 8 bits by rounding,
  // v * 255 / (2^bits - 1), so a 16-bit image made from an 8-bit one (v * 257) hashes like the original.
  private static void fromSamples(BufferedImage image, float[] luma) {
    Raster raster = image.getRaster();
    ColorModel model = image.getColorModel();
    int width = image.getWidth();
    int height = image.getHeight();
    int bands = raster.getNumBands();
    boolean grey = model.getNumColorComponents() == 1;
    int[] scale = new int[3];
    for (int c = 0; c < 3; c++) {
      scale[c] = (1 << model.getComponentSize(grey ? 0 : c)) - 1;
    }
    int[] samples = new int[width * BLOCK * bands];
    for (int y0 = 0; y0 < height; y0 += BLOCK) {
      int rows = Math.min(BLOCK, height - y0);
      raster.getPixels(0, y0, width, rows, samples);
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < width; x++) {
          int s = (y * width + x) * bands;
          int r = to8Bits(samples[s], scale[0]);
          int g = grey ? r : to8Bits(samples[s + 1], scale[1]);
          int b = grey ? r : to8Bits(samples[s + 2], scale[2]);
          luma[x * height + y0 + y] = R[r] + G[g] + B[b];
        }
      }
    }
  }

  // Palette images: the palette's sRGB entries, alpha ignored, which is what getRGB gives.
  private static void fromPalette(BufferedImage image, IndexColorModel palette, float[] luma) {
    float[] entries = new float[palette.getMapSize()];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = R[palette.getRed(i)] + G[palette.getGreen(i)] + B[palette.getBlue(i)];
    }
    Raster raster = image.getRaster();
    int width = image.getWidth();
    int height = image.getHeight();
    int[] indices = new int[width * BLOCK];
    for (int y0 = 0; y0 < height; y0 += BLOCK) {
      int rows = Math.min(BLOCK, height - y0);
      raster.getSamples(0, y0, width, rows, 0, indices);
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < width; x++) {
          luma[x * height + y0 + y] = entries[indices[y * width + x]];
        }
      }
    }
  }

  // Everything else (premultiplied alpha, CMYK, custom colour spaces): the colour model's own sRGB conversion.
  private static void fromRgb(BufferedImage image, float[] luma) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = new int[width * BLOCK];
    for (int y0 = 0; y0 < height; y0 += BLOCK) {
      int rows = Math.min(BLOCK, height - y0);
      image.getRGB(0, y0, width, rows, argb, 0, width);
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < width; x++) {
          int pixel = argb[y * width + x];
          luma[x * height + y0 + y] = R[pixel >>> 16 & 0xff] + G[pixel >>> 8 & 0xff] + B[pixel & 0xff];
        }
      }
    }
  }

  private static int to8Bits(int sample, int max) {
    return max == 255 ? sample : (sample * 255 + max / 2) / max;
  }

  private static boolean isRgbOrGrey(ColorModel model) {
    ColorSpace space = model.getColorSpace();
    return space.isCS_sRGB() && model.getNumColorComponents() == 3
        || space.getType() == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1;
  }

  private static boolean eightBit(ColorModel model) {
    for (int c = 0; c < model.getNumComponents(); c++) {
      if (model.getComponentSize(c) != 8) {
        return false;
      }
    }
    return true;
  }

  private static boolean integerUpTo16Bits(ColorModel model) {
    int type = model.getTransferType();
    if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
      return false;
    }
    for (int c = 0; c < model.getNumComponents(); c++) {
      if (model.getComponentSize(c) > 16) {
        return false;
      }
    }
    return true;
  }

  private static float[] products(float coefficient) {
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = coefficient * v;
    }
    return table;
  }
}
