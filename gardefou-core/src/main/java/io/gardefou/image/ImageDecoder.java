package io.gardefou.image;

import io.gardefou.image.ImageError.Kind;
import io.gardefou.model.InputImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted image bytes into a {@link DecodedImage}, within {@link ImageLimits}, or throws
 * {@link ImageError}. The one door through which images reach the detectors.
 *
 * <p>The walk: size → format from the magic bytes → dimensions and frame count from the header → limits →
 * first frame's pixels → canonical RGB → EXIF orientation. No pixel is decoded before the header has been
 * checked, so a tiny file declaring 100000×100000 pixels costs a few microseconds and no memory. Anything a
 * reader throws on bad bytes becomes {@link ImageError.Kind#CORRUPT}.
 *
 * <p>Immutable and safe to call from many threads: every call gets its own {@link ImageReader}. It does not bound
 * how many decodes run at once; each may hold up to the memory noted on {@link ImageLimits}.
 */
public final class ImageDecoder {
  /** Zeros after a WebP for TwelveMonkeys' 9-byte bit-reader look-ahead; RIFF sizes make readers ignore them. */
  private static final int WEBP_LOOK_AHEAD = 16;

  private final ImageLimits limits;
  private final Map<ImageFormat, ImageReaderSpi> readers;

  private ImageDecoder(ImageLimits limits, Map<ImageFormat, ImageReaderSpi> readers) {
    this.limits = limits;
    this.readers = readers;
  }

  /** A decoder with these limits; throws IllegalStateException if a format's reader cannot be found. */
  public static ImageDecoder create(ImageLimits limits) {
    return new ImageDecoder(Objects.requireNonNull(limits, "limits"), Map.copyOf(Readers.resolve()));
  }

  public ImageLimits limits() {
    return limits;
  }

  public DecodedImage decode(InputImage image) {
    return decode(image.bytes());
  }

  public DecodedImage decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new ImageError(Kind.EMPTY, "the image is empty");
    }
    if (bytes.length > limits.maxBytes()) {
      throw new ImageError(Kind.TOO_LARGE_BYTES,
          "the image has " + bytes.length + " bytes; the limit is " + limits.maxBytes());
    }
    ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageError(Kind.UNSUPPORTED_FORMAT,
        "the image is not JPEG, PNG, GIF, BMP or WebP (judged from its first bytes)"));
    if (format == ImageFormat.BMP && Containers.bmpWrapsAnotherFormat(bytes)) {
      throw new ImageError(Kind.UNSUPPORTED_FORMAT, "BMP images wrapping JPEG or PNG data are not accepted");
    }
    try {
      return read(format, bytes);
    } catch (ImageError e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // Readers signal bad bytes with IIOException but also with IndexOutOfBounds, IllegalArgument, NegativeArraySize
      // and deep recursion; all are this file's fault. OutOfMemoryError is not caught: the limits prevent it.
      throw new ImageError(Kind.CORRUPT, "the " + format + " image is truncated or corrupt", e);
    }
  }

  private DecodedImage read(ImageFormat format, byte[] bytes) throws IOException {
    ImageReader reader = readers.get(format).createReaderInstance();
    try (ImageInputStream input = new BytesInput(bytes, format == ImageFormat.WEBP ? WEBP_LOOK_AHEAD : 0)) {
      reader.setInput(input, false, true); // seekable for counting frames; metadata ignored
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkDimensions(format, width, height);
      int frames = frames(format, reader, bytes);
      if (frames > limits.maxFrames()) {
        throw new ImageError(Kind.TOO_MANY_FRAMES,
            "the " + format + " image has " + frames + " frames; the limit is " + limits.maxFrames());
      }
      BufferedImage first = reader.read(0, reader.getDefaultReadParam());
      if (first.getWidth() != width || first.getHeight() != height) {
        throw new ImageError(Kind.CORRUPT, "the " + format + " image decoded to a size other than its header's");
      }
      Orientation orientation = format == ImageFormat.JPEG ? JpegOrientation.of(bytes) : Orientation.NORMAL;
      BufferedImage upright = orientation.apply(Canonical.toBgr(first));
      return new DecodedImage(upright, format, width, height, orientation, frames, first.getColorModel().hasAlpha());
    } finally {
      reader.dispose();
    }
  }

  private void checkDimensions(ImageFormat format, int width, int height) {
    if (width < 1 || height < 1) {
      throw new ImageError(Kind.CORRUPT, "the " + format + " header declares an empty image");
    }
    if (width > limits.maxDimension() || height > limits.maxDimension()) {
      throw new ImageError(Kind.TOO_MANY_PIXELS, "the image is " + width + "x" + height
          + " pixels; the limit is " + limits.maxDimension() + " pixels a side");
    }
    long pixels = (long) width * height;
    if (pixels > limits.maxPixels()) {
      throw new ImageError(Kind.TOO_MANY_PIXELS, "the image is " + width + "x" + height + " = " + pixels
          + " pixels; the limit is " + limits.maxPixels());
    }
  }

  /** Frames declared by the file. Walking a GIF or WebP to count them costs time linear in its (bounded) size. */
  private static int frames(ImageFormat format, ImageReader reader, byte[] bytes) throws IOException {
    return switch (format) {
      case GIF, WEBP -> reader.getNumImages(true);
      case PNG -> Containers.pngFrames(bytes);
      case JPEG, BMP -> 1;
    };
  }
}
