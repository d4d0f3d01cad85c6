package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store-backed tree and the verifiers against {@link ReferenceTree}, on random entries and sizes. */
class MerkleTreeAgainstReferenceTest {
  private static final int MAX_SIZE = 300;
  private static final long SEED = 9162L; // Fixed, so a failure replays.

  private final Random random = new Random(SEED);
  private final List<byte[]> entries = new ArrayList<>();
  private final InMemoryLogStore store = new InMemoryLogStore();
  private final MerkleTree tree = new MerkleTree(store);
  private final ReferenceTree reference;

  MerkleTreeAgainstReferenceTest() {
    Ledger ledger = Ledger.builder().origin("test.example/log").signer(NoteSigner.generate("test.example/log"))
        .store(store).build();
    while (entries.size() < MAX_SIZE) { // Random batch sizes, so batch boundaries fall everywhere.
      List<byte[]> batch = new ArrayList<>();
      for (int i = random.nextInt(1, 12); i > 0 && entries.size() + batch.size() < MAX_SIZE; i--) {
        byte[] entry = new byte[random.nextInt(0, 40)];
        random.nextBytes(entry);
        batch.add(entry);
      }
      ledger.append(batch);
      entries.addAll(batch);
    }
    reference = new ReferenceTree(entries);
  }

  @Test
  void rootOfEverySizeMatchesReference() {
    for (int size = 0; size <= MAX_SIZE; size++) {
      assertThat(tree.root(size)).as("size %d", size).isEqualTo(reference.root(size));
      assertThat(CompactRange.load(store, size).root()).as("compact range of size %d", size)
          .isEqualTo(reference.root(size));
    }
  }

  @Test
  void everyInclusionProofOfSmallTreesMatchesReferenceAndVerifies() {
    for (int size = 1; size <= 40; size++) {
      for (int index = 0; index < size; index++) {
        checkInclusion(index, size);
      }
    }
  }

  @Test
  void randomInclusionProofsMatchReferenceVerifyAndResistTampering() {
    for (int trial = 0; trial < 400; trial++) {
      int size = random.nextInt(1, MAX_SIZE + 1);
      int index = random.nextInt(size);
      List<Hash> proof = checkInclusion(index, size);
      Hash leaf = leafHash(index);
      Hash root = reference.root(size);

      for (int i = 0; i < proof.size(); i++) {
        assertThat(MerkleProofs.verifyInclusion(leaf, index, size, flipped(proof, i), root))
            .as("byte flipped in element %d of proof for %d in %d", i, index, size).isFalse();
      }
      if (!proof.isEmpty()) {
        assertThat(MerkleProofs.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root))
            .as("truncated").isFalse();
      }
      List<Hash> extended = new ArrayList<>(proof);
      extended.add(root);
      assertThat(MerkleProofs.verifyInclusion(leaf, index, size, extended, root)).as("extended").isFalse();
      for (int otherIndex : new int[] {index - 1, index + 1, index ^ 2}) {
        assertThat(MerkleProofs.verifyInclusion(leaf, otherIndex, size, proof, root))
            .as("proof for %d in %d claimed for index %d", index, size, otherIndex).isFalse();
      }
      // A proof binds the size only through the root: against another size's true root it must
      // fail, unless it happens to be that size's proof as well.
      for (int otherSize : new int[] {size - 1, size + 1, 2 * size, size / 2}) {
        if (otherSize > index && otherSize <= MAX_SIZE && otherSize != size) {
          boolean sameProof = reference.inclusionProof(index, otherSize).equals(proof);
          assertThat(MerkleProofs.verifyInclusion(leaf, index, otherSize, proof, reference.root(otherSize)))
              .as("proof for %d in %d claimed for size %d", index, size, otherSize).isEqualTo(sameProof);
        }
      }
    }
  }

  @Test
  void everyConsistencyProofOfSmallTreesMatchesReferenceAndVerifies() {
    for (int newSize = 0; newSize <= 40; newSize++) {
      for (int oldSize = 0; oldSize <= newSize; oldSize++) {
        checkConsistency(oldSize, newSize);
      }
    }
  }

  @Test
  void randomConsistencyProofsMatchReferenceVerifyAndResistTampering() {
    for (int trial = 0; trial < 400; trial++) {
      int newSize = random.nextInt(2, MAX_SIZE + 1);
      int oldSize = random.nextInt(1, newSize);
      List<Hash> proof = checkConsistency(oldSize, newSize);
      Hash oldRoot = reference.root(oldSize);
      Hash newRoot = reference.root(newSize);

      for (int i = 0; i < proof.size(); i++) {
        assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, flipped(proof, i)))
            .as("byte flipped in element %d of proof %d -> %d", i, oldSize, newSize).isFalse();
      }
      assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
          .as("truncated").isFalse();
      assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)).as("swapped roots").isFalse();
      for (int otherOld : new int[] {oldSize - 1, oldSize + 1}) {
        if (otherOld > 0 && otherOld < newSize) {
          boolean sameProof = reference.consistencyProof(otherOld, newSize).equals(proof);
          assertThat(MerkleProofs.verifyConsistency(otherOld, newSize, reference.root(otherOld), newRoot, proof))
              .as("proof %d -> %d claimed from %d", oldSize, newSize, otherOld).isEqualTo(sameProof);
        }
      }
      for (int otherNew : new int[] {newSize - 1, newSize + 1}) {
        if (otherNew > oldSize && otherNew <= MAX_SIZE) {
          boolean sameProof = reference.consistencyProof(oldSize, otherNew).equals(proof);
          assertThat(MerkleProofs.verifyConsistency(oldSize, otherNew, oldRoot, reference.root(otherNew), proof))
              .as("proof %d -> %d claimed to %d", oldSize, newSize, otherNew).isEqualTo(sameProof);
        }
      }
    }
  }

  private List<Hash> checkInclusion(int index, int size) {
    List<Hash> proof = tree.inclusionProof(index, size);
    assertThat(proof).as("inclusion of %d in %d", index, size).isEqualTo(reference.inclusionProof(index, size));
    assertThat(MerkleProofs.verifyInclusion(leafHash(index), index, size, proof, reference.root(size)))
        .as("verify inclusion of %d in %d", index, size).isTrue();
    return proof;
  }

  private List<Hash> checkConsistency(int oldSize, int newSize) {
    List<Hash> proof = tree.consistencyProof(oldSize, newSize);
    assertThat(proof).as("consistency %d -> %d", oldSize, newSize)
        .isEqualTo(reference.consistencyProof(oldSize, newSize));
    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, reference.root(oldSize), reference.root(newSize), proof))
        .as("verify consistency %d -> %d", oldSize, newSize).isTrue();
    return proof;
  }

  private Hash leafHash(int index) {
    return MerkleHashes.leafHash(entries.get(index));
  }

  private List<Hash> flipped(List<Hash> proof, int element) {
    byte[] bytes = proof.get(element).bytes();
    bytes[random.nextInt(Hash.SIZE)] ^= (byte) (1 << random.nextInt(8));
    List<Hash> copy = new ArrayList<>(proof);
    copy.set(element, Hash.of(bytes));
    return copy;
  }
}
