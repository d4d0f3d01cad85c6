package io.gardefou.hash;

import static io.gardefou.hash.PdqMatchesSlowReferenceTest.syntheticImage;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LumaTest {
  @ParameterizedTest(name = "BufferedImage type {0}")
  @ValueSource(ints = {
      BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
      BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR,
      BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_USHORT_555_RGB,
      BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY})
  void colourImagesGiveTheReferenceGetRgbFloatsExactly(int type) {
    BufferedImage image = syntheticImage(83, 45, type, type);

    assertThat(Luma.columnMajor(image)).containsExactly(getRgbLuma(image));
  }

  @Test
  void subimagesReadOnlyTheirOwnPixels() {
    BufferedImage bgr = syntheticImage(200, 120, BufferedImage.TYPE_3BYTE_BGR, 1).getSubimage(17, 9, 101, 77);
    BufferedImage argb = syntheticImage(200, 120, BufferedImage.TYPE_INT_ARGB, 2).getSubimage(5, 33, 64, 80);

    assertThat(Luma.columnMajor(bgr)).containsExactly(getRgbLuma(bgr));
    assertThat(Luma.columnMajor(argb)).containsExactly(getRgbLuma(argb));
  }

  @Test
  void alphaIsIgnored() {
    BufferedImage translucent = syntheticImage(70, 50, BufferedImage.TYPE_INT_ARGB, 3);
    BufferedImage opaque = new BufferedImage(70, 50, BufferedImage.TYPE_INT_RGB);
    opaque.getRaster().setDataElements(0, 0, 70, 50, translucent.getRGB(0, 0, 70, 50, null, 0, 70));

    assertThat(Luma.columnMajor(translucent)).containsExactly(Luma.columnMajor(opaque));
  }

  @Test
  void greyValueIsTakenAsIsLikeRgbWithEqualChannels() {
    // Not getRGB: Java's CS_GRAY is linear and getRGB would gamma-convert the sample (docs/design/pdq.md).
    int[] samples = randomSamples(60 * 40, 255, 4);
    BufferedImage grey = new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSamples(0, 0, 60, 40, 0, samples);

    assertThat(Luma.columnMajor(grey)).containsExactly(Luma.columnMajor(rgbOf(samples, 60, 40)));
  }

  @Test
  void greyWithAlphaIsGreyWithoutAlpha() {
    int[] samples = randomSamples(60 * 40, 255, 5);
    ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
        Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(60, 40);
    raster.setSamples(0, 0, 60, 40, 0, samples);
    raster.setSamples(0, 0, 60, 40, 1, randomSamples(60 * 40, 255, 6));
    BufferedImage greyAlpha = new BufferedImage(model, raster, false, null);

    assertThat(Luma.columnMajor(greyAlpha)).containsExactly(Luma.columnMajor(rgbOf(samples, 60, 40)));
  }

  @Test
  void sixteenBitSamplesAreRoundedToEightBits() {
    int[] wide = randomSamples(60 * 40, 65535, 7);
    wide[0] = 65535;
    wide[1] = 257 * 200 + 129; // just over half a step above 200: rounds to 201
    BufferedImage sixteen = new BufferedImage(60, 40, BufferedImage.TYPE_USHORT_GRAY);
    sixteen.getRaster().setSamples(0, 0, 60, 40, 0, wide);
    int[] narrow = new int[wide.length];
    for (int i = 0; i < wide.length; i++) {
      narrow[i] = (int) Math.round(wide[i] / 257.0);
    }

    assertThat(Luma.columnMajor(sixteen)).containsExactly(Luma.columnMajor(rgbOf(narrow, 60, 40)));
  }

  @Test
  void sixteenBitColourIsRoundedPerChannel() {
    ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
        Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(30, 20);
    BufferedImage eight = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(8);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 30; x++) {
        int[] rgb = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        raster.setPixel(x, y, new int[] {rgb[0] * 257, rgb[1] * 257, rgb[2] * 257});
        eight.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
      }
    }

    assertThat(Luma.columnMajor(new BufferedImage(model, raster, false, null)))
        .containsExactly(Luma.columnMajor(eight));
  }

  // The Java reference's fillFloatLumaFromBufferImage, transposed to our column-major layout.
  private static float[] getRgbLuma(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] luma = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        luma[x * h + y] = (float) 0.299 * (rgb >> 16 & 0xff) + (float) 0.587 * (rgb >> 8 & 0xff)
            + (float) 0.114 * (rgb & 0xff);
      }
    }
    return luma;
  }

  private static BufferedImage rgbOf(int[] grey, int w, int h) {
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int i = 0; i < grey.length; i++) {
      rgb.setRGB(i % w, i / w, grey[i] * 0x010101);
    }
    return rgb;
  }

  private static int[] randomSamples(int n, int max, long seed) {
    return new Random(seed).ints(n, 0, max + 1).toArray();
  }
}
