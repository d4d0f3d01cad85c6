package io.gardefou.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.bank.BankDetector;
import io.gardefou.audit.AuditEvent;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.VerdictLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The vault's behaviour over an in-memory store: what it keeps, for how long, and who saw or erased what. */
class EvidenceVaultTest {
  private static final Instant START = Instant.parse("2026-11-22T05:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final RecordingTrail trail = new RecordingTrail();
  private final VaultStore store = VaultStore.inMemory();
  private final MasterKey master = MasterKey.generate();
  private final EvidenceVault vault = vault(master);

  private EvidenceVault vault(MasterKey key) {
    return EvidenceVault.builder().store(store).masterKey(key).auditTrail(trail).clock(clock)
        .defaultRetention(Duration.ofDays(30)).build();
  }

  @Test
  void keepsARefusedPromptAndUploadAndOpensThemAgain() {
    Verdict verdict = Cases.refusal(START);
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);

    Opened opened = vault.open(verdict.decisionId(), "key_mod", true).orElseThrow();

    assertThat(opened.contents()).hasValueSatisfying(contents -> {
      assertThat(contents.prompt()).isEqualTo(Cases.PROMPT);
      assertThat(contents.images()).containsExactly(Cases.UPLOAD);
    });
    assertThat(opened.entry().tenant()).isEqualTo("acme");
    assertThat(opened.entry().imageSha256s()).containsExactly(Cases.UPLOAD.sha256());
    assertThat(opened.entry().masterKeyId()).isEqualTo(master.id());
    assertThat(trail.events()).singleElement().satisfies(event -> {
      assertThat(event.kind()).isEqualTo("evidence.read");
      assertThat(event.by()).isEqualTo("key_mod");
      assertThat(event.subject()).isEqualTo(verdict.decisionId().toString());
      assertThat(event.details()).containsEntry("contents", "true").containsEntry("tenant", "acme");
    });
  }

  @Test
  void keepsNothingOfAllowedRequestsOrOfRefusedOutputs() {
    Verdict allowed = new Verdict(Decision.ALLOW, java.util.Set.of(), List.of(), List.of(), List.of(), "test@1",
        DecisionId.generate(START), START, Signals.empty());
    Verdict refusedOutput = Cases.refusal(START);
    ScreeningRequest output = new ScreeningRequest(Operation.OUTPUT, "", List.of(Cases.UPLOAD),
        io.gardefou.model.Actor.anonymous(), Jurisdiction.global(), "acme");

    assertThat(vault.keep(Cases.edit(Cases.UPLOAD), allowed)).isEmpty();
    assertThat(vault.keep(output, refusedOutput)).isEmpty();
    assertThat(store.entry(allowed.decisionId())).isEmpty();
    assertThat(store.entry(refusedOutput.decisionId())).isEmpty();
  }

  @Test
  void anEntryReadUnderAnotherMasterKeyFailsInsteadOfOpening() {
    Verdict verdict = Cases.refusal(START);
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);

