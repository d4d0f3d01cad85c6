package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verifiers of RFC 9162 §2.1.3.2 and §2.1.4.2, step by step as the RFC states them, for anyone
 * holding a root: auditors, monitors, tests. They answer false rather than throw for any bad proof.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /** RFC 9162 §2.1.3.2: whether {@code proof} shows leaf {@code leafHash} at {@code index} in the tree {@code root}. */
  public static boolean verifyInclusion(Hash leafHash, long index, long treeSize, List<Hash> proof, Hash root) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(root, "root");
    List<Hash> path = List.copyOf(proof);
    if (index < 0 || index >= treeSize) { // 1. leaf_index >= tree_size fails (and a negative one).
      return false;
    }
    long fn = index; // 2. Set fn to leaf_index and sn to tree_size - 1.
    long sn = treeSize - 1;
    Hash r = leafHash; // 3. Set r to hash.
    for (Hash p : path) { // 4. For each value p in the inclusion_path array:
      if (sn == 0) { // a. If sn is 0, stop and fail.
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) { // b. If LSB(fn) is set, or fn equals sn:
        r = MerkleHashes.nodeHash(p, r); // i. r = HASH(0x01 || p || r).
        while ((fn & 1) == 0 && fn != 0) { // ii. Unless LSB(fn): shift until LSB(fn) is set or fn is 0.
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleHashes.nodeHash(r, p); // Otherwise: i. r = HASH(0x01 || r || p).
      }
      fn >>= 1; // c. Right-shift both fn and sn one time.
      sn >>= 1;
    }
    return sn == 0 && r.equals(root); // 5. sn is 0 and r equals root_hash.
  }

  /**
   * RFC 9162 §2.1.4.2: whether {@code proof} shows the tree {@code newRoot} extends the tree {@code oldRoot}.
   * The RFC covers 0 < oldSize < newSize; outside it, only the empty proof of the trivial cases passes:
   * equal sizes with equal roots, or an old tree that is the empty tree (root SHA-256 of nothing).
   */
  public static boolean verifyConsistency(long oldSize, long newSize, Hash oldRoot, Hash newRoot, List<Hash> proof) {
    Objects.requireNonNull(oldRoot, "oldRoot");
    Objects.requireNonNull(newRoot, "newRoot");
    List<Hash> path = new ArrayList<>(List.copyOf(proof));
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return path.isEmpty() && oldRoot.equals(newRoot);
    }
    if (oldSize == 0) {
      return path.isEmpty() && oldRoot.equals(MerkleHashes.emptyRoot());
    }
    if (path.isEmpty()) { // 1. An empty consistency_path fails.
      return false;
    }
    if (Long.bitCount(oldSize) == 1) { // 2. If first is an exact power of 2, prepend first_hash.
      path.addFirst(oldRoot);
    }
    long fn = oldSize - 1; // 3. Set fn to first - 1 and sn to second - 1.
    long sn = newSize - 1;
    while ((fn & 1) == 1) { // 4. If LSB(fn) is set, right-shift fn and sn until it is not.
      fn >>= 1;
      sn >>= 1;
    }
    Hash fr = path.getFirst(); // 5. Set both fr and sr to the first value.
    Hash sr = path.getFirst();
    for (Hash c : path.subList(1, path.size())) { // 6. For each subsequent value c:
      if (sn == 0) { // a. If sn is 0, stop and fail.
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) { // b. If LSB(fn) is set, or fn equals sn:
        fr = MerkleHashes.nodeHash(c, fr); // i. fr = HASH(0x01 || c || fr).
        sr = MerkleHashes.nodeHash(c, sr); // ii. sr = HASH(0x01 || c || sr).
        while ((fn & 1) == 0 && fn != 0) { // iii. Unless LSB(fn): shift until LSB(fn) is set or fn is 0.
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleHashes.nodeHash(sr, c); // Otherwise: i. sr = HASH(0x01 || sr || c).
      }
      fn >>= 1; // c. Right-shift both fn and sn one time.
      sn >>= 1;
    }
    return fr.equals(oldRoot) && sr.equals(newRoot) && sn == 0; // 7. fr, sr match and sn is 0.
  }
}
