package io.gardefou.vault;

/** Finding one byte string in another, for tests that look for content where it must not be. */
final class Bytes {
  private Bytes() {}

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
