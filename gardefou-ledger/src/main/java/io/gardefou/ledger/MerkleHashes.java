package io.gardefou.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The Merkle tree hashes of RFC 9162 §2.1.1 with SHA-256.
 *
 * <p>The 0x00 / 0x01 prefixes keep a leaf from ever hashing like an interior node (second-preimage
 * resistance, RFC 9162 §2.1.1 last paragraph).
 */
public final class MerkleHashes {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final Hash EMPTY_ROOT = Hash.wrap(sha256().digest());

  private MerkleHashes() {}

  /** RFC 9162 §2.1.1: MTH({}) = SHA-256(), the root of the empty tree. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
  public static Hash leafHash(byte[] entry) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    digest.update(entry);
    return Hash.wrap(digest.digest());
  }

  /** RFC 9162 §2.1.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
  public static Hash nodeHash(Hash left, Hash right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    left.feed(digest);
    right.feed(digest);
    return Hash.wrap(digest.digest());
  }

  /**
   * MTH of a range tiled by complete subtrees, largest first: by §2.1.1 the first is D[0:k] and the
   * rest is D[k:n], recursively, so the hashes fold from the right.
   */
  static Hash foldRight(List<Hash> subtrees) {
    Hash hash = subtrees.getLast();
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      hash = nodeHash(subtrees.get(i), hash);
    }
    return hash;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
