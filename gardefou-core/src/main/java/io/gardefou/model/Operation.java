package io.gardefou.model;

/** What a screened request asks the image model to do, or which stage of the walk it is. */
public enum Operation {
  /** Text-to-image generation: the prompt alone. */
  GENERATE,
  /** Image editing: a prompt applied to one or more input images, presumed to be real photos. */
  EDIT,
  /** An image the upstream model produced, screened before it reaches the user. */
  OUTPUT,
  /** A standalone moderation call: content is screened, nothing is generated. */
  MODERATE;

  /** Parses the lower-case wire name ({@code "generate"}, {@code "edit"}…). */
  public static Operation fromWireName(String name) {
    for (Operation operation : values()) {
      if (operation.wireName().equals(name)) {
        return operation;
      }
    }
    throw new IllegalArgumentException("unknown operation '" + name + "'; expected generate, edit, output or moderate");
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
