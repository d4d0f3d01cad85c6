package io.gardefou.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image decoded for screening: the first frame as canonical 8-bit RGB, upright, with what the decoder learnt
 * on the way. {@code docs/design/image-decoding.md} defines the conversion.
 *
 * @param image the pixels, always {@link BufferedImage#TYPE_3BYTE_BGR}, already turned upright; shared by every
 *     detector of a request, so it must not be mutated
 * @param format the format sniffed from the bytes
 * @param width the width stored in the file, before orientation
 * @param height the height stored in the file, before orientation
 * @param orientation the EXIF orientation that was applied ({@link Orientation#NORMAL} when there was none)
 * @param frames the frames the file declares; only the first was decoded, so more than one means the rest went
 *     unscreened
 * @param hadAlpha whether the source carried transparency, which the canonical image drops
 */
public record DecodedImage(
    BufferedImage image,
    ImageFormat format,
    int width,
    int height,
    Orientation orientation,
    int frames,
    boolean hadAlpha) {
  public DecodedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(orientation, "orientation");
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
      throw new IllegalArgumentException("image must be TYPE_3BYTE_BGR, was type " + image.getType());
    }
    if (width < 1 || height < 1 || frames < 1) {
      throw new IllegalArgumentException("width, height and frames must be positive: " + width + "x" + height
          + ", " + frames + " frames");
    }
  }
}
