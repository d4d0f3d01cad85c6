package io.gardefou.hash;

import io.gardefou.image.ImageDecoder;
import io.gardefou.model.Category;
import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.screen.Detector;
import java.util.Set;

/**
 * Decodes each output image and records its PDQ hash and quality as facts ({@code pdq}, {@code pdq_quality}), so
 * that every image shown to a user can later be matched against hash banks. Vouches for no category: it classifies
 * nothing, so it never makes an output look safe. An undecodable image fails it, and the gateway then withholds it.
 */
public final class PdqDetector implements Detector {
  public static final String NAME = "pdq";
  public static final String FACT_HASH = "pdq";
  public static final String FACT_QUALITY = "pdq_quality";

  private final ImageDecoder decoder;

  public PdqDetector(ImageDecoder decoder) {
    this.decoder = java.util.Objects.requireNonNull(decoder, "decoder");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Category> covers() {
    return Set.of();
  }

  /** Outputs only, for now: input images are decoded by the gateway and will be hashed when banks match them. */
  @Override
  public boolean appliesTo(ScreeningRequest request) {
    return request.operation() == Operation.OUTPUT && !request.images().isEmpty();
  }

  @Override
  public Signals detect(ScreeningRequest request) {
    Signals.Builder signals = Signals.from(NAME);
    for (InputImage image : request.images()) {
      PdqResult result = Pdq.hash(decoder.decode(image).image());
      signals.fact(FACT_HASH, result.hash().toHex()).fact(FACT_QUALITY, Integer.toString(result.quality()));
    }
    return signals.build();
  }
}
