package io.gardefou.model;

/** What happens to a request. Ordered by severity: a stricter decision wins when rules disagree. */
public enum Decision {
  ALLOW,
  REVIEW,
  REFUSE;

  public Decision strictest(Decision other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
