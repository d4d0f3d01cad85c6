package io.gardefou.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A text and its signatures in the C2SP signed-note format: the text (ending in a newline), a blank
 * line, then one line per signature. Parsing only checks the form; {@link #verifiedText} checks keys.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /** Go's note package rejects more than 100; the spec asks verifiers to accept at least 16. */
  static final int MAX_SIGNATURES = 100;

  private static final String SIGNATURE_PREFIX = "\u2014 ";

  public SignedNote {
    checkText(Objects.requireNonNull(text, "text"));
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new InvalidNoteException(
          "malformed note: " + signatures.size() + " signatures, expected 1 to " + MAX_SIGNATURES);
    }
  }

  /** {@code text} signed by {@code signer}. */
  public static SignedNote sign(String text, NoteSigner signer) {
    checkText(text);
    return new SignedNote(text, List.of(signer.sign(text)));
  }

  /** Parses a signed note, rejecting anything that departs from C2SP signed-note "Format". */
  public static SignedNote parse(String note) {
    // "The text is separated from the signatures by the last empty line in the note."
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new InvalidNoteException("malformed note: no blank line between text and signatures");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty() || !block.endsWith("\n")) {
      throw new InvalidNoteException("malformed note: the signature lines must each end in a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (signatures.size() == MAX_SIGNATURES) {
        throw new InvalidNoteException("malformed note: more than " + MAX_SIGNATURES + " signatures");
      }
      signatures.add(parseSignature(line));
    }
    return new SignedNote(text, signatures);
  }

  /** The note as text: {@code text}, a blank line, the signature lines. */
  public String encode() {
    StringBuilder note = new StringBuilder(text).append('\n');
    signatures.forEach(signature -> note.append(signature.line()));
    return note.toString();
  }

  /**
   * The text, once {@code verifier} has verified a signature over it. C2SP signed-note, "Signatures":
   * lines from other keys (a different name or key ID) are ignored; a line that claims this key but
   * does not verify rejects the whole note; no verified line rejects it too.
   */
  public String verifiedText(NoteVerifier verifier) {
    boolean verified = false;
    for (NoteSignature signature : signatures) {
      if (verifier.isKeyOf(signature)) {
        if (!verifier.verify(text, signature)) {
          throw new InvalidNoteException("invalid signature for key " + verifier.name() + "+"
              + NoteKeys.hex8(verifier.keyId()) + ": the text or the signature was altered");
        }
        verified = true;
      }
    }
    if (!verified) {
      throw new InvalidNoteException("note has no signature by key " + verifier.name() + "+"
          + NoteKeys.hex8(verifier.keyId()) + "; it is signed by " + signatures);
    }
    return text;
  }

  /** Signature line: em dash (U+2014), space, key name, space, base64(key ID || signature). */
  private static NoteSignature parseSignature(String line) {
    int space = line.indexOf(' ', SIGNATURE_PREFIX.length());
    if (!line.startsWith(SIGNATURE_PREFIX) || space < 0) {
      throw new InvalidNoteException("malformed note: '" + line + "' is not '\u2014 <key name> <base64>'");
    }
    String name = line.substring(SIGNATURE_PREFIX.length(), space);
    byte[] bytes;
    try {
      NoteKeys.checkKeyName(name);
      bytes = Base64.getDecoder().decode(line.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidNoteException("malformed note: signature line '" + line + "': " + e.getMessage());
    }
    if (bytes.length < 5) {
      throw new InvalidNoteException("malformed note: signature of '" + name + "' is shorter than a key ID and one byte");
    }
    int keyId = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    return new NoteSignature(name, keyId, Arrays.copyOfRange(bytes, 4, bytes.length));
  }

  /** C2SP signed-note, "Format": the text ends in a newline and has no control characters but newline. */
  private static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new InvalidNoteException("malformed note: the text must be non-empty and end in a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new InvalidNoteException("malformed note: control character U+%04X at offset %d".formatted((int) c, i));
      }
    }
  }
}
