package io.gardefou.image;

/**
 * The bounds an image must keep to be decoded: encoded size, pixel count and side length of the first frame
 * (read from the header, before any pixel is decoded), and number of frames.
 *
 * <p>Memory follows from the pixel limit: the decoder's own raster takes at most 8 bytes a pixel (16-bit RGBA)
 * and the canonical copy 3, so the defaults bound one decode to about 440 MB at worst, 160 MB for a common
 * 8-bit RGB image.
 *
 * @param maxBytes largest encoded image, in bytes
 * @param maxPixels largest width × height of the first frame
 * @param maxFrames most frames an animated GIF, PNG or WebP may declare
 * @param maxDimension longest side, in pixels
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxFrames, int maxDimension) {
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
  public static final int DEFAULT_MAX_FRAMES = 100;
  public static final int DEFAULT_MAX_DIMENSION = 16_384;

  public ImageLimits {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in [1, 2^31 - 9] (a Java array), was " + maxBytes);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be at least 1, was " + maxFrames);
    }
    if (maxDimension < 1) {
      throw new IllegalArgumentException("maxDimension must be positive, was " + maxDimension);
    }
  }

  /** 20 MiB, 40 megapixels, 100 frames, 16384 pixels a side. */
  public static ImageLimits defaults() {
    return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_FRAMES, DEFAULT_MAX_DIMENSION);
  }
}
