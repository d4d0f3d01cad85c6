package io.gardefou.screen;

import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;

/** Where every verdict is recorded before its response leaves. Implementations keep digests, not content. */
public interface VerdictLog {
  /** Records the verdict durably; throws if it cannot, so that no unrecorded decision is acted on. */
  void append(ScreeningRequest request, Verdict verdict);

  /** A log that keeps nothing, for offline evaluation and benchmarks. */
  static VerdictLog discarding() {
    return (request, verdict) -> {};
  }
}
