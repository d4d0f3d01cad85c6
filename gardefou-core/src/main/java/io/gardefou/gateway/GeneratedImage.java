package io.gardefou.gateway;

import io.gardefou.model.InputImage;
import io.gardefou.model.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * One image the upstream model produced, with the prompt it says it used when it rewrote the client's, and, once
 * output screening has allowed it, the verdict that did.
 */
public record GeneratedImage(InputImage image, Optional<String> revisedPrompt, Optional<Verdict> verdict) {
  public GeneratedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(revisedPrompt, "revisedPrompt");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** As the upstream made it: not screened yet. */
  public GeneratedImage(InputImage image, Optional<String> revisedPrompt) {
    this(image, revisedPrompt, Optional.empty());
  }

  /** This image, allowed by {@code allowing}. */
  GeneratedImage screened(Verdict allowing) {
    return new GeneratedImage(image, revisedPrompt, Optional.of(allowing));
  }

  /** The same output in new bytes (its label embedded). */
  GeneratedImage withBytes(byte[] bytes) {
    return new GeneratedImage(InputImage.of(image.name(), bytes), revisedPrompt, verdict);
  }
}
