package io.gardefou.gateway;

import io.gardefou.model.Decision;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;

/**
 * Screens the prompt with every input image (service blocks and feature gates first, inside the screener). Anything
 * but ALLOW ends the walk here, so nothing reaches the upstream: REVIEW cannot be waited for in a synchronous call.
 */
final class ScreenInput implements Stage {
  private final Screener screener;

  ScreenInput(Screener screener) {
    this.screener = screener;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    ImagesRequest request = call.request();
    Verdict verdict = screener.screen(call.screening(request.operation(), request.inputs()));
    if (verdict.decision() != Decision.ALLOW) {
      return new Outcome.Refused(call.requestId(), request.operation(), verdict);
    }
    return next.proceed(call.withInputFacts(verdict.signals().facts()));
  }
}
