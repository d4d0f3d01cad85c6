package io.gardefou.server.cli;

import io.gardefou.server.ServerConfig;
import java.nio.file.Path;

/** Resolves the settings common to every command: the config file, then the flags over it. */
final class Settings {
  private Settings() {}

  static ServerConfig resolve(Path configFile, Path dataDir, String database) {
    ServerConfig settings = configFile == null ? ServerConfig.defaults() : ServerConfig.load(configFile);
    if (dataDir != null) {
      settings = settings.withDataDir(dataDir);
    }
    if (database != null) {
      settings = settings.withDatabase(database);
    }
    return settings;
  }
}
