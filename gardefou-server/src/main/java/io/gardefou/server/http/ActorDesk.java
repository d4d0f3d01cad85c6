package io.gardefou.server.http;

import io.gardefou.actor.Appeals;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standings;
import java.util.Objects;

/** What the HTTP layer needs about actors: their pseudonyms, their standing, and appeals. */
public record ActorDesk(Pseudonyms pseudonyms, Standings standings, Appeals appeals) {
  public ActorDesk {
    Objects.requireNonNull(pseudonyms, "pseudonyms");
    Objects.requireNonNull(standings, "standings");
    Objects.requireNonNull(appeals, "appeals");
  }
}
