package io.gardefou.account;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API keys: issued, listed, revoked (each act recorded in the audit trail first), and checked on every request.
 * Built by {@link #builder()}. Why PBKDF2 and a cache of verified tokens: docs/design/accounts.md.
 */
public final class Accounts {
  /** How long a verified token is trusted from the cache before its stored row is read again. */
  public static final Duration REVALIDATE_AFTER = Duration.ofSeconds(30);
  /** PBKDF2 iterations for new keys: about 50 ms on one core; the 256-bit secret, not this, resists guessing. */
  public static final int DEFAULT_ITERATIONS = 100_000;
  /** Who did an act the server did by itself, such as issuing the first admin key. */
  public static final String SYSTEM = "system";

  private final KeyStore store;
  private final AuditTrail trail;
  private final InstantSource clock;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  private final VerifiedKeys verified;
  /** Bounds the PBKDF2 checks running at once, so that a flood of wrong secrets cannot take every core. */
  private final Semaphore derivations = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
  /** Moves on every revocation, so that a check that began before one cannot cache the revoked key after it. */
  private final AtomicLong revocations = new AtomicLong();

  private Accounts(Builder builder) {
    this.store = builder.store;
    this.trail = builder.trail;
    this.clock = builder.clock;
    this.iterations = builder.iterations;
    this.verified = new VerifiedKeys(builder.cacheSize, random);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Issues a key for {@code tenant} with {@code role}; its token is in the result and nowhere else. */
  public IssuedKey create(Role role, String tenant, String name, String by) {
    Instant now = clock.instant();
    ApiKey key = new ApiKey(KeyId.random(random), tenant, role, name, now, Optional.empty(), Optional.empty());
    PresentedKey token = PresentedKey.generate(key.id(), random);
    StoredKey stored = new StoredKey(key, KeyHash.of(token.secret(), iterations, random));
    trail.record(new AuditEvent("key.created", by, key.id().value(), now,
        Map.of("tenant", tenant, "role", role.wireName(), "name", name)));
    store.insert(stored);
    return new IssuedKey(key, token.token());
  }

  /** The first admin key, for {@code tenant}, when the store holds no key at all; empty otherwise. */
  public Optional<IssuedKey> createFirstAdmin(String tenant) {
    if (!store.list().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(create(Role.ADMIN, tenant, "first admin key", SYSTEM));
  }

  /** Every key, revoked ones included, the oldest first. */
  public List<ApiKey> list() {
    return store.list();
  }

  /**
   * Revokes the key: from now on this process refuses it, and other processes within {@link #REVALIDATE_AFTER}.
   *
   * @return false if there is no such key or it was revoked already (nothing is recorded then)
   */
  public boolean revoke(KeyId id, String by) {
    Optional<ApiKey> key = store.find(id).map(StoredKey::key).filter(found -> !found.revoked());
    if (key.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    trail.record(new AuditEvent("key.revoked", by, id.value(), now,
        Map.of("tenant", key.get().tenant(), "role", key.get().role().wireName())));
    revocations.incrementAndGet();
    boolean revoked = store.revoke(id, now);
    verified.invalidate(id);
    return revoked;
  }

  /** The key a token stands for, if it is well-formed, known, not revoked and its secret is right. */
  public Optional<ApiKey> authenticate(String token) {
    Objects.requireNonNull(token, "token");
    Optional<PresentedKey> presented = PresentedKey.parse(token);
    if (presented.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ByteBuffer digest = verified.digest(token);
    Optional<VerifiedKeys.Entry> cached = verified.get(digest);
    if (cached.isPresent() && now.isBefore(cached.get().checkedAt().plus(REVALIDATE_AFTER))) {
      return Optional.of(cached.get().key());
    }
    long revocationsBefore = revocations.get();
    Optional<StoredKey> stored = store.find(presented.get().id()).filter(found -> !found.key().revoked());
    // A cached token passed PBKDF2 already: only its row is read again, for revocation by another process.
    if (stored.isEmpty() || cached.isEmpty() && !matches(stored.get().hash(), presented.get().secret())) {
      verified.remove(digest);
      return Optional.empty();
    }
    store.touch(stored.get().key().id(), now);
    ApiKey key = stored.get().key().usedAt(now);
    if (revocations.get() == revocationsBefore) {
      verified.put(digest, new VerifiedKeys.Entry(key, now));
    }
    return Optional.of(key);
  }

  /** Tokens held in the verified-key cache now; for tests. */
  int cachedTokens() {
    return verified.size();
  }

  private boolean matches(KeyHash hash, String secret) {
    derivations.acquireUninterruptibly();
    try {
      return hash.matches(secret);
    } finally {
      derivations.release();
    }
  }

  /** The accounts' settings: the store and the audit trail are required. */
  public static final class Builder {
    private KeyStore store;
    private AuditTrail trail;
    private InstantSource clock = InstantSource.system();
    private int iterations = DEFAULT_ITERATIONS;
    private int cacheSize = 10_000;

    private Builder() {}

    public Builder store(KeyStore keyStore) {
      this.store = Objects.requireNonNull(keyStore, "store");
      return this;
    }

    /** Where key creation and revocation are recorded before they take effect. */
    public Builder auditTrail(AuditTrail auditTrail) {
      this.trail = Objects.requireNonNull(auditTrail, "auditTrail");
      return this;
    }

    public Builder clock(InstantSource instantSource) {
      this.clock = Objects.requireNonNull(instantSource, "clock");
      return this;
    }

    /** PBKDF2 iterations for keys issued from now on; existing keys keep theirs. */
    public Builder iterations(int count) {
      if (count < 1_000) {
        throw new IllegalArgumentException("PBKDF2 iterations must be at least 1000, was " + count);
      }
      this.iterations = count;
      return this;
    }

    /** How many verified tokens to remember. */
    public Builder cacheSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("cacheSize must be positive, was " + size);
      }
      this.cacheSize = size;
      return this;
    }

    public Accounts build() {
      if (store == null) {
        throw new IllegalStateException("Accounts need a key store: call store(...)");
      }
      if (trail == null) {
        throw new IllegalStateException("Accounts need an audit trail to record key creation and revocation: call auditTrail(...)");
      }
      return new Accounts(this);
    }
  }
}
