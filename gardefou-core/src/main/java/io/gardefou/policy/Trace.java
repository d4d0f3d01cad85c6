package io.gardefou.policy;

import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The full evaluation of one request, for {@code gardefou policy explain}: which packs applied, every gate,
 * block, rule and obligation they hold, what each condition gave, and the verdict.
 *
 * @param packs the applicable packs as {@code id@version}, in evaluation order (global first)
 */
public record Trace(
    Jurisdiction jurisdiction,
    JurisdictionSource jurisdictionSource,
    TenantSettings tenant,
    List<String> packs,
    List<Step> steps,
    Verdict verdict) {

  public Trace {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(jurisdictionSource, "jurisdictionSource");
    Objects.requireNonNull(tenant, "tenant");
    packs = List.copyOf(packs);
    steps = List.copyOf(steps);
    Objects.requireNonNull(verdict, "verdict");
  }

  /** What a pack entry is. */
  public enum Kind { BLOCK, GATE, RULE, OBLIGATION }

  /** What its condition gave. */
  public enum Outcome {
    FIRED,
    NOT_FIRED,
    /** The condition could not be evaluated; a refuse or review rule then fires (fail closed). */
    ERROR,
    /** The law it applies is not in force on the day of the request. */
    NOT_IN_FORCE
  }

  /**
   * One entry of one pack, evaluated.
   *
   * @param condition the CEL source, or for gates and blocks their test in words
   * @param action refuse, review, allow, label, or the obligation's kind
   * @param detail the CEL error, or the entry's reason
   */
  public record Step(String pack, Kind kind, String id, String condition, Outcome outcome, String action, String detail) {
    public Step {
      Objects.requireNonNull(pack, "pack");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
