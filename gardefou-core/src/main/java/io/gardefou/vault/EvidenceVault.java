package io.gardefou.vault;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Digests;
import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence vault's front door: keeps the prompt and uploaded images of each refused request, encrypted under
 * its own data key, for as long as the verdict's obligations require; opens, holds, releases and erases entries,
 * recording every access and act in the {@link AuditTrail}; and purges expired entries by crypto-shredding.
 *
 * <p>Every act is recorded before it is done, so an act the trail could not record is not done. The ledger holds
 * only digests, so shredding an entry leaves every ledger proof intact.
 */
public final class EvidenceVault {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceVault.class);
  /** The actor of automatic acts (expiry), as in {@link AuditEvent#by()}. */
  public static final String SYSTEM = "system";
  /** How many expired entries one purge step reads at a time. */
  private static final int PURGE_BATCH = 500;

  private final VaultStore store;
  private final EntryCipher cipher;
  private final String masterKeyId;
  private final AuditTrail trail;
  private final Clock clock;
  private final Duration defaultRetention;

  private EvidenceVault(Builder builder) {
    this.store = builder.store;
    this.cipher = new EntryCipher(builder.masterKey);
    this.masterKeyId = builder.masterKey.id();
    this.trail = builder.trail;
    this.clock = builder.clock;
    this.defaultRetention = builder.defaultRetention;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Keeps the request's contents if the verdict refused what the requester sent; a refused output phase keeps
   * nothing (the images came from the model, and their digests are in the ledger).
   *
   * @return the entry kept, or empty when the verdict calls for none
   */
  public Optional<VaultEntry> keep(ScreeningRequest request, Verdict verdict) {
    if (verdict.decision() != Decision.REFUSE || request.operation() == Operation.OUTPUT) {
      return Optional.empty();
    }
    boolean withhold = ImageRule.withholdsImages(verdict);
    List<String> digests = request.images().stream().map(InputImage::sha256).toList();
    Contents contents = new Contents(request.prompt(), withhold ? List.of() : request.images());
    Instant now = clock.instant();
    Retention retention = Retention.of(verdict.obligations(), defaultRetention);
    VaultEntry entry = new VaultEntry(verdict.decisionId(), request.tenant(), now, now.plus(retention.period()),
        retention.basis(), false, Digests.sha256Hex(request.prompt()), withhold ? List.of() : digests,
        withhold ? digests : List.of(), masterKeyId, Optional.empty(), Optional.empty());
    store.put(entry, cipher.seal(verdict.decisionId(), contents));
    return Optional.of(entry);
  }

  /**
   * A verdict log that records through {@code log} first, then keeps the evidence of refusals. A vault that fails is
   * logged with the decision id (never the content) and does not fail the request: the refusal stands and is in the
   * ledger; only the evidence is lost.
   */
  public VerdictLog recording(VerdictLog log) {
    Objects.requireNonNull(log, "log");
    return (request, verdict) -> {
      log.append(request, verdict);
      try {
        keep(request, verdict);
      } catch (RuntimeException e) {
        LOG.error("evidence of refused decision {} was not kept: {}", verdict.decisionId(), e.getClass().getName());
      }
    };
  }

  /** The entry's metadata, without recording an access; for listings that show no content. */
  public Optional<VaultEntry> entry(DecisionId id) {
    return store.entry(id);
  }

  /**
   * Reads an entry for {@code by}, with its decrypted contents when {@code withContents} and not shredded. The read is
   * recorded ({@code evidence.read}) before anything is decrypted.
   *
   * @throws EvidenceUnreadableException if the contents do not decrypt (another master key, or tampering)
   */
  public Optional<Opened> open(DecisionId id, String by, boolean withContents) {
    Optional<VaultEntry> found = store.entry(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VaultEntry entry = found.get();
    boolean decrypt = withContents && !entry.shredded();
    record("evidence.read", by, entry, Map.of("contents", Boolean.toString(decrypt)));
    if (!decrypt) {
      return Optional.of(new Opened(entry, Optional.empty()));
    }
    Sealed sealed = store.sealed(id).orElseThrow(() -> new EvidenceUnreadableException(id, "it was shredded meanwhile", null));
    return Optional.of(new Opened(entry, Optional.of(cipher.open(id, sealed))));
  }

  /** Places a legal hold: the entry outlives its retention and cannot be erased until released. */
  public Change hold(DecisionId id, String by, String reason) {
    return setHold(id, by, reason, true);
  }

  /** Lifts a legal hold; an entry past its retention then expires at the next purge. */
  public Change release(DecisionId id, String by, String reason) {
    return setHold(id, by, reason, false);
  }

  /** Erases an entry on request (a data subject's, a court's) by crypto-shredding it, unless it is under legal hold. */
  public Change erase(DecisionId id, String by, String reason) {
    Optional<VaultEntry> found = store.entry(id);
    if (found.isEmpty()) {
      return Change.NOT_FOUND;
    }
    VaultEntry entry = found.get();
    if (entry.shredded()) {
      return Change.SHREDDED;
    }
    if (entry.legalHold()) {
      return Change.UNDER_HOLD;
    }
    return shred(entry, by, reason, VaultEntry.ERASED, "evidence.erased") ? Change.APPLIED : Change.UNDER_HOLD;
  }

  /**
   * Crypto-shreds every entry past its retention that is not under legal hold, each recorded as
   * {@code evidence.expired}; returns the decisions shredded.
   */
  public List<DecisionId> purge() {
    Instant now = clock.instant();
    List<DecisionId> shredded = new ArrayList<>();
    List<DecisionId> batch;
    Set<DecisionId> seen = new HashSet<>();
    do {
      batch = store.expired(now, PURGE_BATCH).stream().filter(seen::add).toList();
      for (DecisionId id : batch) {
        Optional<VaultEntry> entry = store.entry(id);
        if (entry.isPresent() && shred(entry.get(), SYSTEM, "retention ended " + entry.get().retainUntil(),
            VaultEntry.EXPIRED, "evidence.expired")) {
          shredded.add(id);
        }
      }
    } while (!batch.isEmpty());
    if (!shredded.isEmpty()) {
      LOG.info("Vault purge: crypto-shredded {} expired entries", shredded.size());
    }
    return shredded;
  }

  private Change setHold(DecisionId id, String by, String reason, boolean held) {
    Optional<VaultEntry> found = store.entry(id);
    if (found.isEmpty()) {
      return Change.NOT_FOUND;
    }
    if (found.get().shredded()) {
      return Change.SHREDDED;
    }
    record(held ? "evidence.held" : "evidence.released", by, found.get(), Map.of("reason", reason));
    return store.setLegalHold(id, held) ? Change.APPLIED : Change.SHREDDED;
  }

  /** Records the act, then shreds; a hold placed in between wins, and that is recorded too. */
  private boolean shred(VaultEntry entry, String by, String reason, String shredReason, String kind) {
    record(kind, by, entry, Map.of("reason", reason));
    if (store.shred(entry.decisionId(), clock.instant(), shredReason)) {
      return true;
    }
    record("evidence.shred_blocked", SYSTEM, entry, Map.of("reason", "a legal hold was placed before the " + shredReason));
    return false;
  }

  private void record(String kind, String by, VaultEntry entry, Map<String, String> details) {
    Map<String, String> all = new HashMap<>(details);
    all.put("tenant", entry.tenant());
    trail.record(new AuditEvent(kind, by, entry.decisionId().toString(), clock.instant(), all));
  }

  /** Configures an {@link EvidenceVault}; {@link #build()} checks every setting once. */
  public static final class Builder {
    /** Kept this long when no obligation says how long: enough for an appeal and a moderator's review. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private VaultStore store;
    private MasterKey masterKey;
    private AuditTrail trail;
    private Clock clock = Clock.systemUTC();
    private Duration defaultRetention = DEFAULT_RETENTION;

    private Builder() {}

    public Builder store(VaultStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    public Builder masterKey(MasterKey masterKey) {
      this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
      return this;
    }

    public Builder auditTrail(AuditTrail trail) {
      this.trail = Objects.requireNonNull(trail, "trail");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder defaultRetention(Duration retention) {
      this.defaultRetention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    public EvidenceVault build() {
      if (store == null || masterKey == null || trail == null) {
        throw new IllegalStateException("an evidence vault needs a store, a master key and an audit trail");
      }
      if (defaultRetention.isNegative()) {
        throw new IllegalStateException("the default retention cannot be negative, was " + defaultRetention);
      }
      return new EvidenceVault(this);
    }
  }
}
