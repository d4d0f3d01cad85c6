package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.bank.BankDetector;
import io.gardefou.audit.AuditEvent;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.LogAudit;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.model.Actor;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.vault.Change;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.MasterKey;
import io.gardefou.vault.Opened;
import io.gardefou.vault.Sealed;
import io.gardefou.vault.VaultEntry;
import io.gardefou.vault.VaultStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evidence vault's JDBC store, the same on every vendor; each subclass supplies an empty database. */
abstract class VaultStoreContract {
  /** Microseconds: the precision both vendors keep. */
  static final Instant START = Instant.parse("2026-11-22T05:00:00.123456Z");
  static final String PROMPT = "VAULT-PROMPT-MARKER: an example of a refused prompt";

  private final List<Database> opened = new ArrayList<>();
  private final List<AuditEvent> events = new ArrayList<>();
  private String url;

  abstract String createEmptyDatabase() throws Exception;

  abstract void dropDatabase() throws Exception;

  @BeforeEach
  final void createDatabase() throws Exception {
    url = createEmptyDatabase();
  }

  @AfterEach
  final void closeAndDropDatabase() throws Exception {
    opened.forEach(Database::close);
    dropDatabase();
  }

  final Database open() {
    Database database = Database.open(url);
    opened.add(database);
    return database;
  }

  final EvidenceVault vault(VaultStore store, MasterKey key, Clock clock) {
    return EvidenceVault.builder().store(store).masterKey(key).clock(clock).auditTrail(event -> {
      events.add(event);
      return events.size() - 1;
    }).build();
  }

  final List<String> eventKinds() {
    return events.stream().map(AuditEvent::kind).toList();
  }

  /** 4 KiB of distinctive bytes standing in for an image; not a picture. */
  static InputImage image(String marker) {
    String text = marker.repeat(4096 / marker.length() + 1).substring(0, 4096);
    return InputImage.of("image", text.getBytes(StandardCharsets.US_ASCII));
  }

  static ScreeningRequest edit(InputImage image) {
    return new ScreeningRequest(Operation.EDIT, PROMPT, List.of(image), Actor.anonymous(), Jurisdiction.of("US"), "acme");
  }

  /** The US pack's refusal of {@code sexual/minors}, with its one-year retention obligation. */
  static Verdict refusal(ScreeningRequest request, Signals extra) {
    Signals signals = Signals.from("test").score(Category.SEXUAL_MINORS, 0.9, List.of()).build().and(extra);
    return PolicyPacks.bundled().decide(request, signals, DecisionId.generate(START), START);
  }

  static VaultEntry entry(DecisionId id, Instant retainUntil) {
    return new VaultEntry(id, "acme", START, retainUntil, List.of("retain@XX@1"), false, "ab".repeat(32),
        List.of("cd".repeat(32)), List.of("ef".repeat(32)), "0badc0de", Optional.empty(), Optional.empty());
  }

  static Sealed sealed(int seed) {
    return Sealed.of(new byte[12], new byte[] {(byte) seed, 2, 3}, new byte[] {4, 5, (byte) seed});
  }

  @Test
  void storesAnEntryAndItsSealedContentsAndReadsThemBack() {
    VaultStore store = open().vaultStore();
    DecisionId id = DecisionId.generate(START);
    VaultEntry entry = entry(id, START.plus(Duration.ofDays(365)));

    store.put(entry, sealed(7));

    assertThat(store.entry(id)).contains(entry);
    Sealed back = store.sealed(id).orElseThrow();
    assertThat(back.wrappedKey()).containsExactly(7, 2, 3);
    assertThat(back.ciphertext()).containsExactly(4, 5, 7);
    assertThat(store.entry(DecisionId.generate(START))).isEmpty();
  }

  @Test
  void refusesASecondEntryForOneDecision() {
    VaultStore store = open().vaultStore();
    DecisionId id = DecisionId.generate(START);
    store.put(entry(id, START), sealed(1));

    assertThatThrownBy(() -> store.put(entry(id, START), sealed(2))).isInstanceOf(IllegalStateException.class);
    assertThat(store.sealed(id).orElseThrow().wrappedKey()).containsExactly(1, 2, 3);
  }

