package io.gardefou.image;

import static io.gardefou.image.ImageDecoderTest.assertClose;
import static io.gardefou.image.ImageDecoderTest.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EXIF orientation, checked on a 64×32 JPEG of four flat quadrants stored as red, green / blue, white. Each row
 * names the colours expected in the upright image's top-left, top-right, bottom-left and bottom-right corners.
 */
class OrientationTest {
  private static final int RED = 0xff0000;
  private static final int GREEN = 0x00ff00;
  private static final int BLUE = 0x0000ff;
  private static final int WHITE = 0xffffff;

  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
  private final byte[] stored = TestImages.jpeg(TestImages.quadrants(64, 32), 0.95f);

  @ParameterizedTest(name = "orientation {0}: {1}")
  @CsvSource({
    "1, NORMAL,          RED,   GREEN, BLUE,  WHITE",
    "2, FLIP_HORIZONTAL, GREEN, RED,   WHITE, BLUE",
    "3, ROTATE_180,      WHITE, BLUE,  GREEN, RED",
    "4, FLIP_VERTICAL,   BLUE,  WHITE, RED,   GREEN",
    "5, TRANSPOSE,       RED,   BLUE,  GREEN, WHITE",
    "6, ROTATE_90,       BLUE,  RED,   WHITE, GREEN",
    "7, TRANSVERSE,      WHITE, GREEN, BLUE,  RED",
    "8, ROTATE_270,      GREEN, WHITE, RED,   BLUE",
  })
  void exifOrientationTurnsThePixelsUpright(int tag, Orientation expected, String topLeft, String topRight,
      String bottomLeft, String bottomRight) {
    DecodedImage decoded = decoder.decode(TestImages.withExifOrientation(stored, tag));

    assertThat(decoded.orientation()).isEqualTo(expected);
    assertThat(decoded.width()).as("stored width").isEqualTo(64);
    int w = decoded.image().getWidth();
    int h = decoded.image().getHeight();
    assertThat(new int[] {w, h}).isEqualTo(tag >= 5 ? new int[] {32, 64} : new int[] {64, 32});
    assertClose(rgb(decoded, 4, 4), colour(topLeft));
    assertClose(rgb(decoded, w - 5, 4), colour(topRight));
    assertClose(rgb(decoded, 4, h - 5), colour(bottomLeft));
    assertClose(rgb(decoded, w - 5, h - 5), colour(bottomRight));
  }

  @Test
  void unknownTagValuesAndBrokenExifLeaveTheImageAsStored() {
    assertThat(decoder.decode(TestImages.withExifOrientation(stored, 9)).orientation()).isEqualTo(Orientation.NORMAL);

    byte[] broken = TestImages.withExifOrientation(stored, 6);
    int tiffHeader = indexOf(broken, new byte[] {'M', 'M', 0, 42});
    broken[tiffHeader] = 'X'; // no longer a TIFF byte-order mark

    DecodedImage decoded = decoder.decode(broken);
    assertThat(decoded.orientation()).isEqualTo(Orientation.NORMAL);
    assertThat(decoded.image().getWidth()).isEqualTo(64);
  }

  private static int colour(String name) {
    return switch (name) {
      case "RED" -> RED;
      case "GREEN" -> GREEN;
      case "BLUE" -> BLUE;
      case "WHITE" -> WHITE;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }
}
