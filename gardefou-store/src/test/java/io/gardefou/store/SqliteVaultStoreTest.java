package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.bank.BankDetector;
import io.gardefou.model.InputImage;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.vault.Change;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault store on a SQLite file, and what its files hold: no content in the clear, no shredded key. */
final class SqliteVaultStoreTest extends VaultStoreContract {
  @TempDir Path temp;

  @Override
  String createEmptyDatabase() {
    return "jdbc:sqlite:" + temp.resolve("gardefou.db");
  }

  @Override
  void dropDatabase() {
    // @TempDir deletes the files.
  }

  @Test
  void aKnownCsamImageNeverReachesTheDatabaseFilesWhileAnOrdinaryUploadDoesEncrypted() throws IOException {
    Database database = open();
    EvidenceVault vault = vault(database.vaultStore(), MasterKey.generate(), Clock.fixed(START, ZoneOffset.UTC));
    InputImage banked = image("BANKED-IMAGE-MARKER");
    InputImage ordinary = image("ORDINARY-IMAGE-MARKER");

    vault.keep(edit(banked), refusal(edit(banked), Signals.from(BankDetector.NAME).fact(BankDetector.FACT_BANK_MATCH, "known-csam pdq 0 case-1").build()));
    Verdict kept = refusal(edit(ordinary), Signals.empty());
    vault.keep(edit(ordinary), kept);

    byte[] files = databaseFiles();
    assertThat(indexOf(files, Arrays.copyOf(banked.bytes(), 64))).as("banked image bytes in the files").isNegative();
    assertThat(indexOf(files, Arrays.copyOf(ordinary.bytes(), 64))).as("uploads are encrypted").isNegative();
    assertThat(indexOf(files, PROMPT.getBytes(StandardCharsets.UTF_8))).as("prompts are encrypted").isNegative();
    assertThat(indexOf(files, banked.sha256().getBytes(StandardCharsets.US_ASCII))).as("its digest is kept").isNotNegative();
    assertThat(vault.open(kept.decisionId(), "m", true).orElseThrow().contents().orElseThrow().images()).containsExactly(ordinary);
  }

  @Test
  void anErasedEntrysWrappedKeyIsGoneFromTheDatabaseFiles() throws IOException {
    Database database = open();
    EvidenceVault vault = vault(database.vaultStore(), MasterKey.generate(), Clock.fixed(START, ZoneOffset.UTC));
    InputImage upload = image("UPLOAD-MARKER");
    Verdict verdict = refusal(edit(upload), Signals.empty());
    vault.keep(edit(upload), verdict);
    byte[] wrappedKey = database.vaultStore().sealed(verdict.decisionId()).orElseThrow().wrappedKey();
    byte[] ciphertext = Arrays.copyOf(database.vaultStore().sealed(verdict.decisionId()).orElseThrow().ciphertext(), 64);
    assertThat(indexOf(databaseFiles(), wrappedKey)).as("the wrapped key before erasure").isNotNegative();

    assertThat(vault.erase(verdict.decisionId(), "key_admin", "data-subject request")).isEqualTo(Change.APPLIED);

    byte[] files = databaseFiles();
    assertThat(indexOf(files, wrappedKey)).as("the wrapped key after erasure").isNegative();
    assertThat(indexOf(files, ciphertext)).as("the ciphertext after erasure").isNegative();
  }

  private byte[] databaseFiles() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String name : new String[] {"gardefou.db", "gardefou.db-wal", "gardefou.db-shm"}) {
      Path file = temp.resolve(name);
      if (Files.exists(file)) {
        all.write(Files.readAllBytes(file));
      }
    }
    return all.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
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
