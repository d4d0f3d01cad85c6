package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** A hash held in a bank: a PDQ hash, matched by distance, or an MD5 or SHA-256 of the file's bytes, matched exactly. */
public sealed interface BankHash {
  Kind kind();

  /** Lowercase hex digits. */
  String hex();

  static BankHash pdq(PdqHash hash) {
    return new Pdq(hash);
  }

  static BankHash md5(String hex) {
    return new Exact(Kind.MD5, hex);
  }

  static BankHash sha256(String hex) {
    return new Exact(Kind.SHA256, hex);
  }

  static BankHash of(Kind kind, String hex) {
    return kind == Kind.PDQ ? pdq(PdqHash.fromHex(hex)) : new Exact(kind, hex);
  }

  /** The hash kinds, with their stored names. */
  enum Kind {
    PDQ("pdq", 64),
    MD5("md5", 32),
    SHA256("sha256", 64);

    private final String id;
    private final int hexLength;

    Kind(String id, int hexLength) {
      this.id = id;
      this.hexLength = hexLength;
    }

    public String id() {
      return id;
    }

    public static Kind fromId(String id) {
      for (Kind kind : values()) {
        if (kind.id.equals(id)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("a hash kind is pdq, md5 or sha256, got '" + id + "'");
    }
  }

  /** A PDQ hash. */
  record Pdq(PdqHash hash) implements BankHash {
    public Pdq {
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public Kind kind() {
      return Kind.PDQ;
    }

    @Override
    public String hex() {
      return hash.toHex();
    }
  }

  /** A cryptographic digest of the file's bytes. */
  record Exact(Kind kind, String hex) implements BankHash {
    public Exact {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(hex, "hex");
      if (kind == Kind.PDQ) {
        throw new IllegalArgumentException("a PDQ hash is matched by distance, not exactly");
      }
      hex = hex.toLowerCase(Locale.ROOT);
      if (hex.length() != kind.hexLength || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException(
            "an " + kind.id + " hash is " + kind.hexLength + " hex digits, got '" + abbreviate(hex) + "'");
      }
    }

    private static String abbreviate(String s) {
      return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
  }

  /** The MD5 and SHA-256 of {@code bytes}, the exact hashes banks hold (StopNCII and NCMEC lists use MD5). */
  static java.util.List<BankHash> digests(byte[] bytes) {
    try {
      HexFormat hex = HexFormat.of();
      return java.util.List.of(
          md5(hex.formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes))),
          sha256(hex.formatHex(io.gardefou.model.Digests.sha256(bytes))));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }
}
