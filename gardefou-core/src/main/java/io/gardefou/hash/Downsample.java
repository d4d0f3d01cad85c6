package io.gardefou.hash;

import java.util.Arrays;

/**
 * PDQ's blur-and-decimate: two rounds of (box filter along rows, box filter along columns), which together make a
 * tent filter (Jarosz, "Fast image convolutions", 2001), then 64x64 samples at cell centres. Bit-identical to the
 * reference: every output is the same running float sum, added and subtracted in the same order, over the same count.
 *
 * <p>Speed comes from layout, not from different maths. The luma arrives column-major, so the row pass advances
 * every row at once across contiguous memory (vectorisable, no power-of-two strides); the column pass then walks
 * contiguous columns. The second round only computes what the 64 sampled columns and rows need.
 */
final class Downsample {
  static final int SIZE = 64;

  // PDQ reference: window = ceil(dimension / 128), so two passes together span one 1/64th of the image.
  private static final int WINDOW_DIVISOR = 128;

  private Downsample() {}

  /** Blurs and decimates a column-major luma plane ({@code luma[x * height + y]}, destroyed) to 64x64, row-major. */
  static float[] to64x64(float[] luma, int width, int height) {
    int windowAlongRows = window(width);
    int windowAlongCols = window(height);
    int[] sampledRows = samples(height);
    int[] sampledCols = samples(width);
    float[] buffer = new float[Math.max(width, SIZE) * height]; // round 2 keeps 64 columns even of narrower images
    float[] sums = new float[height];

    // Round 1, along rows: in column-major layout row y is lane y of each column, so all rows advance together.
    boxAcrossLanes(luma, buffer, width, height, windowAlongRows, everyStep(width), sums);
    // Round 1, along columns: each column is contiguous.
    for (int x = 0; x < width; x++) {
      boxAlong(buffer, x * height, luma, x * height, height, windowAlongCols);
    }
    // Round 2, along rows: only the 64 sampled columns are kept, packed into the first 64 columns of the buffer.
    boxAcrossLanes(luma, buffer, width, height, windowAlongRows, sampledCols, sums);
    // Round 2, along each kept column; then the 64 sampled rows. PDQ reference: sample at floor((i + 0.5) * n / 64).
    float[] out = new float[SIZE * SIZE];
    float[] column = new float[height];
    for (int c = 0; c < SIZE; c++) {
      boxAlong(buffer, c * height, column, 0, height, windowAlongCols);
      for (int r = 0; r < SIZE; r++) {
        out[r * SIZE + c] = column[sampledRows[r]];
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
   * The reference's 1-D box filter, in four phases over a sequence of n values with window w and half = (w + 2) / 2:
   * (1) add the first half - 1 values, no output; (2) add and write w - half + 1 outputs over a growing window;
   * (3) add the next value, subtract the oldest, write (n - w outputs); (4) subtract and write half - 1 outputs over a
   * shrinking window. Each output is sum / count in float. Both methods below follow exactly these phases.
   */

  /** The box filter along one contiguous sequence. */
  static void boxAlong(float[] in, int inStart, float[] out, int outStart, int n, int window) {
    int half = (window + 2) / 2;
    int ri = inStart;
    int li = inStart;
    int oi = outStart;
    float sum = 0f;
    int count = 0;
    for (int i = 0; i < half - 1; i++) {
      sum += in[ri++];
      count++;
    }
    for (int i = 0; i < window - half + 1; i++) {
      sum += in[ri++];
      count++;
      out[oi++] = sum / count;
    }
    for (int i = 0; i < n - window; i++) {
      sum += in[ri++];
      sum -= in[li++];
      out[oi++] = sum / count;
    }
    for (int i = 0; i < half - 1; i++) {
      sum -= in[li++];
      count--;
      out[oi++] = sum / count;
    }
  }

  /**
   * The box filter along the steps of a {@code steps x lanes} row-major matrix, every lane at once. Output step
   * {@code keep[k]} goes to row k of {@code out}; {@code keep} is ascending.
   */
  static void boxAcrossLanes(float[] in, float[] out, int steps, int lanes, int window, int[] keep, float[] sums) {
    int half = (window + 2) / 2;
    Arrays.fill(sums, 0, lanes, 0f);
    int ri = 0;
    int li = 0;
    int oi = 0;
    int count = 0;
    int next = 0;
    for (int i = 0; i < half - 1; i++) {
      add(sums, in, ri++ * lanes, lanes);
      count++;
    }
    for (int i = 0; i < window - half + 1; i++) {
      add(sums, in, ri++ * lanes, lanes);
      count++;
      next = emit(sums, count, oi++, keep, next, out, lanes);
    }
    for (int i = 0; i < steps - window; i++) {
      addAndSubtract(sums, in, ri++ * lanes, li++ * lanes, lanes);
      next = emit(sums, count, oi++, keep, next, out, lanes);
    }
    for (int i = 0; i < half - 1; i++) {
      subtract(sums, in, li++ * lanes, lanes);
      count--;
      next = emit(sums, count, oi++, keep, next, out, lanes);
    }
  }

  private static int emit(float[] sums, int count, int step, int[] keep, int next, float[] out, int lanes) {
    float n = count;
    while (next < keep.length && keep[next] == step) {
      int o = next * lanes;
      for (int k = 0; k < lanes; k++) {
        out[o + k] = sums[k] / n;
      }
      next++;
    }
    return next;
  }

  private static void add(float[] sums, float[] in, int at, int lanes) {
    for (int k = 0; k < lanes; k++) {
      sums[k] += in[at + k];
    }
  }

  private static void subtract(float[] sums, float[] in, int at, int lanes) {
    for (int k = 0; k < lanes; k++) {
      sums[k] -= in[at + k];
    }
  }

  // Same order as the reference: (sum + entering) - leaving.
  private static void addAndSubtract(float[] sums, float[] in, int enter, int leave, int lanes) {
    for (int k = 0; k < lanes; k++) {
      sums[k] = sums[k] + in[enter + k] - in[leave + k];
    }
  }
}
