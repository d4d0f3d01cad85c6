package io.gardefou.hash;

/**
 * PDQ's blur-and-decimate: two rounds of (box filter along rows, box filter along columns), which together make a
 * tent filter (Jarosz, "Fast image convolutions", 2001), then 64x64 samples at cell centres. Bit-identical to the
 * reference: every output is the same running float sum, added and subtracted in the same order, over the same count.
 *
 * <p>Speed comes from layout, not from different maths. The luma arrives column-major, so a row pass advances all
 * rows at once over contiguous memory and its divisions vectorise. A column pass runs down contiguous columns, four
 * at a time so that four running sums overlap, and divides afterwards in one vectorised loop. Round 1 works in place;
 * round 2 keeps only the 64 sampled columns. Hot loops index every array alike ({@code a[k] = b[k] op c[k]}): C2 does
 * not vectorise a loop that stores to one array and loads another at a different offset, as they might be one array.
 */
final class Downsample {
  static final int SIZE = 64;

  // PDQ reference: window = ceil(dimension / 128), so two passes together span one 1/64th of the image.
  private static final int WINDOW_DIVISOR = 128;

  private Downsample() {}

  /** Blurs and decimates a column-major luma plane ({@code luma[x * height + y]}, overwritten) to 64x64, row-major. */
  static float[] to64x64(float[] luma, int width, int height) {
    int windowAlongRows = window(width);
    int windowAlongCols = window(height);

    // Round 1 along rows, then along columns, both in place.
    boxAcrossLanes(luma, luma, width, height, windowAlongRows, everyStep(width));
    boxColumns(luma, luma, width, height, windowAlongCols);
    // Round 2 along rows, keeping only the 64 sampled columns, then down those.
    float[] kept = new float[SIZE * height];
    boxAcrossLanes(luma, kept, width, height, windowAlongRows, samples(width));
    boxColumns(kept, kept, SIZE, height, windowAlongCols);

    int[] rows = samples(height);
    float[] out = new float[SIZE * SIZE];
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        out[r * SIZE + c] = kept[c * height + rows[r]];
      }
    }
    return out;
  }

  static int window(int dimension) {
    return (dimension + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
  }

  // PDQ reference decimation: cell centres, floor((i + 0.5) * n / 64), computed in double as the reference does.
  private static int[] samples(int dimension) {
    int[] at = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      at[i] = (int) ((i + 0.5) * dimension / SIZE);
    }
    return at;
  }

  private static int[] everyStep(int steps) {
    int[] all = new int[steps];
    for (int i = 0; i < steps; i++) {
      all[i] = i;
    }
    return all;
  }

  /*
   * The reference's 1-D box filter over n values with window w, half = (w + 2) / 2, runs in four phases:
   * (1) add the first half - 1 values, no output; (2) add and write w - half + 1 outputs over a growing window;
   * (3) add the entering value, subtract the leaving one, write (n - w outputs); (4) subtract and write the last
   * half - 1 outputs over a shrinking window. Output = running sum / values in the window, in float.
   * Both filters below walk exactly these phases.
   */

  /** The number of values under the window at each output, as the reference counts them. */
  private static float[] counts(int n, int window) {
    int half = (window + 2) / 2;
    float[] counts = new float[n];
    int count = half - 1;
    int o = 0;
    for (int i = 0; i < window - half + 1; i++) {
      counts[o++] = ++count;
    }
    for (int i = 0; i < n - window; i++) {
      counts[o++] = count;
    }
    for (int i = 0; i < half - 1; i++) {
      counts[o++] = --count;
    }
    return counts;
  }

  /**
   * The box filter along the steps of a {@code steps x lanes} row-major matrix, every lane at once. Output step
   * {@code keep[k]} goes to row k of {@code out}; {@code keep} is ascending. {@code out} may be {@code in}: rows still
   * to leave the window are kept in a ring.
   */
  static void boxAcrossLanes(float[] in, float[] out, int steps, int lanes, int window, int[] keep) {
    int half = (window + 2) / 2;
    float[] counts = counts(steps, window);
    float[][] ring = new float[window + 1][lanes];
    float[] sums = new float[lanes];
    float[] row = new float[lanes];
    int ri = 0;
    int li = 0;
    int oi = 0;
    int next = 0;
    for (int i = 0; i < half - 1; i++) {
      add(sums, enter(in, ri++, ring));
    }
    for (int i = 0; i < window - half + 1; i++) {
      add(sums, enter(in, ri++, ring));
      next = emit(sums, counts[oi], oi++, keep, next, row, out);
    }
    for (int i = 0; i < steps - window; i++) {
      addThenSubtract(sums, enter(in, ri++, ring), ring[li++ % ring.length]);
      next = emit(sums, counts[oi], oi++, keep, next, row, out);
    }
    for (int i = 0; i < half - 1; i++) {
      subtract(sums, ring[li++ % ring.length]);
      next = emit(sums, counts[oi], oi++, keep, next, row, out);
    }
  }

  private static float[] enter(float[] in, int step, float[][] ring) {
    float[] slot = ring[step % ring.length];
    System.arraycopy(in, step * slot.length, slot, 0, slot.length);
    return slot;
  }

  private static int emit(float[] sums, float count, int step, int[] keep, int next, float[] row, float[] out) {
    int lanes = sums.length;
    boolean divided = false;
    for (; next < keep.length && keep[next] == step; next++) {
      if (!divided) {
        for (int k = 0; k < lanes; k++) {
          row[k] = sums[k] / count;
        }
        divided = true;
      }
      System.arraycopy(row, 0, out, next * lanes, lanes);
    }
    return next;
  }

  private static void add(float[] sums, float[] values) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] += values[k];
    }
  }

  private static void subtract(float[] sums, float[] values) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] -= values[k];
    }
  }

  // Same order as the reference: (sum + entering) - leaving.
  private static void addThenSubtract(float[] sums, float[] entering, float[] leaving) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] = sums[k] + entering[k] - leaving[k];
    }
  }

  /**
   * The box filter down each of {@code columns} contiguous sequences of length n ({@code in[c * n + i]}). Columns go
   * four at a time, read in full before they are written, so {@code out} may be {@code in}; a short last group
   * repeats its last column and keeps only the real ones.
   */
  static void boxColumns(float[] in, float[] out, int columns, int n, int window) {
    float[] counts = counts(n, window);
    float[][] sums = new float[4][n];
    float[] column = new float[n];
    for (int c = 0; c < columns; c += 4) {
      int last = columns - 1;
      runningSums(in, n, window, c * n, Math.min(c + 1, last) * n, Math.min(c + 2, last) * n,
          Math.min(c + 3, last) * n, sums[0], sums[1], sums[2], sums[3]);
      for (int j = 0; j < 4 && c + j < columns; j++) {
        divide(sums[j], counts, column);
        System.arraycopy(column, 0, out, (c + j) * n, n);
      }
    }
  }

  private static void divide(float[] sums, float[] counts, float[] quotients) {
    for (int i = 0; i < sums.length; i++) {
      quotients[i] = sums[i] / counts[i];
    }
  }

  // The reference's running sums (before division) of four sequences; four independent chains overlap in the FPU.
  private static void runningSums(float[] in, int n, int window, int a, int b, int c, int d,
      float[] sa, float[] sb, float[] sc, float[] sd) {
    int half = (window + 2) / 2;
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int r = 0;
    int l = 0;
    int o = 0;
    for (int i = 0; i < half - 1; i++, r++) {
      s0 += in[a + r];
      s1 += in[b + r];
      s2 += in[c + r];
      s3 += in[d + r];
    }
    for (int i = 0; i < window - half + 1; i++, r++, o++) {
      sa[o] = s0 += in[a + r];
      sb[o] = s1 += in[b + r];
      sc[o] = s2 += in[c + r];
      sd[o] = s3 += in[d + r];
    }
    for (int i = 0; i < n - window; i++, r++, l++, o++) {
      sa[o] = s0 = s0 + in[a + r] - in[a + l];
      sb[o] = s1 = s1 + in[b + r] - in[b + l];
      sc[o] = s2 = s2 + in[c + r] - in[c + l];
      sd[o] = s3 = s3 + in[d + r] - in[d + l];
    }
    for (int i = 0; i < half - 1; i++, l++, o++) {
      sa[o] = s0 -= in[a + l];
      sb[o] = s1 -= in[b + l];
      sc[o] = s2 -= in[c + l];
      sd[o] = s3 -= in[d + l];
    }
  }
}
