package io.gardefou.gateway;

import io.gardefou.model.Decision;
import io.gardefou.model.Operation;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens each image the upstream made as {@link Operation#OUTPUT}, with the request's prompt as context, and keeps
 * back any not allowed; when none is left, the exchange is refused. An output whose screening had a detector fail
 * (an undecodable image, a missed deadline) is kept back too: outputs fail closed whatever the detector covers.
 *
 * <p>Which detectors look at outputs is the screener's business: today only {@code pdq} (hash and record); the image
 * classifiers join it there, and this stage does not change.
 */
final class ScreenOutputs implements Stage {
  private final Screener screener;

  ScreenOutputs(Screener screener) {
    this.screener = screener;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    Outcome upstream = next.proceed(call);
    if (!(upstream instanceof Outcome.Produced produced)) {
      return upstream;
    }
    List<GeneratedImage> allowed = new ArrayList<>();
    List<Verdict> withheld = new ArrayList<>(produced.withheld());
    for (GeneratedImage image : produced.images()) {
      Verdict verdict = screener.screen(call.screening(Operation.OUTPUT, List.of(image.image())));
      if (verdict.decision() == Decision.ALLOW && verdict.signals().failures().isEmpty()) {
        allowed.add(image.screened(verdict));
      } else {
        withheld.add(verdict);
      }
    }
    if (allowed.isEmpty() && !withheld.isEmpty()) {
      return new Outcome.Refused(call.requestId(), Operation.OUTPUT, withheld.getFirst());
    }
    return new Outcome.Produced(call.requestId(), produced.created(), allowed, withheld);
  }
}
