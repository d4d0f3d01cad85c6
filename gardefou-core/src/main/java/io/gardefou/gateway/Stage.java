package io.gardefou.gateway;

/**
 * One step of the gateway's walk. A stage may answer itself (a refusal), or hand the call on with
 * {@link Next#proceed} and work on what comes back (output screening). Limits are stages like any other.
 */
public interface Stage {
  Outcome proceed(ImageCall call, Next next);

  /** The rest of the walk. */
  @FunctionalInterface
  interface Next {
    Outcome proceed(ImageCall call);
  }
}
