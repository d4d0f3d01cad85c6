package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifiers outside the RFC's 0 < m < n, after transparency-dev/merkle proof/verify_test.go. */
class MerkleProofsTest {
  private static final Hash EMPTY = MerkleHashes.emptyRoot();
  private static final Hash SOME = Hash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");
  private static final Hash OTHER = MerkleHashes.leafHash(new byte[] {1});

  @Test
  void inclusionFailsForIndexOutsideTree() {
    for (long[] probe : new long[][] {{0, 0}, {1, 0}, {2, 1}, {-1, 4}}) {
      assertThat(MerkleProofs.verifyInclusion(SOME, probe[0], probe[1], List.of(), SOME))
          .as("index %d, size %d", probe[0], probe[1]).isFalse();
    }
  }

  @Test
  void singleLeafTreeIsItsOwnRootWithEmptyProof() {
    assertThat(MerkleProofs.verifyInclusion(SOME, 0, 1, List.of(), SOME)).isTrue();
    assertThat(MerkleProofs.verifyInclusion(SOME, 0, 1, List.of(), OTHER)).isFalse();
    assertThat(MerkleProofs.verifyInclusion(SOME, 0, 1, List.of(SOME), SOME)).isFalse();
  }

  @Test
  void consistencyOfEqualSizesNeedsEqualRootsAndEmptyProof() {
    assertThat(MerkleProofs.verifyConsistency(3, 3, SOME, SOME, List.of())).isTrue();
    assertThat(MerkleProofs.verifyConsistency(3, 3, SOME, OTHER, List.of())).isFalse();
    assertThat(MerkleProofs.verifyConsistency(3, 3, SOME, SOME, List.of(EMPTY))).isFalse();
  }

  @Test
  void consistencyFromEmptyTreeNeedsEmptyRootAndEmptyProof() {
    assertThat(MerkleProofs.verifyConsistency(0, 5, EMPTY, SOME, List.of())).isTrue();
    assertThat(MerkleProofs.verifyConsistency(0, 0, EMPTY, EMPTY, List.of())).isTrue();
    assertThat(MerkleProofs.verifyConsistency(0, 5, SOME, SOME, List.of())).isFalse();
    assertThat(MerkleProofs.verifyConsistency(0, 5, EMPTY, SOME, List.of(EMPTY))).isFalse();
  }

  @Test
  void consistencyFailsGoingBackInTimeOrWithEmptyProof() {
    assertThat(MerkleProofs.verifyConsistency(2, 1, SOME, OTHER, List.of())).isFalse();
    assertThat(MerkleProofs.verifyConsistency(1, 0, SOME, EMPTY, List.of())).isFalse();
    assertThat(MerkleProofs.verifyConsistency(1, 2, SOME, OTHER, List.of())).isFalse();
    assertThat(MerkleProofs.verifyConsistency(-1, 2, SOME, OTHER, List.of(SOME))).isFalse();
  }
}
