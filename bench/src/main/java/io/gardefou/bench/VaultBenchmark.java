package io.gardefou.bench;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.MasterKey;
import io.gardefou.vault.Opened;
import io.gardefou.vault.Sealed;
import io.gardefou.vault.VaultEntry;
import io.gardefou.vault.VaultStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evidence vault's cost on the request path, storage aside: sealing a refused prompt alone and a prompt with a
 * 1 MiB upload (data key, AES-256-GCM, key wrap), and opening the latter. The store keeps only the first entry. A long
 * warm-up: the GCM intrinsics only take over once C2 has compiled the cipher, which takes a while on a loaded machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VaultBenchmark {
  private final LastOnly store = new LastOnly();
  private EvidenceVault vault;
  private ScreeningRequest promptOnly;
  private ScreeningRequest withImage;
  private DecisionId opened;

  @Setup
  public void setUp() {
    vault = EvidenceVault.builder().store(store).masterKey(MasterKey.generate()).auditTrail(event -> 0).build();
    byte[] upload = new byte[1 << 20];
    new Random(7).nextBytes(upload); // incompressible, like an encoded image
    promptOnly = new ScreeningRequest(Operation.GENERATE, "a refused prompt of about sixty characters, give or take",
        List.of(), Actor.anonymous(), Jurisdiction.global(), "bench");
    withImage = new ScreeningRequest(Operation.EDIT, "undress her", List.of(InputImage.of("image", upload)),
        Actor.anonymous(), Jurisdiction.global(), "bench");
    opened = vault.keep(withImage, refusal()).orElseThrow().decisionId();
  }

  @Benchmark
  public Optional<VaultEntry> keepPrompt() {
    return vault.keep(promptOnly, refusal());
  }

  @Benchmark
  public Optional<VaultEntry> keepPromptAnd1MiBImage() {
    return vault.keep(withImage, refusal());
  }

  @Benchmark
  public Optional<Opened> open1MiBImage() {
    return vault.open(opened, "bench", true);
  }

  private static Verdict refusal() {
    Instant now = Instant.now();
    return new Verdict(Decision.REFUSE, Set.of(Category.SEXUAL), List.of(), List.of(), List.of(), "bench@1",
        DecisionId.generate(now), now, Signals.empty());
  }

  /** Keeps the first entry (the one opened) and drops the rest, so that memory stays flat. */
  private static final class LastOnly implements VaultStore {
    private VaultEntry entry;
    private Sealed sealed;

    @Override
    public synchronized void put(VaultEntry newEntry, Sealed newSealed) {
      if (entry == null) {
        entry = newEntry;
        sealed = newSealed;
      }
    }

    @Override
    public synchronized Optional<VaultEntry> entry(DecisionId id) {
      return entry != null && entry.decisionId().equals(id) ? Optional.of(entry) : Optional.empty();
    }

    @Override
    public synchronized Optional<Sealed> sealed(DecisionId id) {
      return entry != null && entry.decisionId().equals(id) ? Optional.of(sealed) : Optional.empty();
    }

    @Override
    public boolean setLegalHold(DecisionId id, boolean held) {
      return false;
    }

    @Override
    public boolean shred(DecisionId id, Instant at, String reason) {
      return false;
    }

    @Override
    public List<DecisionId> expired(Instant now, int limit) {
      return List.of();
    }
  }
}
