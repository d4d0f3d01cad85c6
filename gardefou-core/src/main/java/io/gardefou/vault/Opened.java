package io.gardefou.vault;

import java.util.Objects;
import java.util.Optional;

/** An entry as read from the vault: its metadata and, unless shredded or not asked for, its decrypted contents. */
public record Opened(VaultEntry entry, Optional<Contents> contents) {
  public Opened {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(contents, "contents");
  }
}
