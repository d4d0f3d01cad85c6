package io.gardefou.eval;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Operation;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Test resources and hand-made verdicts and cases. */
final class Fixtures {
  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/eval/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Verdict verdict(Decision decision, Category... flagged) {
    return new Verdict(decision, Set.of(flagged), List.of(), List.of(), List.of(), "test/1",
        DecisionId.generate(Instant.EPOCH), Instant.EPOCH, Signals.empty());
  }

  static EvalCase harmful(String dataset, String id, String text, Category category) {
    return new EvalCase(dataset, id, text, "en", Operation.GENERATE, Expectation.block(category));
  }

  static EvalCase benign(String dataset, String id, String text) {
    return new EvalCase(dataset, id, text, "en", Operation.GENERATE, Expectation.allow());
  }
}
