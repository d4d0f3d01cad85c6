package io.gardefou.account;

import java.util.Objects;

/**
 * A key just created, with the one copy of its token {@code gf_<key id>_<secret>}: shown to its owner once,
 * then only its hash remains. {@link #toString()} leaves the token out, so that it cannot reach a log by accident.
 */
public record IssuedKey(ApiKey key, String token) {
  public IssuedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "IssuedKey[" + key + ", token=(not shown)]";
  }
}
