package io.gardefou.image;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** Direct read access to the 8-bit RGB samples of a decoded image, without a copy. */
final class RgbRaster {
  final int width;
  final int height;
  /** The samples; the one at (x, y) of band b is at {@code offset(x, y) + band(b)}. */
  final byte[] data;
  private final int origin;
  private final int scanline;
  private final int pixel;
  private final int[] bands;

  private RgbRaster(DecodedImage decoded) {
    Raster raster = decoded.image().getRaster();
    // TYPE_3BYTE_BGR: one byte per sample; band 0 is red, whatever the byte order in memory.
    ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
    DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
    width = raster.getWidth();
    height = raster.getHeight();
    data = buffer.getData();
    scanline = model.getScanlineStride();
    pixel = model.getPixelStride();
    bands = model.getBandOffsets();
    origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scanline - raster.getSampleModelTranslateX() * pixel;
  }

  static RgbRaster of(DecodedImage decoded) {
    return new RgbRaster(decoded);
  }

  /** The sample of {@code band} (0 red, 1 green, 2 blue) at (x, y), in [0, 255]; the caller keeps x, y in range. */
  int sample(int x, int y, int band) {
    return data[offset(x, y) + bands[band]] & 0xFF;
  }

  /** Where the samples of pixel (x, y) start in {@link #data}. */
  int offset(int x, int y) {
    return origin + y * scanline + x * pixel;
  }

  /** How far band 0 (red), 1 (green) or 2 (blue) of a pixel lies from its start. */
  int band(int band) {
    return bands[band];
  }

  /** How far the pixel below lies in {@link #data}. */
  int scanline() {
    return scanline;
  }

  /** How far the pixel to the right lies in {@link #data}. */
  int pixel() {
    return pixel;
  }
}
