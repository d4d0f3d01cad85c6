package io.gardefou.store;

import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Fact;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import java.time.Instant;
import java.util.List;

/** Requests and the verdicts the global policy gives them, built from real core types. */
final class Fixtures {
  /** A prompt whose words must never reach a column; "lighthouse" is checked on its own. */
  static final String PROMPT = "PROMPT-TEXT-MUST-NOT-BE-STORED: a lighthouse at dusk";

  private static final PackPolicy POLICY = PolicyPacks.bundled();

  private Fixtures() {}

  static ScreeningRequest textRequest() {
    return ScreeningRequest.ofText(Operation.GENERATE, PROMPT);
  }

  /** A refusal: a detector scored {@code sexual/minors} 0.9 and found the text English. */
  static Verdict refusal(ScreeningRequest request, Instant now) {
    Signals signals = Signals.from("test")
        .score(Category.SEXUAL_MINORS, 0.9, List.of())
        .fact(Fact.LANGUAGE, "en")
        .build();
    return POLICY.decide(request, signals, DecisionId.generate(now), now);
  }

  static Verdict refusal(ScreeningRequest request) {
    return refusal(request, Instant.now());
  }

  /** An allow: no detector found anything, nor established a language. */
  static Verdict allowance(ScreeningRequest request) {
    Instant now = Instant.now();
    return POLICY.decide(request, Signals.empty(), DecisionId.generate(now), now);
  }
}
