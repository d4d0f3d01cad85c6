package io.gardefou.image;

/**
 * What one image showed the {@link ImageDetector}: its nsfwjs classes, how many faces, and the lowest estimated
 * age among them ({@code minAge} is infinite when there is no face).
 */
record ImageFindings(String name, Nudity nudity, int faces, double minAge) {
  /** Explicit or suggestive mass, all three sexual classes: the reading for minors and real people. */
  double revealing() {
    return Math.min(1.0, nudity.porn() + nudity.hentai() + nudity.sexy());
  }

  /** Sexual or Sexy, on an image with a face estimated under 25; {@code revealing() >= sexual()}, so it covers both. */
  double minors() {
    return minAge < ImageDetector.MINOR_LIKELY_UNDER ? revealing() : 0.0;
  }
}
