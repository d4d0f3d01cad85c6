package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit walk on the in-memory store; the JDBC tampering cases are in gardefou-store. */
class LogAuditTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("audit.test/log");

  private static Ledger ledgerOf(InMemoryLogStore store, int entries) {
    Ledger ledger = Ledger.builder().origin(SIGNER.name()).signer(SIGNER).store(store).build();
    for (int i = 0; i < entries; i++) {
      ledger.append(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    return ledger;
  }

  @Test
  void recomputesTheRootOfAnUntouchedLogAcrossManyReads() {
    InMemoryLogStore store = new InMemoryLogStore();
    Ledger ledger = ledgerOf(store, 3_000); // more than one read of 1 024 entries
    Checkpoint signed = Checkpoint.verify(ledger.checkpoint(), SIGNER.verifier());

    LogAudit.Report report = LogAudit.check(store, Optional.of(signed));

    assertThat(report.ok()).isTrue();
    assertThat(report.size()).isEqualTo(3_000);
    assertThat(report.root()).isEqualTo(ledger.head().root());
  }

  @Test
  void checksTheRootAtAnOlderCheckpointsSizeInTheMiddleOfARead() {
    InMemoryLogStore store = new InMemoryLogStore();
    Ledger ledger = ledgerOf(store, 1_500);
    Checkpoint older = Checkpoint.verify(ledger.checkpoint(), SIGNER.verifier());
    for (int i = 0; i < 700; i++) {
      ledger.append(("later " + i).getBytes(StandardCharsets.UTF_8));
    }

    assertThat(LogAudit.check(store, Optional.of(older)).ok()).isTrue();

    Checkpoint forged = Checkpoint.of(older.origin(), older.size(), MerkleHashes.leafHash(new byte[0]));
    LogAudit.Report report = LogAudit.check(store, Optional.of(forged));
    assertThat(report.ok()).isFalse();
    assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("signed checkpoint"));
  }

  @Test
  void namesTheEndWhenTheCheckpointCoversMoreThanTheStoreHolds() {
    InMemoryLogStore store = new InMemoryLogStore();
    Ledger ledger = ledgerOf(store, 10);
    Checkpoint ahead = Checkpoint.of(ledger.origin(), 12, ledger.head().root());

    LogAudit.Report report = LogAudit.check(store, Optional.of(ahead));

    assertThat(report.firstBadIndex()).hasValue(10);
  }

  @Test
  void namesAStoredLeafHashThatDisagreesWithItsEntry() {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    List<Node> nodes = new ArrayList<>();
    CompactRange.empty().append(entries.stream().map(MerkleHashes::leafHash).toList(), nodes);
    entries.set(5, "forged".getBytes(StandardCharsets.UTF_8)); // the entry changes, its stored leaf hash does not
    InMemoryLogStore store = new InMemoryLogStore();
    store.append(0, entries, nodes);

    assertThat(LogAudit.check(store, Optional.empty()).firstBadIndex()).hasValue(5);
  }
}
