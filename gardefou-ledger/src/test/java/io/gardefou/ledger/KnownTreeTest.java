package io.gardefou.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight-leaf tree of certificate-transparency, as published in transparency-dev/merkle:
 * leaves, node hashes and roots from testonly/constants.go; proofs from proof/verify_test.go
 * (inclusionProofs, consistencyProofs — whose leaf numbers are 1-based, converted to indices here).
 */
class KnownTreeTest {
  private static final List<String> LEAVES = List.of(
      "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

  /** constants.go RootHashes(), by tree size 0..8. */
  private static final List<String> ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /** constants.go NodeHashes(): [level][index] of every complete subtree of the 8-leaf tree. */
  private static final List<List<String>> NODES = List.of(
      List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
          "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
          "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
          "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
      List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
      List.of("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
      List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

  private final InMemoryLogStore store = new InMemoryLogStore();
  private final MerkleTree tree = new MerkleTree(store);

  KnownTreeTest() {
    Ledger ledger = Ledger.builder().origin("test.example/log").signer(NoteSigner.generate("test.example/log"))
        .store(store).build();
    LEAVES.forEach(leaf -> ledger.append(HexFormat.of().parseHex(leaf)));
  }

  @Test
  void rootOfEverySizeMatchesPublishedRoots() {
    for (int size = 0; size <= 8; size++) {
      assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(Hash.fromHex(ROOTS.get(size)));
    }
  }

  @Test
  void appendingLeafByLeafGivesPublishedRootsIncrementally() {
    CompactRange range = CompactRange.empty();
    assertThat(range.root()).isEqualTo(Hash.fromHex(ROOTS.get(0)));
    for (int size = 1; size <= 8; size++) {
      byte[] entry = HexFormat.of().parseHex(LEAVES.get(size - 1));
      range = range.append(List.of(MerkleHashes.leafHash(entry)), new ArrayList<>());
      assertThat(range.root()).as("root after %d appends", size).isEqualTo(Hash.fromHex(ROOTS.get(size)));
      assertThat(CompactRange.load(store, size).root()).isEqualTo(range.root());
    }
  }

  @Test
  void storeHoldsEveryPublishedSubtreeHash() {
    for (int level = 0; level < NODES.size(); level++) {
      for (int index = 0; index < NODES.get(level).size(); index++) {
        assertThat(store.nodes(List.of(new NodeId(level, index))).getFirst())
            .as("node (%d, %d)", level, index)
            .isEqualTo(Hash.fromHex(NODES.get(level).get(index)));
      }
    }
  }

  static Stream<Arguments> inclusionProofs() {
    return Stream.of(
        Arguments.of(0, 1, List.of()),
        Arguments.of(0, 8, List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(5, 8, List.of(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 3, List.of(
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(1, 5, List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "leaf {0} in tree of size {1}")
  @MethodSource("inclusionProofs")
  void inclusionProofMatchesPublishedProofAndVerifies(long index, long size, List<String> expected) {
    List<Hash> proof = tree.inclusionProof(index, size);
    assertThat(proof).containsExactlyElementsOf(hashes(expected));
    Hash leaf = MerkleHashes.leafHash(HexFormat.of().parseHex(LEAVES.get((int) index)));
    assertThat(MerkleProofs.verifyInclusion(leaf, index, size, proof, Hash.fromHex(ROOTS.get((int) size)))).isTrue();
  }

  static Stream<Arguments> consistencyProofs() {
    return Stream.of(
        Arguments.of(1, 1, List.of()),
        Arguments.of(1, 8, List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(6, 8, List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 5, List.of(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(6, 7, List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
  }

  @ParameterizedTest(name = "from size {0} to size {1}")
  @MethodSource("consistencyProofs")
  void consistencyProofMatchesPublishedProofAndVerifies(long oldSize, long newSize, List<String> expected) {
    List<Hash> proof = tree.consistencyProof(oldSize, newSize);
    assertThat(proof).containsExactlyElementsOf(hashes(expected));
    assertThat(MerkleProofs.verifyConsistency(oldSize, newSize,
        Hash.fromHex(ROOTS.get((int) oldSize)), Hash.fromHex(ROOTS.get((int) newSize)), proof)).isTrue();
  }

  private static List<Hash> hashes(List<String> hex) {
    return hex.stream().map(Hash::fromHex).toList();
  }
}
