package io.gardefou.store;

import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.InvalidNoteException;
import io.gardefou.ledger.SignedNote;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The latest signed checkpoint of the ledger, kept beside it so that an auditor can verify the data offline. */
public final class CheckpointRecords {
  private final Jdbi jdbi;

  CheckpointRecords(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /** The last saved signed note, if any was saved. */
  public Optional<String> latest() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT note FROM ledger_checkpoint WHERE id = 1")
        .mapTo(String.class)
        .findOne());
  }

  /**
   * Replaces the saved note unless the saved one is of a larger tree: gateway nodes sharing the database save
   * in turn, and a node that saw the log a moment earlier must not move the checkpoint back.
   *
   * @throws InvalidNoteException if {@code signedNote} is not a checkpoint note
   */
  public void save(String signedNote) {
    long size = Checkpoint.parseBody(SignedNote.parse(signedNote).text()).size();
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO ledger_checkpoint (id, note, size) VALUES (1, :note, :size)
            ON CONFLICT (id) DO UPDATE SET note = excluded.note, size = excluded.size
            WHERE ledger_checkpoint.size <= excluded.size""")
        .bind("note", signedNote)
        .bind("size", size)
        .execute());
  }
}
