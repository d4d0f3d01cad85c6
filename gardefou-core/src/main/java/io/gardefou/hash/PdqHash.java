package io.gardefou.hash;

import java.util.Objects;

/**
 * A 256-bit PDQ hash. Bit {@code k} (0..255) says whether DCT coefficient {@code (k / 16, k % 16)} is above the
 * median; the components hold bits 192..255, 128..191, 64..127 and 0..63, in the order they are printed.
 */
public record PdqHash(long bits192, long bits128, long bits64, long bits0) {
  /** Hamming distance at or under which two PDQ hashes are taken to match (ThreatExchange pdq/README.md). */
  public static final int MATCH_DISTANCE = 31;

  private static final int HEX_LENGTH = 64;

  /**
   * Parses the reference's 64-hex-digit form ({@code Hash256.toString()}: 16-bit words w[15]..w[0], which is
   * bit 255 first). Anything else is refused: upstream banks have shipped truncated "hashes" (ThreatExchange #1609).
   */
  public static PdqHash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got " + hex.length() + " characters");
    }
    long[] words = new long[4];
    for (int w = 0; w < 4; w++) {
      for (int i = w * 16; i < w * 16 + 16; i++) {
        char c = hex.charAt(i);
        int digit = c < 128 ? Character.digit(c, 16) : -1; // ASCII only: Character.digit also takes other scripts' digits
        if (digit < 0) {
          throw new IllegalArgumentException("not a hex digit at " + i + " in PDQ hash: '" + c + "'");
        }
        words[w] = words[w] << 4 | digit;
      }
    }
    return new PdqHash(words[0], words[1], words[2], words[3]);
  }

  /** Builds a hash from its 256 bits, {@code bits[k]} being bit k. */
  static PdqHash fromBits(boolean[] bits) {
    long[] words = new long[4];
    for (int k = 0; k < 256; k++) {
      if (bits[k]) {
        words[k >>> 6] |= 1L << (k & 63);
      }
    }
    return new PdqHash(words[3], words[2], words[1], words[0]);
  }

  /** The reference's 64 lowercase hex digits, bit 255 first. */
  public String toHex() {
    return hex16(bits192) + hex16(bits128) + hex16(bits64) + hex16(bits0);
  }

  /** Number of differing bits, 0..256. */
  public int distance(PdqHash other) {
    return Long.bitCount(bits192 ^ other.bits192) + Long.bitCount(bits128 ^ other.bits128)
        + Long.bitCount(bits64 ^ other.bits64) + Long.bitCount(bits0 ^ other.bits0);
  }

  /** Number of set bits: exactly 128 for a hash of a real image (bits are "above the median"), so far from it is suspect. */
  public int weight() {
    return Long.bitCount(bits192) + Long.bitCount(bits128) + Long.bitCount(bits64) + Long.bitCount(bits0);
  }

  @Override
  public String toString() {
    return toHex();
  }

  private static String hex16(long word) {
    String digits = Long.toHexString(word);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
