package io.gardefou.hash;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PDQ written the plain way, to check the fast path: getRGB luma in a row-major 2-D array, the box filter as a window
 * sliding over explicit bounds (strided for columns), full-size passes, textbook matrix products. Slow and obviously
 * the algorithm of the PDQ hashing document; it shares no code with {@link Pdq}.
 *
 * <p>The box filter keeps the reference's running float sum: a fresh sum per window would round differently, and
 * the running sum is what the reference (and every hash in a bank) computes.
 */
final class SlowPdq {
  private SlowPdq() {}

  static PdqResult hash(BufferedImage image) {
    return dihedral(image).get(0);
  }

  static List<PdqResult> dihedral(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[][] luma = new float[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        luma[y][x] = (float) 0.299 * (rgb >> 16 & 0xff) + (float) 0.587 * (rgb >> 8 & 0xff) + (float) 0.114 * (rgb & 0xff);
      }
    }
    int rowWindow = (w + 127) / 128;
    int colWindow = (h + 127) / 128;
    for (int pass = 0; pass < 2; pass++) {
      float[][] rowsDone = new float[h][w];
      for (int y = 0; y < h; y++) {
        box(luma[y], rowsDone[y], rowWindow);
      }
      for (int x = 0; x < w; x++) {
        float[] column = new float[h];
        float[] filtered = new float[h];
        for (int y = 0; y < h; y++) {
          column[y] = rowsDone[y][x];
        }
        box(column, filtered, colWindow);
        for (int y = 0; y < h; y++) {
          luma[y][x] = filtered[y];
        }
      }
    }
    float[][] a = new float[64][64];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 64; j++) {
        a[i][j] = luma[(int) ((i + 0.5) * h / 64)][(int) ((j + 0.5) * w / 64)];
      }
    }
    int quality = quality(a);
    float[][] dct = dct(a);
    List<PdqResult> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      results.add(new PdqResult(bits(transform(dct, t)), quality));
    }
    return results;
  }

  // Output i averages the inputs in [i - (window - half), i + half - 1], clipped, half = (window + 2) / 2.
  // The window slides: first add what enters on the right, then subtract what leaves on the left.
  private static void box(float[] in, float[] out, int window) {
    int half = (window + 2) / 2;
    float sum = 0f;
    int lo = 0;
    int hi = 0; // the window is in[lo..hi)
    for (int i = 0; i < in.length; i++) {
      while (hi < Math.min(in.length, i + half)) {
        sum += in[hi++];
      }
      while (lo < Math.max(0, i - (window - half))) {
        sum -= in[lo++];
      }
      out[i] = sum / (hi - lo);
    }
  }

  private static int quality(float[][] a) {
    int sum = 0;
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 64; j++) {
        if (i < 63) {
          sum += Math.abs((int) ((a[i][j] - a[i + 1][j]) * 100 / 255));
        }
        if (j < 63) {
          sum += Math.abs((int) ((a[i][j] - a[i][j + 1]) * 100 / 255));
        }
      }
    }
    return Math.min(100, sum / 90);
  }

  private static float[][] dct(float[][] a) {
    float[][] d = new float[16][64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        d[i][j] = (float) ((float) Math.sqrt(2.0 / 64.0) * Math.cos(Math.PI / 2 / 64.0 * (i + 1) * (2 * j + 1)));
      }
    }
    float[][] t = new float[16][64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float sum = 0f;
        for (int k = 0; k < 64; k++) {
          sum += d[i][k] * a[k][j];
        }
        t[i][j] = sum;
      }
    }
    float[][] b = new float[16][16];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float sum = 0f;
        for (int k = 0; k < 64; k++) {
          sum += t[i][k] * d[j][k];
        }
        b[i][j] = sum;
      }
    }
    return b;
  }

  // The reference's dct16OriginalTo* definitions, one case each.
  private static float[][] transform(float[][] a, int which) {
    float[][] b = new float[16][16];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = a[i][j];
        switch (which) {
          case 0 -> b[i][j] = v;
          case 1 -> b[j][i] = (j & 1) != 0 ? v : -v;
          case 2 -> b[i][j] = ((i + j) & 1) != 0 ? -v : v;
          case 3 -> b[j][i] = (i & 1) != 0 ? v : -v;
          case 4 -> b[i][j] = (i & 1) != 0 ? v : -v;
          case 5 -> b[i][j] = (j & 1) != 0 ? v : -v;
          case 6 -> b[j][i] = v;
          default -> b[j][i] = ((i + j) & 1) != 0 ? -v : v;
        }
      }
    }
    return b;
  }

  // Bit 16 i + j is set when coefficient (i, j) exceeds the median, the 128th smallest (what Torben's method returns).
  private static PdqHash bits(float[][] b) {
    float[] all = new float[256];
    for (int i = 0; i < 16; i++) {
      System.arraycopy(b[i], 0, all, i * 16, 16);
    }
    float[] sorted = all.clone();
    Arrays.sort(sorted);
    StringBuilder hex = new StringBuilder();
    for (int word = 15; word >= 0; word--) {
      int value = 0;
      for (int bit = 0; bit < 16; bit++) {
        if (all[word * 16 + bit] > sorted[127]) {
          value |= 1 << bit;
        }
      }
      hex.append(String.format("%04x", value));
    }
    return PdqHash.fromHex(hex.toString());
  }
}
