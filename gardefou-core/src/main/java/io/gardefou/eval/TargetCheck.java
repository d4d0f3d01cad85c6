package io.gardefou.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Whether each target is met by a report's cells, one pass/fail line per target. */
public record TargetCheck(List<Result> results) {
  /** How a target fared; a target with no matching cases is not met. */
  public enum Status { MET, MISSED, NO_DATA }

  /** One target, what was observed, and the verdict on it. */
  public record Result(Target target, Proportion observed, Status status) {
    public Result {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(observed, "observed");
      Objects.requireNonNull(status, "status");
    }

    /** E.g. {@code PASS  suite sexual/minors category-recall >= 99.0%: 99.41% (95% CI 98.30-99.80%, n=512)}. */
    public String line() {
      String mark = switch (status) {
        case MET -> "PASS";
        case MISSED -> "FAIL";
        case NO_DATA -> "NONE";
      };
      if (observed.isEmpty()) {
        return mark + "  " + target.describe() + ": no matching cases";
      }
      return String.format(Locale.ROOT, "%s  %s: %.2f%% (95%% CI %.2f-%.2f%%, n=%d)", mark, target.describe(),
          observed.rate() * 100, observed.lower() * 100, observed.upper() * 100, observed.n());
    }
  }

  public TargetCheck {
    results = List.copyOf(results);
  }

  /** Pools, for each target, the cells it covers. */
  public static TargetCheck of(List<Target> targets, List<Cell> cells) {
    return new TargetCheck(targets.stream().map(target -> {
      Proportion observed = cells.stream().filter(target::covers).map(target::measure)
          .reduce(Proportion.empty(), Proportion::plus);
      Status status = observed.isEmpty() ? Status.NO_DATA
          : target.isMetBy(observed.rate()) ? Status.MET : Status.MISSED;
      return new Result(target, observed, status);
    }).toList());
  }

  /** True when every target has data and meets its bar. */
  public boolean allMet() {
    return results.stream().allMatch(r -> r.status() == Status.MET);
  }

  public List<String> lines() {
    return results.stream().map(Result::line).toList();
  }
}
