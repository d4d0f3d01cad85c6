package io.gardefou.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The eight values of the EXIF/TIFF {@code Orientation} tag (0x0112), each named for the transform that turns the
 * stored pixels upright. With W×H the stored size, the upright pixel (x, y) comes from the stored pixel:
 *
 * <pre>
 * 1 NORMAL           (x, y)                  W×H
 * 2 FLIP_HORIZONTAL  (W-1-x, y)              W×H   mirror left-right
 * 3 ROTATE_180       (W-1-x, H-1-y)          W×H
 * 4 FLIP_VERTICAL    (x, H-1-y)              W×H   mirror top-bottom
 * 5 TRANSPOSE        (y, x)                  H×W   mirror across the main diagonal
 * 6 ROTATE_90        (y, H-1-x)              H×W   rotate 90° clockwise
 * 7 TRANSVERSE       (W-1-y, H-1-x)          H×W   mirror across the anti-diagonal
 * 8 ROTATE_270       (W-1-y, x)              H×W   rotate 90° counter-clockwise
 * </pre>
 *
 * TIFF 6.0 §Orientation / EXIF 2.32 §4.6.4: value 6 means "the 0th row is the visual right-hand side, the 0th
 * column the visual top", which a 90° clockwise turn makes upright; the others follow the same reading.
 */
public enum Orientation {
  NORMAL(1),
  FLIP_HORIZONTAL(2),
  ROTATE_180(3),
  FLIP_VERTICAL(4),
  TRANSPOSE(5),
  ROTATE_90(6),
  TRANSVERSE(7),
  ROTATE_270(8);

  private final int exifValue;

  Orientation(int exifValue) {
    this.exifValue = exifValue;
  }

  public int exifValue() {
    return exifValue;
  }

  /** The orientation a tag value names; values outside 1..8 are treated as 1, as viewers do. */
  public static Orientation ofExif(int value) {
    return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
  }

  /** Whether the upright image is the stored one turned on its side (width and height swap). */
  public boolean swapsSides() {
    return exifValue >= 5;
  }

  /** The upright copy of a TYPE_3BYTE_BGR image; NORMAL returns the image itself. */
  BufferedImage apply(BufferedImage stored) {
    if (this == NORMAL) {
      return stored;
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    int outW = swapsSides() ? h : w;
    int outH = swapsSides() ? w : h;
    BufferedImage upright = new BufferedImage(outW, outH, BufferedImage.TYPE_3BYTE_BGR);
    byte[] src = ((DataBufferByte) stored.getRaster().getDataBuffer()).getData();
    byte[] dst = ((DataBufferByte) upright.getRaster().getDataBuffer()).getData();
    int d = 0;
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++, d += 3) {
        int s = 3 * switch (this) {
          case FLIP_HORIZONTAL -> y * w + (w - 1 - x);
          case ROTATE_180 -> (h - 1 - y) * w + (w - 1 - x);
          case FLIP_VERTICAL -> (h - 1 - y) * w + x;
          case TRANSPOSE -> x * w + y;
          case ROTATE_90 -> (h - 1 - x) * w + y;
          case TRANSVERSE -> (h - 1 - x) * w + (w - 1 - y);
          case ROTATE_270 -> x * w + (w - 1 - y);
          case NORMAL -> y * w + x;
        };
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
      }
    }
    return upright;
  }
}
