package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final String ORIGIN = "gardefou.test/ledger";
  private final NoteSigner signer = NoteSigner.generate(ORIGIN);

  @Test
  void builderNamesTheBadSetting() {
    assertThatThrownBy(() -> Ledger.builder().signer(signer).build()).hasMessageStartingWith("ledger origin:");
    assertThatThrownBy(() -> Ledger.builder().origin("has space").signer(signer).build())
        .hasMessageStartingWith("ledger origin:");
    assertThatThrownBy(() -> Ledger.builder().origin(ORIGIN).build()).hasMessageStartingWith("ledger signer:");
    assertThatThrownBy(() -> Ledger.builder().origin("other.test/log").signer(signer).build())
        .hasMessage("ledger signer: key name 'gardefou.test/ledger' must equal the origin 'other.test/log'");
    assertThatThrownBy(() -> Ledger.builder().origin(ORIGIN).signer(signer).store(null).build())
        .hasMessageStartingWith("ledger store:");
  }

  @Test
  void emptyLedgerHasEmptyRootAndSignsSizeZero() {
    Ledger ledger = ledger(new InMemoryLogStore());
    assertThat(ledger.head()).isEqualTo(new TreeHead(0, MerkleHashes.emptyRoot()));
    assertThat(Checkpoint.verify(ledger.checkpoint(), ledger.verifier()))
        .isEqualTo(Checkpoint.of(ORIGIN, 0, MerkleHashes.emptyRoot()));
  }

  @Test
  void batchesGetConsecutiveIndicesAndEntriesReadBack() {
    Ledger ledger = ledger(new InMemoryLogStore());
    assertThat(ledger.append(List.of(bytes("a"), bytes("b"), bytes("c")))).isEqualTo(new Appended(0, 3));
    assertThat(ledger.append(List.of())).isEqualTo(new Appended(3, 0));
    assertThat(ledger.append(bytes("d"))).isEqualTo(3);
    assertThat(ledger.entry(1)).isEqualTo(bytes("b"));
    assertThat(ledger.head().size()).isEqualTo(4);
    assertThatThrownBy(() -> ledger.entry(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ledger.inclusionProof(0, 5)).hasMessage("tree size 5 is outside [0, 4]");
  }

  @Test
  void auditorVerifiesCheckpointsInclusionAndConsistencyFromVerifierKeyAlone() {
    Ledger ledger = ledger(new InMemoryLogStore());
    ledger.append(entries(0, 37));
    String older = ledger.checkpoint();
    ledger.append(entries(37, 100));
    String newer = ledger.checkpoint();

    NoteVerifier auditor = NoteVerifier.fromVerifierKey(ledger.verifier().verifierKey());
    Checkpoint before = Checkpoint.verify(older, auditor);
    Checkpoint after = Checkpoint.verify(newer, auditor);
    assertThat(MerkleProofs.verifyConsistency(before.size(), after.size(), before.root(), after.root(),
        ledger.consistencyProof(before.size(), after.size()))).isTrue();
    assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(ledger.entry(42)), 42, after.size(),
        ledger.inclusionProof(42, after.size()), after.root())).isTrue();
    assertThat(ledger.root(before.size())).isEqualTo(before.root());
  }

  @Test
  void ledgerResumesFromItsStore() {
    InMemoryLogStore store = new InMemoryLogStore();
    ledger(store).append(entries(0, 13));
    Ledger resumed = ledger(store);
    assertThat(resumed.head().size()).isEqualTo(13);
    resumed.append(entries(13, 20));
    List<byte[]> all = entries(0, 20);
    assertThat(resumed.head().root()).isEqualTo(new ReferenceTree(all).root(20));
  }

  @Test
  void refusedStoreWriteLeavesTheLedgerUnchanged() {
    InMemoryLogStore memory = new InMemoryLogStore();
    boolean[] refuse = {false};
    LogStore store = new LogStore() {
      @Override
      public long size() {
        return memory.size();
      }

      @Override
      public List<Hash> nodes(List<NodeId> ids) {
        return memory.nodes(ids);
      }

      @Override
      public byte[] entry(long index) {
        return memory.entry(index);
      }

      @Override
      public void append(long fromSize, List<byte[]> entries, List<Node> completed) {
        if (refuse[0]) {
          throw new IllegalStateException("disk full");
        }
        memory.append(fromSize, entries, completed);
      }
    };
    Ledger ledger = ledger(store);
    ledger.append(entries(0, 5));
    TreeHead before = ledger.head();
    refuse[0] = true;

    assertThatThrownBy(() -> ledger.append(entries(5, 8))).hasMessage("disk full");
    assertThat(ledger.head()).isEqualTo(before);
    refuse[0] = false;
    assertThat(ledger.append(entries(5, 6)).first()).isEqualTo(5);
  }

  @Test
  void appendsWhereTheSharedStoreEndsWhenAnotherLedgerMovedIt() {
    InMemoryLogStore store = new InMemoryLogStore();
    Ledger first = ledger(store);
    Ledger second = ledger(store);
    first.append(entries(0, 5));

    assertThat(second.head().size()).isZero(); // It has not looked yet.
    assertThat(second.append(entries(5, 7)).first()).isEqualTo(5);
    assertThat(first.append(entries(7, 8)).first()).isEqualTo(7);
    assertThat(second.refresh()).isEqualTo(first.head());
    List<byte[]> all = entries(0, 8);
    assertThat(first.head().root()).isEqualTo(new ReferenceTree(all).root(8));
  }

  @Test
  void ledgersSharingOneStoreFromManyThreadsKeepOneConsistentLog() throws Exception {
    InMemoryLogStore store = new InMemoryLogStore();
    List<Ledger> nodes = List.of(ledger(store), ledger(store), ledger(store));
    Set<Long> indices = ConcurrentHashMap.newKeySet();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 30; w++) {
        Ledger node = nodes.get(w % nodes.size());
        int writer = w;
        work.add(threads.submit(() -> {
          for (int b = 0; b < 20; b++) {
            Appended appended = node.append(List.of(bytes(writer + "/" + b), bytes(writer + "/" + b + "'")));
            assertThat(indices.add(appended.index(0)) && indices.add(appended.index(1))).isTrue();
            assertThat(node.entry(appended.index(1))).isEqualTo(bytes(writer + "/" + b + "'"));
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    }
    assertThat(indices).hasSize(1_200);
    nodes.forEach(Ledger::refresh);
    assertThat(nodes).extracting(Ledger::head).containsOnly(nodes.getFirst().head());
    assertThat(LogAudit.check(store, Optional.empty()).ok()).isTrue();
  }

  @Test
  void concurrentAppendersFromVirtualThreadsGetUniqueIndicesAndProvableEntries() throws Exception {
    InMemoryLogStore store = new InMemoryLogStore();
    Ledger ledger = ledger(store);
    int writers = 64;
    int batchesEach = 40;
    Set<Long> indices = ConcurrentHashMap.newKeySet();
    List<String> readerFailures = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        work.add(threads.submit(() -> {
          for (int b = 0; b < batchesEach; b++) {
            List<byte[]> batch = new ArrayList<>();
            for (int e = 0; e <= (writer + b) % 7; e++) {
              batch.add(bytes(writer + "/" + b + "/" + e));
            }
            Appended appended = ledger.append(batch);
            for (int e = 0; e < batch.size(); e++) {
              assertThat(indices.add(appended.index(e))).isTrue();
              assertThat(ledger.entry(appended.index(e))).isEqualTo(batch.get(e));
            }
          }
          return null;
        }));
      }
      // A reader checks every checkpoint it sees is consistent with the previous one, while writers run.
      work.add(threads.submit(() -> {
        Checkpoint last = Checkpoint.of(ORIGIN, 0, MerkleHashes.emptyRoot());
        for (int i = 0; i < 200; i++) {
          Checkpoint next = Checkpoint.verify(ledger.checkpoint(), ledger.verifier());
          if (!MerkleProofs.verifyConsistency(last.size(), next.size(), last.root(), next.root(),
              ledger.consistencyProof(last.size(), next.size()))) {
            synchronized (readerFailures) {
              readerFailures.add(last.size() + " -> " + next.size());
            }
          }
          last = next;
        }
        return null;
      }));
      for (Future<?> future : work) {
        future.get();
      }
    }
    assertThat(readerFailures).isEmpty();
    long size = ledger.head().size();
    assertThat(indices).hasSize((int) size);
    assertThat(indices.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(size - 1);

    List<byte[]> inIndexOrder = new ArrayList<>();
    for (long i = 0; i < size; i++) {
      inIndexOrder.add(ledger.entry(i));
    }
    Hash root = ledger.head().root();
    assertThat(root).isEqualTo(new ReferenceTree(inIndexOrder).root((int) size));
    for (long i = 0; i < size; i++) {
      assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(inIndexOrder.get((int) i)), i, size,
          ledger.inclusionProof(i, size), root)).as("entry %d", i).isTrue();
    }
  }

  private Ledger ledger(LogStore store) {
    return Ledger.builder().origin(ORIGIN).signer(signer).store(store).build();
  }

  private static List<byte[]> entries(int from, int to) {
    List<byte[]> entries = new ArrayList<>();
    for (int i = from; i < to; i++) {
      entries.add(bytes("entry " + i));
    }
    return entries;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
