package io.gardefou.server.console;

import io.gardefou.account.ApiKey;
import io.gardefou.account.Role;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions held in memory: a random id (the cookie's only content) mapped to the key that logged in,
 * its role and tenant, a CSRF token, and an absolute expiry. A restart logs everyone out, by design.
 */
final class Sessions {
  /** How long a login lasts; the moderator logs in again after a shift. */
  static final Duration LIFETIME = Duration.ofHours(8);

  /** One logged-in key. */
  record Session(String id, String keyId, Role role, String tenant, String csrf, Instant expiresAt) {
    Session {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(csrf, "csrf");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Constant-time comparison of a submitted CSRF token with this session's. */
    boolean csrfMatches(String submitted) {
      return submitted != null && MessageDigest.isEqual(csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          submitted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final InstantSource clock;

  Sessions(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Session open(ApiKey key) {
    Session session = new Session(token(), key.id().value(), key.role(), key.tenant(), token(),
        clock.instant().plus(LIFETIME));
    sessions.put(session.id(), session);
    return session;
  }

  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.expiresAt())) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
