package io.gardefou.image;

import io.gardefou.model.Category;
import io.gardefou.model.Evidence;
import io.gardefou.model.InputImage;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.screen.Detector;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Scores sexual content in a request's images with the nsfwjs classifier. It speaks for {@code sexual} only:
 * {@code sexual/minors} and {@code sexual/non-consensual} need faces, ages and context, which other detectors
 * bring. Emits, for the image that scored highest, the fact {@code photo} and the five class probabilities
 * ({@code nsfw_drawing} … {@code nsfw_sexy}); a decoding or inference failure throws, so the screener fails closed.
 */
public final class NudityDetector implements Detector {
  public static final String NAME = "nudity";
  public static final String PHOTO = "photo";

  private final ImageDecoder decoder;
  private final NudityClassifier classifier;

  private NudityDetector(ImageDecoder decoder, NudityClassifier classifier) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  /** A detector on the bundled model; throws IllegalStateException when the model cannot be loaded. */
  public static NudityDetector create(ImageDecoder decoder) {
    return new NudityDetector(decoder, NudityClassifier.create());
  }

  public static NudityDetector create(ImageDecoder decoder, NudityClassifier classifier) {
    return new NudityDetector(decoder, classifier);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Category> covers() {
    return Set.of(Category.SEXUAL);
  }

  @Override
  public boolean appliesTo(ScreeningRequest request) {
    return !request.images().isEmpty();
  }

  @Override
  public Signals detect(ScreeningRequest request) throws Exception {
    InputImage worstImage = null;
    Nudity worst = null;
    boolean anyPhoto = false;
    for (InputImage image : request.images()) {
      Nudity nudity = classifier.classify(decoder.decode(image));
      anyPhoto |= nudity.photo();
      if (worst == null || nudity.sexual() > worst.sexual()) {
        worst = nudity;
        worstImage = image;
      }
    }
    if (worst == null) {
      return Signals.empty();
    }
    Signals.Builder signals = Signals.from(NAME)
        .score(Category.SEXUAL, worst.sexual(), List.of(new Evidence("NSFW_CLASSES", worstImage.name(), -1, -1)))
        // Any photographic image makes the request photographic: the conservative reading for real-person rules.
        .fact(PHOTO, Boolean.toString(anyPhoto));
    double[] probabilities = worst.toArray();
    for (int i = 0; i < probabilities.length; i++) {
      signals.fact("nsfw_" + Nudity.CLASSES.get(i).toLowerCase(Locale.ROOT),
          String.format(Locale.ROOT, "%.4f", probabilities[i]));
    }
    return signals.build();
  }
}
