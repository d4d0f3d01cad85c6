package io.gardefou.gateway;

import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI Images API call as the client sent it: a generation (prompt only) or an edit (prompt, images, mask).
 *
 * @param operation {@link Operation#GENERATE} or {@link Operation#EDIT}
 * @param images the edit's source images, in request order; empty for a generation
 * @param mask the edit's optional mask, screened like the images
 * @param model the model to ask the upstream for; empty lets the upstream choose
 * @param n how many images to make, within the configured maximum
 * @param options OpenAI's other string parameters ({@code size}, {@code quality}, {@code style}, {@code background},
 *     {@code output_format}…) from a fixed list, forwarded as sent
 * @param user the end user's id as the client gave it; empty when none
 */
public record ImagesRequest(
    Operation operation,
    String prompt,
    List<InputImage> images,
    Optional<InputImage> mask,
    Optional<String> model,
    int n,
    Map<String, String> options,
    Optional<String> user) {

  public ImagesRequest {
    Objects.requireNonNull(operation, "operation");
    if (operation != Operation.GENERATE && operation != Operation.EDIT) {
      throw new IllegalArgumentException("an images request generates or edits, not " + operation);
    }
    Objects.requireNonNull(prompt, "prompt");
    images = List.copyOf(images);
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(model, "model");
    options = Map.copyOf(options);
    Objects.requireNonNull(user, "user");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    if (operation == Operation.GENERATE && (!images.isEmpty() || mask.isPresent())) {
      throw new IllegalArgumentException("a generation takes no images");
    }
  }

  public static ImagesRequest generation(String prompt, int n) {
    return new ImagesRequest(Operation.GENERATE, prompt, List.of(), Optional.empty(), Optional.empty(), n, Map.of(),
        Optional.empty());
  }

  /** Every image that comes with the request: the sources, then the mask. */
  public List<InputImage> inputs() {
    return mask.map(m -> java.util.stream.Stream.concat(images.stream(), java.util.stream.Stream.of(m)).toList())
        .orElse(images);
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }
}
