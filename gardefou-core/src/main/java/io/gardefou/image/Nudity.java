package io.gardefou.image;

import java.util.List;

/**
 * The nsfwjs classes of one image: a softmax over [Drawing, Hentai, Neutral, Porn, Sexy] (nsfwjs
 * {@code nsfw_classes.js} order), each in [0, 1].
 */
public record Nudity(double drawing, double hentai, double neutral, double porn, double sexy) {
  /** The class names, in the model's output order. */
  public static final List<String> CLASSES = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");

  public Nudity {
    for (double p : new double[] {drawing, hentai, neutral, porn, sexy}) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("class probability " + p + " is outside [0, 1]");
      }
    }
  }

  /** The probabilities in {@link #CLASSES} order. */
  public static Nudity of(float[] probabilities) {
    if (probabilities.length != CLASSES.size()) {
      throw new IllegalArgumentException("expected " + CLASSES.size() + " probabilities, got " + probabilities.length);
    }
    return new Nudity(probabilities[0], probabilities[1], probabilities[2], probabilities[3], probabilities[4]);
  }

  public double[] toArray() {
    return new double[] {drawing, hentai, neutral, porn, sexy};
  }

  /**
   * The {@code sexual} score: explicit mass (Porn + Hentai) plus half of the suggestive mass (Sexy). Half, because
   * the classes split one softmax, so a borderline explicit image often puts much of its mass on Sexy, while
   * ordinary swimwear or party photos also land there (research/models.md) and must not count as fully sexual.
   */
  public double sexual() {
    return Math.min(1.0, porn + hentai + 0.5 * sexy);
  }

  /** Whether the image looks photographic rather than drawn: the drawn classes hold under half the mass. */
  public boolean photo() {
    return drawing + hentai < 0.5;
  }
}
