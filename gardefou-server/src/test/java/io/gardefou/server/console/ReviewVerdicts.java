package io.gardefou.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.account.Role;
import io.gardefou.model.Decision;
import io.gardefou.model.Digests;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.StoredVerdict;
import java.net.http.HttpResponse;
import java.util.Optional;

/** REVIEW verdicts for the console's queue: a violent prompt screened over HTTP, read back once it is stored. */
final class ReviewVerdicts {
  private ReviewVerdicts() {}

  /** Screens {@code prompt} (violence goes to review) and waits until its verdict is in the store. */
  static StoredVerdict await(RunningGardefou server, String prompt) {
    HttpResponse<String> screened = server.as(server.newKey(Role.OPERATOR))
        .post("/v1/moderations", "{\"input\": \"" + prompt + "\"}");
    assertThat(screened.statusCode()).isEqualTo(200);
    String digest = Digests.sha256Hex(prompt);
    for (int attempt = 0; attempt < 400; attempt++) {
      Optional<StoredVerdict> found = server.verdicts().recent(100).stream()
          .filter(v -> v.decision() == Decision.REVIEW && digest.equals(v.promptSha256()))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(50); // The ledger commits verdicts in batches; this waits for the one screened above.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no REVIEW verdict was stored for '" + prompt + "'");
  }
}
