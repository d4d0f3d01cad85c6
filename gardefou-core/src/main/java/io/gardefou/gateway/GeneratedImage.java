package io.gardefou.gateway;

import io.gardefou.model.InputImage;
import java.util.Objects;
import java.util.Optional;

/** One image the upstream model produced, with the prompt it says it used when it rewrote the client's. */
public record GeneratedImage(InputImage image, Optional<String> revisedPrompt) {
  public GeneratedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(revisedPrompt, "revisedPrompt");
  }
}
