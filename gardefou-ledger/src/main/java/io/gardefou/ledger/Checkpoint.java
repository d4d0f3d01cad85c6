package io.gardefou.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A log's signed statement of its size and root: the note text of C2SP tlog-checkpoint, that is the
 * origin, the tree size in decimal and the base64 root hash, one per line, then optional extension lines.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    if (origin.isEmpty() || origin.contains("\n")) { // tlog-checkpoint: the origin MUST be non-empty.
      throw new IllegalArgumentException("the origin must be one non-empty line, was '" + origin + "'");
    }
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be non-negative, was " + size);
    }
    for (String line : extensions) {
      if (line.isEmpty() || line.contains("\n")) { // tlog-checkpoint: extension lines MUST be non-empty.
        throw new IllegalArgumentException("extension lines must be single non-empty lines, was '" + line + "'");
      }
    }
  }

  /** A checkpoint without extension lines, which tlog-checkpoint recommends. */
  public static Checkpoint of(String origin, long size, Hash root) {
    return new Checkpoint(origin, size, root, List.of());
  }

  /** The note text: "origin\nsize\nbase64(root)\n" then each extension line and a newline. */
  public String body() {
    StringBuilder body = new StringBuilder()
        .append(origin).append('\n')
        .append(size).append('\n') // tlog-checkpoint: ASCII decimal, no leading zeroes.
        .append(root.base64()).append('\n'); // tlog-checkpoint: base64 (RFC 4648 §4) of the RFC 6962 root.
    extensions.forEach(line -> body.append(line).append('\n'));
    return body.toString();
  }

  /** This checkpoint as a note signed by {@code signer}. */
  public String sign(NoteSigner signer) {
    return SignedNote.sign(body(), signer).encode();
  }

  /**
   * The checkpoint in {@code signedNote}, once {@code verifier} has verified it. The origin must be the
   * verifier's key name: tlog-checkpoint says the log's key name SHOULD match the origin, and this
   * ledger always signs that way, so anything else is a checkpoint of another log.
   */
  public static Checkpoint verify(String signedNote, NoteVerifier verifier) {
    Checkpoint checkpoint = parseBody(SignedNote.parse(signedNote).verifiedText(verifier));
    if (!checkpoint.origin.equals(verifier.name())) {
      throw new InvalidNoteException("checkpoint origin '" + checkpoint.origin
          + "' is not the verifier's key name '" + verifier.name() + "'");
    }
    return checkpoint;
  }

  /** Parses a checkpoint note text (unsigned), rejecting anything that departs from tlog-checkpoint. */
  public static Checkpoint parseBody(String body) {
    if (!body.endsWith("\n")) {
      throw new InvalidNoteException("malformed checkpoint: the text must end in a newline");
    }
    List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
    if (lines.size() < 3) {
      throw new InvalidNoteException("malformed checkpoint: expected origin, size and root lines, got " + lines.size());
    }
    if (lines.stream().anyMatch(String::isEmpty)) { // "a sequence of at least three non-empty lines"
      throw new InvalidNoteException("malformed checkpoint: empty line in " + lines);
    }
    return new Checkpoint(lines.get(0), parseSize(lines.get(1)), parseRoot(lines.get(2)), lines.subList(3, lines.size()));
  }

  private static long parseSize(String line) {
    // tlog-checkpoint: "ASCII decimal ... with no leading zeroes (unless the tree is empty ...)".
    if (!line.chars().allMatch(c -> c >= '0' && c <= '9') || line.length() > 1 && line.startsWith("0")) {
      throw new InvalidNoteException("malformed checkpoint: tree size '" + line + "' is not a canonical decimal");
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new InvalidNoteException("malformed checkpoint: tree size " + line + " is beyond 2^63 - 1");
    }
  }

  private static Hash parseRoot(String line) {
    Hash root;
    try {
      root = Hash.fromBase64(line);
    } catch (IllegalArgumentException e) {
      throw new InvalidNoteException("malformed checkpoint: root hash '" + line + "': " + e.getMessage());
    }
    if (!root.base64().equals(line)) { // One encoding per root, so equal checkpoints are equal texts.
      throw new InvalidNoteException("malformed checkpoint: root hash '" + line + "' is not padded standard base64");
    }
    return root;
  }
}
