package io.gardefou.eval;

import java.util.ArrayList;
import java.util.List;

/** Cases to evaluate, with what loading them found, so that the report can account for every row read. */
public record CaseSet(List<EvalCase> cases, List<SourceStats> sources) {
  public CaseSet {
    cases = List.copyOf(cases);
    sources = List.copyOf(sources);
  }

  public static CaseSet of(List<EvalCase> cases) {
    return new CaseSet(cases, List.of());
  }

  /** These cases followed by the other's, e.g. the public datasets and the suite in one run. */
  public CaseSet plus(CaseSet other) {
    List<EvalCase> allCases = new ArrayList<>(cases);
    allCases.addAll(other.cases);
    List<SourceStats> allSources = new ArrayList<>(sources);
    allSources.addAll(other.sources);
    return new CaseSet(allCases, allSources);
  }
}
