package io.gardefou.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A slow, obviously-correct Merkle tree: RFC 9162 §2.1.1 MTH, §2.1.3.1 PATH and §2.1.4.1 SUBPROOF as
 * literal recursion over the entries, with its own SHA-256 calls. O(n) per root, O(n log n) per proof.
 */
final class ReferenceTree {
  private final List<byte[]> entries;

  ReferenceTree(List<byte[]> entries) {
    this.entries = List.copyOf(entries);
  }

  /** MTH(D[0:size]). */
  Hash root(int size) {
    return Hash.of(mth(0, size));
  }

  /** PATH(m, D[0:size]). */
  List<Hash> inclusionProof(int m, int size) {
    return path(m, 0, size).stream().map(Hash::of).toList();
  }

  /** PROOF(m, D[0:size]) = SUBPROOF(m, D[0:size], true); empty outside 0 < m < size. */
  List<Hash> consistencyProof(int m, int size) {
    if (m == 0 || m == size) {
      return List.of();
    }
    return subproof(m, 0, size, true).stream().map(Hash::of).toList();
  }

  // §2.1.1: MTH({}) = SHA-256(); MTH({d(0)}) = SHA-256(0x00 || d(0));
  // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 smaller than n.
  private byte[] mth(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return sha256(new byte[] {0x00}, entries.get(from));
    }
    int k = split(n);
    return sha256(new byte[] {0x01}, mth(from, from + k), mth(from + k, to));
  }

  // §2.1.3.1: PATH(0, {d(0)}) = {}; for m < k: PATH(m, D[0:k]) : MTH(D[k:n]);
  // for m >= k: PATH(m - k, D[k:n]) : MTH(D[0:k]).
  private List<byte[]> path(int m, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return new ArrayList<>();
    }
    int k = split(n);
    List<byte[]> path;
    if (m < k) {
      path = path(m, from, from + k);
      path.add(mth(from + k, to));
    } else {
      path = path(m - k, from + k, to);
      path.add(mth(from, from + k));
    }
    return path;
  }

  // §2.1.4.1: SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])};
  // for m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); for m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
  private List<byte[]> subproof(int m, int from, int to, boolean b) {
    int n = to - from;
    if (m == n) {
      List<byte[]> proof = new ArrayList<>();
      if (!b) {
        proof.add(mth(from, to));
      }
      return proof;
    }
    int k = split(n);
    List<byte[]> proof;
    if (m <= k) {
      proof = subproof(m, from, from + k, b);
      proof.add(mth(from + k, to));
    } else {
      proof = subproof(m - k, from + k, to, false);
      proof.add(mth(from, from + k));
    }
    return proof;
  }

  private static int split(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