    assertThatThrownBy(() -> vault(MasterKey.generate()).open(verdict.decisionId(), "key_mod", true))
        .isInstanceOf(EvidenceUnreadableException.class);
  }

  @Test
  void knownCsamBankMatchesAreNeverStoredOnlyTheirDigests() {
    Signals bankMatch = Signals.from(BankDetector.NAME).fact(BankDetector.FACT_BANK_MATCH, "known-csam pdq 4 case-17").build();
    Verdict verdict = Cases.refusal(START, bankMatch);
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);

    Opened opened = vault.open(verdict.decisionId(), "key_mod", true).orElseThrow();

    assertThat(opened.contents().orElseThrow().images()).isEmpty();
    assertThat(opened.contents().orElseThrow().prompt()).isEqualTo(Cases.PROMPT);
    assertThat(opened.entry().imageSha256s()).isEmpty();
    assertThat(opened.entry().withheldImageSha256s()).containsExactly(Cases.UPLOAD.sha256());
    // Smaller than the image: the bytes are not in there, encrypted or not.
    assertThat(store.sealed(verdict.decisionId()).orElseThrow().ciphertext().length).isLessThan(Cases.UPLOAD.size());
  }

  @Test
  void anyBankMatchWithSexualMinorsWithholdsImagesButAnOrdinaryBankMatchDoesNot() {
    Signals otherBank = Signals.from(BankDetector.NAME).fact(BankDetector.FACT_BANK_MATCH, "ncii-victims pdq 2 report-3").build();
    Verdict minors = Cases.refusal(START, otherBank);
    Verdict violence = new Verdict(Decision.REFUSE, java.util.Set.of(io.gardefou.model.Category.VIOLENCE), List.of(),
        List.of(), List.of(), "test@1", DecisionId.generate(START), START, otherBank);
    Signals bankScore = Signals.from(BankDetector.NAME).score(io.gardefou.model.Category.SEXUAL_MINORS, 1.0, List.of()).build();

    assertThat(ImageRule.withholdsImages(minors)).isTrue();
    assertThat(ImageRule.withholdsImages(violence)).isFalse();
    assertThat(ImageRule.withholdsImages(Cases.refusal(START, bankScore))).isTrue();
    assertThat(ImageRule.withholdsImages(Cases.refusal(START))).isFalse();
    assertThat(ImageRule.withholdsImages(new Verdict(Decision.REFUSE, java.util.Set.of(), List.of(), List.of(),
        List.of(), "t", DecisionId.generate(START), START,
        Signals.from(BankDetector.NAME).fact(BankDetector.FACT_BANK_MATCH, "takedowns pdq 0 known-csam").build())))
        .isFalse();
  }

  @Test
  void expiresAfterTheLongestRetentionObligationAndNotBefore() {
    Verdict verdict = Cases.refusal(START, Cases.retain("short", Duration.ofDays(21)), Cases.retain("long", Duration.ofDays(365)));
    VaultEntry entry = vault.keep(Cases.edit(Cases.UPLOAD), verdict).orElseThrow();
    assertThat(entry.retainUntil()).isEqualTo(START.plus(Duration.ofDays(365)));
    assertThat(entry.retentionBasis()).containsExactly("long@XX@1");

    clock.advance(Duration.ofDays(365).minusSeconds(1));
    assertThat(vault.purge()).isEmpty();
    assertThat(vault.open(verdict.decisionId(), "key_mod", true).orElseThrow().contents()).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(vault.purge()).containsExactly(verdict.decisionId());
    Opened after = vault.open(verdict.decisionId(), "key_mod", true).orElseThrow();
    assertThat(after.contents()).isEmpty();
    assertThat(after.entry().shredReason()).contains(VaultEntry.EXPIRED);
    assertThat(after.entry().promptSha256()).isEqualTo(entry.promptSha256());
    assertThat(trail.kinds()).contains("evidence.expired");
  }

  @Test
  void withoutAnyRetentionObligationTheDefaultApplies() {
    VaultEntry entry = vault.keep(Cases.edit(Cases.UPLOAD), Cases.refusal(START)).orElseThrow();

    assertThat(entry.retainUntil()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(entry.retentionBasis()).isEmpty();
  }

  @Test
  void theUsPacksOneYearRetentionReachesTheEntry() {
    ScreeningRequest request = Cases.edit(Cases.UPLOAD).withJurisdiction(Jurisdiction.of("US"));
    Signals minors = Signals.from("test").score(io.gardefou.model.Category.SEXUAL_MINORS, 0.9, List.of()).build();
    Verdict verdict = PolicyPacks.bundled().decide(request, minors, DecisionId.generate(START), START);

    VaultEntry entry = vault.keep(request, verdict).orElseThrow();

    assertThat(entry.retainUntil()).isEqualTo(START.plus(Duration.ofDays(365)));
    assertThat(entry.retentionBasis()).singleElement().asString().startsWith("retain-reported-content@US");
  }

  @Test
  void aLegalHoldOutlivesRetentionAndBlocksErasureUntilReleased() {
    Verdict verdict = Cases.refusal(START);
    DecisionId id = verdict.decisionId();
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);

    assertThat(vault.hold(id, "key_admin", "police request 42")).isEqualTo(Change.APPLIED);
    clock.advance(Duration.ofDays(400));
    assertThat(vault.purge()).isEmpty();
    assertThat(vault.erase(id, "key_admin", "data-subject request")).isEqualTo(Change.UNDER_HOLD);
    assertThat(vault.open(id, "key_mod", true).orElseThrow().contents()).isPresent();

    assertThat(vault.release(id, "key_admin", "case closed")).isEqualTo(Change.APPLIED);
    assertThat(vault.purge()).containsExactly(id);
    assertThat(trail.kinds()).containsExactly("evidence.held", "evidence.read", "evidence.released", "evidence.expired");
    assertThat(trail.events().get(0).details()).containsEntry("reason", "police request 42");
  }

  @Test
  void erasureCryptoShredsSoTheKeptCiphertextAndMasterKeyNoLongerSuffice() {
    Verdict verdict = Cases.refusal(START);
    DecisionId id = verdict.decisionId();
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);
    Sealed copied = store.sealed(id).orElseThrow(); // what a copy of the database held before the erasure

    assertThat(vault.erase(id, "key_admin", "data-subject request")).isEqualTo(Change.APPLIED);

    assertThat(store.sealed(id)).isEmpty();
    assertThat(vault.open(id, "key_mod", true).orElseThrow().contents()).isEmpty();
    assertThat(vault.erase(id, "key_admin", "again")).isEqualTo(Change.SHREDDED);
    assertThat(vault.hold(id, "key_admin", "too late")).isEqualTo(Change.SHREDDED);
    // The ciphertext with the master key but without the destroyed wrapped key: no key to try but the master key.
    byte[] noKey = new byte[40];
    assertThatThrownBy(() -> new EntryCipher(master).open(id, Sealed.of(copied.nonce(), noKey, copied.ciphertext())))
        .isInstanceOf(EvidenceUnreadableException.class);
    assertThat(trail.kinds()).containsExactly("evidence.erased", "evidence.read");
  }

  @Test
  void unknownDecisionsAreNotFound() {
    DecisionId unknown = DecisionId.generate(START);

    assertThat(vault.open(unknown, "key_mod", true)).isEmpty();
    assertThat(vault.hold(unknown, "key_admin", "x")).isEqualTo(Change.NOT_FOUND);
    assertThat(vault.erase(unknown, "key_admin", "x")).isEqualTo(Change.NOT_FOUND);
    assertThat(trail.events()).isEmpty();
  }

  @Test
  void nothingIsDecryptedOrErasedWhenTheAuditTrailCannotRecordIt() {
    Verdict verdict = Cases.refusal(START);
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);
    trail.failFromNowOn();

    assertThatThrownBy(() -> vault.open(verdict.decisionId(), "key_mod", true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> vault.erase(verdict.decisionId(), "key_admin", "x")).isInstanceOf(IllegalStateException.class);
    assertThat(store.sealed(verdict.decisionId())).isPresent();
  }

  @Test
  void theRecordingLogKeepsRefusalsAfterTheInnerLogAndSwallowsAVaultFailure() {
    List<DecisionId> logged = new ArrayList<>();
    VerdictLog inner = (request, verdict) -> logged.add(verdict.decisionId());
    Verdict verdict = Cases.refusal(START);
    vault.recording(inner).append(Cases.edit(Cases.UPLOAD), verdict);
    assertThat(logged).containsExactly(verdict.decisionId());
    assertThat(store.entry(verdict.decisionId())).isPresent();

    VaultStore broken = new VaultStore() {
      @Override public void put(VaultEntry entry, Sealed sealed) {
        throw new IllegalStateException("disk full");
      }
      @Override public Optional<VaultEntry> entry(DecisionId id) {
        return Optional.empty();
      }
      @Override public Optional<Sealed> sealed(DecisionId id) {
        return Optional.empty();
      }
      @Override public boolean setLegalHold(DecisionId id, boolean held) {
        return false;
      }
      @Override public boolean shred(DecisionId id, Instant at, String reason) {
        return false;
      }
      @Override public List<DecisionId> expired(Instant now, int limit) {
        return List.of();
      }
    };
    EvidenceVault failing = EvidenceVault.builder().store(broken).masterKey(master).auditTrail(trail).build();
    Verdict second = Cases.refusal(START);
    failing.recording(inner).append(Cases.edit(Cases.UPLOAD), second);

    assertThat(logged).containsExactly(verdict.decisionId(), second.decisionId());
  }

  @Test
  void theInnerLogFailingKeepsNoEvidence() {
    VerdictLog full = (request, verdict) -> {
      throw new IllegalStateException("ledger down");
    };
    Verdict verdict = Cases.refusal(START);

    assertThatThrownBy(() -> vault.recording(full).append(Cases.edit(Cases.UPLOAD), verdict))
        .hasMessage("ledger down");
    assertThat(store.entry(verdict.decisionId())).isEmpty();
  }

  @Test
  void auditEventsCarryNoContent() {
    Verdict verdict = Cases.refusal(START);
    vault.keep(Cases.edit(Cases.UPLOAD), verdict);
    vault.open(verdict.decisionId(), "key_mod", true);
    vault.erase(verdict.decisionId(), "key_admin", "data-subject request");

    for (AuditEvent event : trail.events()) {
      assertThat(new String(event.canonicalJson(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("VAULT-PROMPT-MARKER");
    }
  }

  @Test
  void imagesOfAnUploadAreKeptWithTheirNames() {
    InputImage second = InputImage.of("image[1]", Cases.marker("SECOND"));
    Verdict verdict = Cases.refusal(START);
    vault.keep(new ScreeningRequest(Operation.EDIT, "p", List.of(Cases.UPLOAD, second),
        io.gardefou.model.Actor.anonymous(), Jurisdiction.global(), "acme"), verdict);

    assertThat(vault.open(verdict.decisionId(), "m", true).orElseThrow().contents().orElseThrow().images())
        .containsExactly(Cases.UPLOAD, second);
  }
}
