package io.gardefou.policy;

import io.gardefou.model.Decision;
import java.util.Locale;

/**
 * What a pack rule does when it fires. {@code label} lets the output through with a label duty;
 * {@code allow} records an explicit permission in the trace but never overrides a stricter rule.
 */
public enum Action {
  REFUSE(Decision.REFUSE),
  REVIEW(Decision.REVIEW),
  ALLOW(Decision.ALLOW),
  LABEL(Decision.ALLOW);

  private final Decision decision;

  Action(Decision decision) {
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Action fromWireName(String name) {
    for (Action action : values()) {
      if (action.wireName().equals(name)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown action '" + name + "'; expected refuse, review, allow or label");
  }
}
