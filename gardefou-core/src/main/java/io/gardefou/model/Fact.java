package io.gardefou.model;

import java.util.Objects;

/** A named fact a detector established, such as {@code language=fr} or {@code real_person=true}. */
public record Fact(String name, String value, String detector) {
  public static final String LANGUAGE = "language";

  public Fact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(detector, "detector");
  }
}
