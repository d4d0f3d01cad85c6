package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gardefou.image.ImageError.Kind;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input of every kind ends in a decoded image or an {@link ImageError}, never another exception. */
class HostileImageTest {
  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());

  @Test
  void emptyBytesAreRefused() {
    assertKind(new byte[0], Kind.EMPTY);
  }

  @Test
  void bytesOverTheLimitAreRefusedBeforeParsing() {
    ImageDecoder small = ImageDecoder.create(new ImageLimits(1000, 40_000_000L, 100, 16_384));
    byte[] png = TestImages.png(TestImages.gradient(64, 64, BufferedImage.TYPE_INT_RGB));
    assertThat(png.length).isGreaterThan(1000);

    assertThatThrownBy(() -> small.decode(png))
        .isInstanceOfSatisfying(ImageError.class, e -> assertThat(e.code()).isEqualTo("image_too_large"))
        .hasMessage("the image has " + png.length + " bytes; the limit is 1000");
  }

  @Test
  void unknownFormatsAreRefused() {
    assertKind("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), Kind.UNSUPPORTED_FORMAT);
    assertKind(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, Kind.UNSUPPORTED_FORMAT); // TIFF
    assertKind(new byte[] {(byte) 0xff, (byte) 0xd8}, Kind.UNSUPPORTED_FORMAT); // too short to be a JPEG
  }

  @Test
  void pngDeclaringTenGigapixelsIsRefusedFromItsHeaderWithoutAllocating() {
    byte[] bomb = TestImages.pngHeader(100_000, 100_000);
    assertThat(bomb.length).isLessThan(64);
    decoder.decode(TestImages.png(TestImages.flat(4, 4, 0))); // warm up class loading

    long before = allocatedBytes();
    ImageError error = (ImageError) catchThrowable(() -> decoder.decode(bomb));
    long allocated = allocatedBytes() - before;

    assertThat(error.kind()).isEqualTo(Kind.TOO_MANY_PIXELS);
    assertThat(error.getMessage()).contains("100000x100000");
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(4L << 20);
  }

  @Test
  void pixelCountIsLimitedEvenWhenEachSideIsAllowed() {
    assertKind(TestImages.pngHeader(16_000, 16_000), Kind.TOO_MANY_PIXELS);
  }

  @Test
  void overlongSideIsLimited() {
    assertKind(TestImages.pngHeader(20_000, 1), Kind.TOO_MANY_PIXELS);
  }

  @Test
  void jpegWithAHugeFrameHeaderIsRefused() {
    byte[] jpeg = TestImages.jpeg(TestImages.flat(16, 16, 0x808080), 0.9f);

    assertKind(TestImages.withSofSize(jpeg, 65_000, 65_000), Kind.TOO_MANY_PIXELS);
    assertKind(TestImages.withSofSize(jpeg, 16_000, 16_000), Kind.TOO_MANY_PIXELS);
  }

  @Test
  void webpDeclaringTheLargestLosslessSizeIsRefused() {
    assertKind(TestImages.webpLossless(16_384, 16_384, 0, 0, new boolean[0]), Kind.TOO_MANY_PIXELS);
  }

  @Test
  void truncatedWebpDeclaringAHugeCanvasFailsFast() {
    // Regression: TwelveMonkeys read on past the end, one swallowed EOFException per pixel (250 s for this file).
    byte[] truncated = TestImages.webpLossless(6000, 6000, 1, 2, new boolean[0]);

    long start = System.nanoTime();
    assertKind(truncated, Kind.CORRUPT);
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
  }

  @Test
  void zeroSizedImagesAreCorrupt() {
    assertKind(TestImages.pngHeader(0, 10), Kind.CORRUPT);
    byte[] jpeg = TestImages.jpeg(TestImages.flat(16, 16, 0x808080), 0.9f);
    assertKind(TestImages.withSofSize(jpeg, 0, 16), Kind.CORRUPT);
  }

  @Test
  void framesOverTheLimitAreRefused() {
    ImageDecoder twoFrames = ImageDecoder.create(new ImageLimits(1 << 20, 1_000_000, 2, 1024));
    byte[] gif = TestImages.gif(List.of(
        TestImages.flat(8, 8, 0xff0000), TestImages.flat(8, 8, 0x00ff00), TestImages.flat(8, 8, 0x0000ff)));
    byte[] apng = TestImages.withAnimationControl(TestImages.png(TestImages.flat(4, 4, 0)), 3);

    assertThatThrownBy(() -> twoFrames.decode(gif)).isInstanceOfSatisfying(ImageError.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_FRAMES));
    assertThatThrownBy(() -> twoFrames.decode(apng)).isInstanceOfSatisfying(ImageError.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_FRAMES));
  }

  @Test
  void bmpWrappingAnotherFormatIsRefusedBeforeItsReaderAllocatesTheDeclaredSize() {
    assertKind(TestImages.bmpWrappingJpeg(), Kind.UNSUPPORTED_FORMAT);
  }

  @Test
  void everyTruncationEndsInAnImageOrATypedError() {
    Map<ImageFormat, byte[]> samples = new EnumMap<>(ImageFormat.class);
    samples.put(ImageFormat.PNG, TestImages.png(TestImages.gradient(8, 8, BufferedImage.TYPE_INT_ARGB)));
    samples.put(ImageFormat.JPEG, TestImages.withExifOrientation(
        TestImages.jpeg(TestImages.gradient(16, 16, BufferedImage.TYPE_INT_RGB), 0.8f), 6));
    samples.put(ImageFormat.GIF, TestImages.gif(List.of(TestImages.flat(4, 4, 0xff0000), TestImages.flat(4, 4, 0))));
    samples.put(ImageFormat.BMP, TestImages.encode(TestImages.gradient(5, 3, BufferedImage.TYPE_3BYTE_BGR), "bmp"));
    samples.put(ImageFormat.WEBP, TestImages.webpLossless(4, 2, 1, 2, new boolean[] {true, false, true, false,
        false, true, false, true}));

    samples.forEach((format, whole) -> {
      assertThat(decoder.decode(whole).format()).isEqualTo(format);
      for (int length = 0; length < whole.length; length++) {
        assertImageOrTypedError(Arrays.copyOf(whole, length), format + " cut to " + length + " bytes");
      }
    });
  }

  @Test
  void randomBytesEndInATypedError() {
    Random random = new Random(20261122);
    for (int i = 0; i < 1000; i++) {
      byte[] noise = new byte[random.nextInt(4096)];
      random.nextBytes(noise);
      assertImageOrTypedError(noise, "random sample " + i);
    }
  }

  @Test
  void randomBytesBehindEachMagicNumberEndInAnImageOrATypedError() {
    byte[][] magics = {
      {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
      {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
      "GIF89a".getBytes(StandardCharsets.US_ASCII),
      "BM".getBytes(StandardCharsets.US_ASCII),
      "RIFF\0\0\0\0WEBPVP8L".getBytes(StandardCharsets.US_ASCII),
    };
    Random random = new Random(7);
    for (byte[] magic : magics) {
      for (int i = 0; i < 1000; i++) {
        byte[] noise = new byte[magic.length + random.nextInt(2048)];
        random.nextBytes(noise);
        System.arraycopy(magic, 0, noise, 0, magic.length);
        assertImageOrTypedError(noise, new String(magic, StandardCharsets.ISO_8859_1) + " sample " + i);
      }
    }
  }

  @Test
  void flippedBytesInValidImagesEndInAnImageOrATypedError() {
    List<byte[]> valid = List.of(
        TestImages.png(TestImages.gradient(16, 16, BufferedImage.TYPE_INT_ARGB)),
        TestImages.jpeg(TestImages.gradient(32, 32, BufferedImage.TYPE_INT_RGB), 0.8f),
        TestImages.gif(List.of(TestImages.gradient(8, 8, BufferedImage.TYPE_INT_RGB))),
        TestImages.encode(TestImages.gradient(9, 9, BufferedImage.TYPE_3BYTE_BGR), "bmp"),
        TestImages.webpLossless(8, 1, 3, 4, new boolean[] {true, true, false, false, true, false, true, false}));
    Random random = new Random(42);
    for (byte[] image : valid) {
      for (int i = 0; i < 300; i++) {
        byte[] mutated = image.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          int at = 2 + random.nextInt(mutated.length - 2); // keep most magic numbers, so readers get to work
          mutated[at] = (byte) random.nextInt(256);
        }
        assertImageOrTypedError(mutated, "mutation " + i);
      }
    }
  }

  @Test
  void messagesNeverEchoTheImage() {
    byte[] secret = "GIF89a-secret-bytes-secret".getBytes(StandardCharsets.US_ASCII);

    ImageError error = (ImageError) catchThrowable(() -> decoder.decode(secret));

    assertThat(error.kind()).isEqualTo(Kind.CORRUPT);
    assertThat(error.getMessage()).isEqualTo("the GIF image is truncated or corrupt").doesNotContain("secret");
  }

  private void assertImageOrTypedError(byte[] bytes, String what) {
    try {
      DecodedImage decoded = decoder.decode(bytes);
      assertThat(decoded.image().getType()).as(what).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    } catch (ImageError expected) {
      assertThat(expected.code()).as(what).startsWith("image_");
    }
  }

  private void assertKind(byte[] bytes, Kind kind) {
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOfSatisfying(ImageError.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
