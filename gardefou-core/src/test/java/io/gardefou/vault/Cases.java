package io.gardefou.vault;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Obligation;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Requests and verdicts for the vault's tests; the "images" are marker bytes, not pictures. */
final class Cases {
  static final String PROMPT = "VAULT-PROMPT-MARKER: an example of a refused prompt";
  static final InputImage UPLOAD = InputImage.of("image", marker("UPLOADED-IMAGE-MARKER"));

  private Cases() {}

  /** Distinctive bytes to look for in files: the marker repeated to 4 KiB. */
  static byte[] marker(String text) {
    return text.repeat(4096 / text.length() + 1).substring(0, 4096).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static ScreeningRequest edit(InputImage image) {
    return new ScreeningRequest(Operation.EDIT, PROMPT, List.of(image), Actor.anonymous(), Jurisdiction.global(), "acme");
  }

  static Verdict refusal(Instant at, Signals signals, Obligation... obligations) {
    return new Verdict(Decision.REFUSE, Set.of(Category.SEXUAL_MINORS), List.of(), List.of(), List.of(obligations),
        "test@1", DecisionId.generate(at), at, signals);
  }

  static Verdict refusal(Instant at, Obligation... obligations) {
    return refusal(at, Signals.empty(), obligations);
  }

  static Obligation retain(String name, Duration period) {
    return new Obligation(Obligation.Kind.RETAIN, name, "", Optional.empty(), Optional.of(period), "keep it", List.of(), "XX@1");
  }
}