  @Test
  void listsExpiredUnheldEntriesOldestFirstAndShredsAllButHeldOnes() {
    VaultStore store = open().vaultStore();
    DecisionId later = DecisionId.generate(START);
    DecisionId sooner = DecisionId.generate(START);
    DecisionId held = DecisionId.generate(START);
    DecisionId notYet = DecisionId.generate(START);
    store.put(entry(later, START.plusSeconds(20)), sealed(1));
    store.put(entry(sooner, START.plusSeconds(10)), sealed(2));
    store.put(entry(held, START.plusSeconds(5)), sealed(3));
    store.put(entry(notYet, START.plusSeconds(31)), sealed(4));
    assertThat(store.setLegalHold(held, true)).isTrue();

    Instant now = START.plusSeconds(30);
    assertThat(store.expired(now, 10)).containsExactly(sooner, later);
    assertThat(store.expired(now, 1)).containsExactly(sooner);

    assertThat(store.shred(held, now, VaultEntry.ERASED)).isFalse();
    assertThat(store.shred(sooner, now, VaultEntry.EXPIRED)).isTrue();
    assertThat(store.shred(sooner, now, VaultEntry.EXPIRED)).isFalse();
    assertThat(store.sealed(sooner)).isEmpty();
    assertThat(store.entry(sooner).orElseThrow().shreddedAt()).contains(now);
    assertThat(store.entry(sooner).orElseThrow().shredReason()).contains(VaultEntry.EXPIRED);
    assertThat(store.setLegalHold(sooner, true)).isFalse();
    assertThat(store.expired(now, 10)).containsExactly(later);
    assertThat(store.sealed(held)).isPresent();
  }

  @Test
  void theVaultKeepsOpensAndExpiresEntriesInTheDatabase() {
    Database database = open();
    MutableClock clock = new MutableClock(START);
    EvidenceVault vault = vault(database.vaultStore(), MasterKey.generate(), clock);
    InputImage upload = image("UPLOAD-MARKER");
    Verdict verdict = refusal(edit(upload), Signals.empty());

    VaultEntry kept = vault.keep(edit(upload), verdict).orElseThrow();
    Opened opened = vault.open(verdict.decisionId(), "key_mod", true).orElseThrow();

    assertThat(opened.entry()).isEqualTo(kept);
    assertThat(opened.contents().orElseThrow().prompt()).isEqualTo(PROMPT);
    assertThat(opened.contents().orElseThrow().images()).containsExactly(upload);
    assertThat(kept.retainUntil()).isEqualTo(START.plus(Duration.ofDays(365)));

    clock.advance(Duration.ofDays(365));
    assertThat(vault.purge()).containsExactly(verdict.decisionId());
    assertThat(vault.open(verdict.decisionId(), "key_mod", true).orElseThrow().contents()).isEmpty();
    assertThat(eventKinds()).containsExactly("evidence.read", "evidence.expired", "evidence.read");
  }

  @Test
  void theLedgerStillVerifiesAfterErasureBecauseItOnlyHeldDigests() {
    Database database = open();
    EvidenceVault vault = vault(database.vaultStore(), MasterKey.generate(), Clock.fixed(START, ZoneOffset.UTC));
    LedgerVerdictLog ledgerLog = database.ledgerVerdictLog(DatabaseContract.SIGNER, 100, 10);
    var log = vault.recording(ledgerLog);
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ScreeningRequest request = edit(image("UPLOAD-" + i));
      Verdict verdict = refusal(request, Signals.empty());
      log.append(request, verdict);
      verdicts.add(verdict);
    }
    ledgerLog.close();
    Checkpoint before = Checkpoint.verify(database.checkpoints().latest().orElseThrow(), DatabaseContract.SIGNER.verifier());

    assertThat(vault.erase(verdicts.get(2).decisionId(), "key_admin", "data-subject request")).isEqualTo(Change.APPLIED);

    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.of(before));
    assertThat(report.problem()).isEmpty();
    assertThat(report.size()).isEqualTo(5);
    assertThat(vault.open(verdicts.get(2).decisionId(), "m", true).orElseThrow().contents()).isEmpty();
    assertThat(vault.open(verdicts.get(3).decisionId(), "m", true).orElseThrow().contents()).isPresent();
  }

  @Test
  void knownCsamImagesGetNoRowBytesOnlyTheirDigests() {
    Database database = open();
    EvidenceVault vault = vault(database.vaultStore(), MasterKey.generate(), Clock.fixed(START, ZoneOffset.UTC));
    InputImage upload = image("BANKED-IMAGE-MARKER");
    Verdict verdict = refusal(edit(upload), Signals.from(BankDetector.NAME).fact(BankDetector.FACT_BANK_MATCH, "known-csam pdq 0 case-1").build());

    vault.keep(edit(upload), verdict);

    VaultEntry entry = database.vaultStore().entry(verdict.decisionId()).orElseThrow();
    assertThat(entry.withheldImageSha256s()).containsExactly(upload.sha256());
    assertThat(entry.imageSha256s()).isEmpty();
    long stored = database.jdbi().withHandle(h -> h.createQuery(
        "SELECT length(ciphertext) FROM vault_entries").mapTo(Long.class).one());
    assertThat(stored).isLessThan(upload.size());
    assertThat(vault.open(verdict.decisionId(), "m", true).orElseThrow().contents().orElseThrow().images()).isEmpty();
  }

  /** A clock the test moves by hand, at microsecond precision like the columns. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
