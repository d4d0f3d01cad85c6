package io.gardefou.ledger;

/** A signed note or checkpoint that is malformed or not signed by the expected key; the message says which. */
public final class InvalidNoteException extends IllegalArgumentException {
  public InvalidNoteException(String message) {
    super(message);
  }
}
