package io.gardefou.hash;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PDQ, Meta's perceptual image hash (the PDQ hashing document, ThreatExchange {@code hashing/hashing.pdf}),
 * bit-exact with the Java reference {@code pdqhashing.hasher.PDQHasher} at full resolution (no pre-resize). Steps,
 * each quoting the reference: luma, Jarosz tent filter, 64x64 decimation, quality, 16x16 DCT, median threshold.
 * Thread-safe; decode rules and speed notes in {@code docs/design/pdq.md}.
 */
public final class Pdq {
  private static final int DCT_SIZE = 16;
  private static final int N = Downsample.SIZE;

  // PDQ reference: D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1)), 16x64 (the DC row is skipped); scale is a float.
  private static final float DCT_SCALE = (float) Math.sqrt(2.0 / 64.0);
  private static final float[] DCT = dctMatrix();
  private static final float[] DCT_TRANSPOSED = transpose(DCT, DCT_SIZE, N);

  private Pdq() {}

  /** The PDQ hash and quality of the image's pixels as decoded (EXIF orientation is not applied). */
  public static PdqResult hash(BufferedImage image) {
    float[] pixels = downsample(image);
    return new PdqResult(bits(dct(pixels)), quality(pixels));
  }

  /**
   * The hashes of the image's 8 rotations and flips, in the reference order: original, rotate90, rotate180,
   * rotate270, flipx, flipy, flipplus1 (transpose), flipminus1 (anti-transpose). Computed from one DCT, so they cost
   * little more than {@link #hash}; they match hashes of the transformed image closely but not always exactly.
   */
  public static List<PdqResult> dihedral(BufferedImage image) {
    float[] pixels = downsample(image);
    int quality = quality(pixels);
    float[] dct = dct(pixels);
    List<PdqResult> results = new ArrayList<>(8);
    for (Dihedral transform : Dihedral.values()) {
      results.add(new PdqResult(bits(transform.apply(dct)), quality));
    }
    return List.copyOf(results);
  }

  private static float[] downsample(BufferedImage image) {
    return Downsample.to64x64(Luma.columnMajor(image), image.getWidth(), image.getHeight());
  }

  // PDQ reference quality: sum of |(int) ((u - v) * 100 / 255)| over vertical and horizontal neighbours in the 64x64
  // downsample, divided by 90, capped at 100.
  private static int quality(float[] pixels) {
    int gradients = 0;
    for (int i = 0; i < N - 1; i++) {
      for (int j = 0; j < N; j++) {
        gradients += Math.abs((int) ((pixels[i * N + j] - pixels[(i + 1) * N + j]) * 100 / 255));
      }
    }
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N - 1; j++) {
        gradients += Math.abs((int) ((pixels[i * N + j] - pixels[i * N + j + 1]) * 100 / 255));
      }
    }
    return Math.min(100, gradients / 90);
  }

  // PDQ reference DCT: B = D A D^T, each sum in float over k = 0..63 in ascending order. The loops run j innermost
  // so they vectorise; the order of each sum is unchanged.
  private static float[] dct(float[] pixels) {
    float[] half = new float[DCT_SIZE * N]; // D A, 16x64
    for (int i = 0; i < DCT_SIZE; i++) {
      for (int k = 0; k < N; k++) {
        float d = DCT[i * N + k];
        for (int j = 0; j < N; j++) {
          half[i * N + j] += d * pixels[k * N + j];
        }
      }
    }
    float[] out = new float[DCT_SIZE * DCT_SIZE]; // (D A) D^T, 16x16
    for (int i = 0; i < DCT_SIZE; i++) {
      for (int k = 0; k < N; k++) {
        float t = half[i * N + k];
        for (int j = 0; j < DCT_SIZE; j++) {
          out[i * DCT_SIZE + j] += t * DCT_TRANSPOSED[k * DCT_SIZE + j];
        }
      }
    }
    return out;
  }

  // PDQ reference bits: bit i*16+j is set when coefficient (i, j) exceeds the median. The reference's median (Torben)
  // is the 128th smallest of the 256 coefficients.
  private static PdqHash bits(float[] dct) {
    float[] sorted = dct.clone();
    Arrays.sort(sorted);
    float median = sorted[sorted.length / 2 - 1];
    boolean[] bits = new boolean[DCT_SIZE * DCT_SIZE];
    for (int k = 0; k < bits.length; k++) {
      bits[k] = dct[k] > median;
    }
    return PdqHash.fromBits(bits);
  }

  private static float[] dctMatrix() {
    float[] d = new float[DCT_SIZE * N];
    for (int i = 0; i < DCT_SIZE; i++) {
      for (int j = 0; j < N; j++) {
        d[i * N + j] = (float) (DCT_SCALE * Math.cos(Math.PI / 2 / 64.0 * (i + 1) * (2 * j + 1)));
      }
    }
    return d;
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }

  /**
   * PDQ reference dihedral transforms of the 16x16 DCT: a flip negates the odd-frequency coefficients along its axis
   * (even indices here, as index i is frequency i + 1); a transform that swaps the axes also transposes.
   */
  private enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE90(true, false, true),
    ROTATE180(false, true, true),
    ROTATE270(true, true, false),
    FLIPX(false, true, false),
    FLIPY(false, false, true),
    FLIP_PLUS1(true, false, false),
    FLIP_MINUS1(true, true, true);

    private final boolean transpose;
    private final boolean negateEvenRows;
    private final boolean negateEvenCols;

    Dihedral(boolean transpose, boolean negateEvenRows, boolean negateEvenCols) {
      this.transpose = transpose;
      this.negateEvenRows = negateEvenRows;
      this.negateEvenCols = negateEvenCols;
    }

    float[] apply(float[] a) {
      float[] b = new float[a.length];
      for (int i = 0; i < DCT_SIZE; i++) {
        for (int j = 0; j < DCT_SIZE; j++) {
          boolean negate = (negateEvenRows && (i & 1) == 0) ^ (negateEvenCols && (j & 1) == 0);
          float v = negate ? -a[i * DCT_SIZE + j] : a[i * DCT_SIZE + j];
          b[transpose ? j * DCT_SIZE + i : i * DCT_SIZE + j] = v;
        }
      }
      return b;
    }
  }
}
