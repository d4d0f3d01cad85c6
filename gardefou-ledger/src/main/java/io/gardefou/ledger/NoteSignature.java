package io.gardefou.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: the key's name, its 4-byte key ID, and the signature bytes that
 * follow the ID (C2SP signed-note, "Signatures": base64(32-bit key ID || signature)).
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  public NoteSignature {
    NoteKeys.checkKeyName(keyName);
    Objects.requireNonNull(signature, "signature");
    signature = signature.clone();
  }

  /** A copy of the signature bytes, without the key ID. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line as it appears in a note: em dash, space, key name, space, base64, newline. */
  public String line() {
    byte[] idAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return "\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that
        && keyName.equals(that.keyName) && keyId == that.keyId && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + "+" + NoteKeys.hex8(keyId) + "]";
  }
}
