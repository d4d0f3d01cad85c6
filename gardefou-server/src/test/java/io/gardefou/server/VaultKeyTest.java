package io.gardefou.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.vault.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the vault's master key comes from: the settings, else an owner-only file made on first start. */
class VaultKeyTest {
  @TempDir Path data;

  private static VaultSettings noKey() {
    return new VaultSettings(Optional.empty(), Duration.ofDays(30), Duration.ofHours(1));
  }

  @Test
  void generatesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
    MasterKey first = VaultKey.resolve(noKey(), data.resolve("nested"));
    MasterKey second = VaultKey.resolve(noKey(), data.resolve("nested"));

    Path file = data.resolve("nested").resolve(VaultKey.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(Files.readString(file).strip()).isEqualTo(first.base64());
  }

  @Test
  void aConfiguredKeyWinsOverTheFileAndABadOneIsNamedWithoutBeingEchoed() {
    MasterKey configured = MasterKey.generate();

    assertThat(VaultKey.resolve(noKey().withMasterKey(configured.base64()), data).id()).isEqualTo(configured.id());
    assertThat(data.resolve(VaultKey.FILE)).doesNotExist();
    assertThatThrownBy(() -> VaultKey.resolve(noKey().withMasterKey("dG9vLXNob3J0"), data))
        .hasMessageContaining("vault_master_key").hasMessageContaining("32 bytes").hasMessageNotContaining("dG9vLXNob3J0");
  }

  @Test
  void readsTheVaultSettingsFromTheConfigFileAndNeverPrintsTheKey() throws Exception {
    String key = MasterKey.generate().base64();
    Path file = data.resolve("gardefou.yaml");
    Files.writeString(file, "vault_master_key: " + key + "\nvault_default_retention: P1Y\n");

    ServerConfig config = ServerConfig.load(file);

    assertThat(config.vault().masterKey()).contains(key);
    assertThat(config.vault().defaultRetention()).isEqualTo(Duration.ofDays(365));
    assertThat(config.toString()).doesNotContain(key);
    Files.writeString(file, "vault_default_retention: a month\n");
    assertThatThrownBy(() -> ServerConfig.load(file)).hasMessageContaining("vault_default_retention");
  }
}
