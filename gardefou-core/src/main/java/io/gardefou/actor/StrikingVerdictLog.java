package io.gardefou.actor;

import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import java.util.Objects;

/**
 * A verdict log that, once a verdict is recorded, strikes its actor for a refusal: the policy stays pure, and
 * no strike exists for a decision the log does not hold.
 */
public final class StrikingVerdictLog implements VerdictLog {
  private final VerdictLog recorded;
  private final Standings standings;

  public StrikingVerdictLog(VerdictLog recorded, Standings standings) {
    this.recorded = Objects.requireNonNull(recorded, "recorded");
    this.standings = Objects.requireNonNull(standings, "standings");
  }

  @Override
  public void append(ScreeningRequest request, Verdict verdict) {
    recorded.append(request, verdict);
    standings.strike(request, verdict);
  }
}
