package io.gardefou.eval;

/** {@code successes} out of {@code n}, with its rate and 95% Wilson score interval; empty when n is 0. */
public record Proportion(int successes, int n) {
  /** The 0.975 quantile of the standard normal distribution, for a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;
  private static final Proportion EMPTY = new Proportion(0, 0);

  public Proportion {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
    }
  }

  public static Proportion empty() {
    return EMPTY;
  }

  public static Proportion of(int successes, int n) {
    return new Proportion(successes, n);
  }

  public boolean isEmpty() {
    return n == 0;
  }

  /** successes / n, or NaN when there is nothing to divide. */
  public double rate() {
    return n == 0 ? Double.NaN : (double) successes / n;
  }

  // At 0 and n the bounds are exactly 0 and 1; rounding would otherwise give 0.9999999999999999.
  public double lower() {
    return n == 0 ? Double.NaN : successes == 0 ? 0.0 : center() - halfWidth();
  }

  public double upper() {
    return n == 0 ? Double.NaN : successes == n ? 1.0 : center() + halfWidth();
  }

  public Proportion plus(Proportion other) {
    return new Proportion(successes + other.successes, n + other.n);
  }

  // Wilson score interval (Wilson 1927; Brown, Cai & DasGupta 2001, eq. 4):
  // (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·se it stays sane near 0% and 100%.
  private double center() {
    double z2 = Z95 * Z95;
    return (rate() + z2 / (2.0 * n)) / (1.0 + z2 / n);
  }

  private double halfWidth() {
    double p = rate();
    double z2 = Z95 * Z95;
    return Z95 / (1.0 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
  }
}
