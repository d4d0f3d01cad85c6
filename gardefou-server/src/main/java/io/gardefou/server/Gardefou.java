package io.gardefou.server;

import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.http.HttpApi;
import io.gardefou.store.Database;
import io.gardefou.text.TextDetector;

/** Wires Garde-fou together by constructors: the one place that knows every part. */
public final class Gardefou implements AutoCloseable {
  private final Database database;
  private final Screener screener;
  private final HttpApi http;

  private Gardefou(ServerConfig config) {
    this.database = config.database().isEmpty()
        ? Database.openDefault(config.dataDir())
        : Database.open(config.database());
    Metrics metrics = new Metrics();
    this.screener = screener(config, metrics.counting(database.verdictLog()));
    this.http = new HttpApi(config, screener, metrics, database::ping);
  }

  /** Opens the store, builds the screener and starts serving; {@link #close()} stops it all. */
  public static Gardefou start(ServerConfig config) {
    Gardefou gardefou = new Gardefou(config);
    try {
      gardefou.http.start();
      return gardefou;
    } catch (RuntimeException e) {
      gardefou.close();
      throw e;
    }
  }

  /**
   * The screener every entry point shares: the same detectors, policy, tenants' settings (adult-content
   * opt-in, default jurisdiction) and deadline.
   */
  public static Screener screener(ServerConfig config, VerdictLog log) {
    return Screener.builder()
        .detector(TextDetector.create())
        .policy(policy(config).withTenants(config.tenants()))
        .deadline(config.deadline())
        .log(log)
        .build();
  }

  /** The policy packs: loaded, compiled and checked once; a bad pack stops the start with a message naming it. */
  public static PackPolicy policy(ServerConfig config) {
    return config.policyDir().map(PolicyPacks::load).orElseGet(PolicyPacks::bundled);
  }

  /** The port the server listens on, which differs from the configured one when that was 0. */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop();
    screener.close();
    database.close();
  }
}
