package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import io.gardefou.model.InputImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());

  @Test
  void pngRgbRoundTripsExactly() {
    BufferedImage source = TestImages.gradient(37, 23, BufferedImage.TYPE_INT_RGB);

    DecodedImage decoded = decoder.decode(TestImages.png(source));

    assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
    assertThat(decoded.width()).isEqualTo(37);
    assertThat(decoded.height()).isEqualTo(23);
    assertThat(decoded.frames()).isEqualTo(1);
    assertThat(decoded.hadAlpha()).isFalse();
    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertSamePixels(decoded.image(), source);
  }

  @Test
  void pngAlphaIsDroppedNotComposited() {
    BufferedImage source = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    source.setRGB(0, 0, 0x000a141e); // fully transparent, colour (10, 20, 30)
    source.setRGB(1, 0, 0x80ff0000); // half-transparent red
    source.setRGB(2, 0, 0xff00ff00); // opaque green

    DecodedImage decoded = decoder.decode(TestImages.png(source));

    assertThat(decoded.hadAlpha()).isTrue();
    assertThat(rgb(decoded, 0, 0)).isEqualTo(0x0a141e);
    assertThat(rgb(decoded, 1, 0)).isEqualTo(0xff0000);
    assertThat(rgb(decoded, 2, 0)).isEqualTo(0x00ff00);
  }

  @Test
  void pngGreyIsCopiedToRgbWithoutGamma() {
    BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    source.getRaster().setSample(0, 0, 0, 100);
    source.getRaster().setSample(1, 0, 0, 200);

    DecodedImage decoded = decoder.decode(TestImages.png(source));

    // ImageIO's getRGB on the linear-grey raster would give 0xaaaaaa-ish for 100; the stored value is kept.
    assertThat(rgb(decoded, 0, 0)).isEqualTo(0x646464);
    assertThat(rgb(decoded, 1, 0)).isEqualTo(0xc8c8c8);
  }

  @Test
  void png16BitGreyIsRoundedToEightBits() {
    BufferedImage source = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] samples = {0, 40000, 32896, 65535};
    for (int x = 0; x < samples.length; x++) {
      source.getRaster().setSample(x, 0, 0, samples[x]);
    }

    DecodedImage decoded = decoder.decode(TestImages.png(source));

    // round(s × 255 / 65535): 0, 155.6 → 156, 128, 255
    assertThat(rgb(decoded, 0, 0)).isEqualTo(0x000000);
    assertThat(rgb(decoded, 1, 0)).isEqualTo(0x9c9c9c);
    assertThat(rgb(decoded, 2, 0)).isEqualTo(0x808080);
    assertThat(rgb(decoded, 3, 0)).isEqualTo(0xffffff);
  }

  @Test
  void pngGreyWithAlphaKeepsTheGrey() {
    DecodedImage decoded = decoder.decode(TestImages.png(TestImages.greyAlpha(2, 2, 77, 0)));

    assertThat(decoded.hadAlpha()).isTrue();
    assertThat(rgb(decoded, 1, 1)).isEqualTo(0x4d4d4d);
  }

  @Test
  void pngPaletteIsExpandedAndItsTransparencyDropped() {
    int[] palette = {0xffff0000, 0xff00ff00, 0x000000ff, 0xff123456};
    BufferedImage source = TestImages.palette(4, 4, palette);

    DecodedImage decoded = decoder.decode(TestImages.png(source));

    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(rgb(decoded, x, y)).isEqualTo(palette[(x + y) % 4] & 0xffffff);
      }
    }
  }

  @Test
  void jpegRgbDecodesCloseToTheSource() {
    BufferedImage source = TestImages.quadrants(64, 48);

    DecodedImage decoded = decoder.decode(TestImages.jpeg(source, 0.95f));

    assertThat(decoded.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(decoded.orientation()).isEqualTo(Orientation.NORMAL);
    assertThat(decoded.image().getWidth()).isEqualTo(64);
    assertClose(rgb(decoded, 8, 8), 0xff0000);
    assertClose(rgb(decoded, 56, 8), 0x00ff00);
    assertClose(rgb(decoded, 8, 40), 0x0000ff);
    assertClose(rgb(decoded, 56, 40), 0xffffff);
  }

  @Test
  void jpegGreyBecomesEqualChannels() {
    BufferedImage source = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = source.getRaster();
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setSample(x, y, 0, 90);
      }
    }

    int pixel = rgb(decoder.decode(TestImages.jpeg(source, 0.95f)), 5, 5);

    assertThat(pixel >> 16).isEqualTo(pixel >> 8 & 0xff).isEqualTo(pixel & 0xff);
    assertClose(pixel, 0x5a5a5a);
  }

  @Test
  void jpegCmykIsConvertedToRgb() {
    byte[] cmyk = TestImages.adobeCmykJpeg(cmykHalves(32, 16));

    DecodedImage decoded = decoder.decode(cmyk);

    // Left half: no ink (white); right half: full black ink. The colour profile shifts values a little.
    int white = rgb(decoded, 4, 8);
    int black = rgb(decoded, 28, 8);
    assertThat(luma(white)).isGreaterThan(200);
    assertThat(luma(black)).isLessThan(60);
  }

  @Test
  void jpegReaderIsRegisteredEvenWhenServiceScanningMissedIt() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    JPEGImageReaderSpi scanned = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    if (scanned != null) {
      registry.deregisterServiceProvider(scanned, ImageReaderSpi.class);
    }

    ImageDecoder fresh = ImageDecoder.create(ImageLimits.defaults());

    // The JDK's reader cannot read CMYK; only TwelveMonkeys' can.
    assertThat(fresh.decode(TestImages.adobeCmykJpeg(cmykHalves(32, 16))).image().getWidth()).isEqualTo(32);
    assertThat(registry.getServiceProviderByClass(JPEGImageReaderSpi.class)).isNotNull();
  }

  @Test
  void bmpRoundTripsExactly() {
    BufferedImage source = TestImages.gradient(13, 7, BufferedImage.TYPE_3BYTE_BGR);

    DecodedImage decoded = decoder.decode(TestImages.encode(source, "bmp"));

    assertThat(decoded.format()).isEqualTo(ImageFormat.BMP);
    assertSamePixels(decoded.image(), source);
  }

  @Test
  void animatedGifDecodesTheFirstFrameAndCountsThemAll() {
    byte[] gif = TestImages.gif(List.of(
        TestImages.flat(8, 8, 0xff0000), TestImages.flat(8, 8, 0x00ff00), TestImages.flat(8, 8, 0x0000ff)));

    DecodedImage decoded = decoder.decode(gif);

    assertThat(decoded.format()).isEqualTo(ImageFormat.GIF);
    assertThat(decoded.frames()).isEqualTo(3);
    assertThat(rgb(decoded, 3, 3)).isEqualTo(0xff0000);
  }

  @Test
  void apngFramesAreCountedFromItsAnimationControlChunk() {
    byte[] apng = TestImages.withAnimationControl(TestImages.png(TestImages.flat(4, 4, 0x336699)), 5);

    DecodedImage decoded = decoder.decode(apng);

    assertThat(decoded.frames()).isEqualTo(5);
    assertThat(rgb(decoded, 0, 0)).isEqualTo(0x336699);
  }

  @Test
  void losslessWebpDecodesExactly() {
    boolean[] green = {true, false, false, true, false, true, true, false};

    DecodedImage decoded = decoder.decode(TestImages.webpLossless(4, 2, 200, 50, green));

    assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(decoded.frames()).isEqualTo(1);
    for (int i = 0; i < green.length; i++) {
      assertThat(rgb(decoded, i % 4, i / 4)).isEqualTo(200 << 16 | (green[i] ? 255 : 0) << 8 | 50);
    }
  }

  @Test
  void oneColourWebpWhosePixelsTakeNoBitsDecodes() {
    DecodedImage decoded = decoder.decode(TestImages.webpSolid(3000, 2000, 0x123456));

    assertThat(decoded.image().getWidth()).isEqualTo(3000);
    assertThat(rgb(decoded, 2999, 1999)).isEqualTo(0x123456);
  }

  @Test
  void formatComesFromTheBytesNotTheName() {
    byte[] png = TestImages.png(TestImages.flat(2, 2, 0x102030));

    DecodedImage decoded = decoder.decode(InputImage.of("photo.jpg", png));

    assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
  }

  @Test
  void limitsAreCheckedWhenMade() {
    assertThat(ImageLimits.defaults()).isEqualTo(new ImageLimits(20L << 20, 40_000_000L, 100, 16_384));
    assertThatThrownBy(() -> new ImageLimits(0, 1, 1, 1)).hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> new ImageLimits(1L << 31, 1, 1, 1)).hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> new ImageLimits(1, 0, 1, 1)).hasMessageContaining("maxPixels");
    assertThatThrownBy(() -> new ImageLimits(1, 1, 0, 1)).hasMessageContaining("maxFrames");
    assertThatThrownBy(() -> new ImageLimits(1, 1, 1, 0)).hasMessageContaining("maxDimension");
  }

  /** Inverted C, M, Y, K samples: the left half carries no ink, the right half full black. */
  private static Raster cmykHalves(int width, int height) {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, x < width / 2 ? new int[] {255, 255, 255, 255} : new int[] {255, 255, 255, 0});
      }
    }
    return raster;
  }

  static int rgb(DecodedImage decoded, int x, int y) {
    return decoded.image().getRGB(x, y) & 0xffffff;
  }

  private static int luma(int rgb) {
    return ((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
  }

  static void assertClose(int actual, int expected) {
    for (int shift = 0; shift <= 16; shift += 8) {
      assertThat(actual >> shift & 0xff)
          .as("channel at bit %d of %06x vs %06x", shift, actual, expected)
          .isCloseTo(expected >> shift & 0xff, org.assertj.core.data.Offset.offset(12));
    }
  }

  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        assertThat(actual.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y)
            .isEqualTo(expected.getRGB(x, y) & 0xffffff);
      }
    }
  }
}
