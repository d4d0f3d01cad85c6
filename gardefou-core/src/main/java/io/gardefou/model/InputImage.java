package io.gardefou.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** An image that comes with a request (an edit's source photo) or from the upstream model (an output). */
public final class InputImage {
  private final String name;
  private final byte[] bytes;

  private InputImage(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = bytes.clone();
  }

  public static InputImage of(String name, byte[] bytes) {
    return new InputImage(name, Objects.requireNonNull(bytes, "bytes"));
  }

  public String name() {
    return name;
  }

  public int size() {
    return bytes.length;
  }

  /** A copy of the encoded bytes; the image itself stays immutable. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public String sha256() {
    return HexFormat.of().formatHex(Digests.sha256(bytes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputImage other && name.equals(other.name) && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "InputImage[" + name + ", " + bytes.length + " bytes]";
  }
}
