package io.gardefou.store;

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

  /** Replaces the saved note. */
  public void save(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO ledger_checkpoint (id, note) VALUES (1, :note)
            ON CONFLICT (id) DO UPDATE SET note = excluded.note""")
        .bind("note", signedNote)
        .execute());
  }
}
