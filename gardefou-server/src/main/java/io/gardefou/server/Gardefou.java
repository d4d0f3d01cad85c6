package io.gardefou.server;

import io.gardefou.gateway.DemoUpstream;
import io.gardefou.gateway.Gateway;
import io.gardefou.gateway.Upstream;
import io.gardefou.hash.PdqDetector;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.NudityDetector;
import io.gardefou.ledger.Ledger;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.Policy;
import io.gardefou.policy.SwappablePolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.http.HttpApi;
import io.gardefou.server.upstream.HttpUpstream;
import io.gardefou.store.Database;
import io.gardefou.store.LedgerVerdictLog;
import io.gardefou.store.VerdictRecords;
import io.gardefou.text.TextDetector;
import io.gardefou.report.EvalFigures;
import io.gardefou.report.Measures;
import io.gardefou.report.Reports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires Garde-fou together by constructors: the one place that knows every part. */
public final class Gardefou implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gardefou.class);
  /** How often a {@code --policy} directory is looked at for changed packs. */
  static final Duration POLICY_POLL = Duration.ofSeconds(2);
  /** Verdicts waiting for the ledger before callers get back-pressure, and the most committed at once. */
  private static final int LEDGER_QUEUE = 10_000;
  private static final int LEDGER_BATCH = 1_024;

  private final Database database;
  private final Optional<PolicyReloader> reloader;
  private final Screener screener;
  private final HttpApi http;

  private Gardefou(ServerConfig config) {
    this.database = config.database().isEmpty()
        ? Database.openDefault(config.dataDir())
        : Database.open(config.database());
    LedgerVerdictLog ledgerLog;
    try {
      ledgerLog = database.ledgerVerdictLog(LedgerKey.loadOrCreate(config.dataDir()), LEDGER_QUEUE, LEDGER_BATCH);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Ledger ledger = ledgerLog.ledger();
    LOG.info("Audit ledger {} at size {}; verifier key {}", ledger.origin(), ledger.head().size(),
        ledger.verifier().verifierKey());
    Metrics metrics = new Metrics();
    SwappablePolicy policy = new SwappablePolicy(policy(config));
    this.reloader = config.policyDir().map(dir -> PolicyReloader.watch(dir, config.tenants(), policy, POLICY_POLL));
    this.screener = screener(config, metrics.counting(ledgerLog), policy);
    this.http = new HttpApi(config, screener, gateway(config, screener), metrics, database::ping, ledger);
    http.serveReports(reports(config, database, ledger));
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
    return screener(config, log, policy(config));
  }

  private static Screener screener(ServerConfig config, VerdictLog log, Policy policy) {
    return Screener.builder()
        .detector(TextDetector.create())
        .detector(new PdqDetector(decoder(config)))
        .detector(NudityDetector.create(decoder(config)))
        .policy(policy)
        .deadline(config.deadline())
        .log(log)
        .build();
  }

  /** The images gateway over the screener and the configured upstream, the built-in demo one by default. */
  public static Gateway gateway(ServerConfig config, Screener screener) {
    GatewaySettings settings = config.gateway();
    Upstream upstream = settings.demo()
        ? DemoUpstream.create()
        : HttpUpstream.create(settings.upstream(), settings.upstreamApiKey(), settings.upstreamTimeout());
    if (settings.demo()) {
      LOG.warn("images upstream: the built-in DEMO (synthetic gradients and shapes); set --upstream URL for a real model");
    } else {
      LOG.info("images upstream: {} (API key {})", settings.upstream(), settings.upstreamApiKey().isPresent() ? "set" : "not set");
    }
    return Gateway.create(screener, upstream, decoder(config), settings.maxImagesN());
  }

  /** Image decoding within the limits, the client's upload limit included. */
  private static ImageDecoder decoder(ServerConfig config) {
    ImageLimits defaults = ImageLimits.defaults();
    return ImageDecoder.create(new ImageLimits(
        config.gateway().maxImageBytes(), defaults.maxPixels(), defaults.maxFrames(), defaults.maxDimension()));
  }

  /**
   * The policy packs for the configured tenants: loaded, compiled and checked once; a bad pack stops the start
   * with a message naming it.
   */
  public static PackPolicy policy(ServerConfig config) {
    return config.policyDir().map(PolicyPacks::load).orElseGet(PolicyPacks::bundled).withTenants(config.tenants());
  }

  /** The names of the detectors {@link #screener} runs, in its order. */
  public static List<String> detectorNames() {
    return List.of(TextDetector.NAME, PdqDetector.NAME, NudityDetector.NAME);
  }

  /**
   * The reports over {@code database} and {@code ledger}: measures from the configured packs and detectors, efficacy
   * from the last {@code gardefou eval} saved under the data directory.
   */
  public static Reports reports(ServerConfig config, Database database, Ledger ledger) {
    Path latestEval = config.dataDir().resolve(EvalFigures.LATEST);
    return Reports.create(database.reportSource(), ledger, Measures.of(policy(config), detectorNames()),
        () -> EvalFigures.read(latestEval));
  }

  /** The recorded verdicts, read back. */
  public VerdictRecords verdicts() {
    return database.verdicts();
  }

  /** The port the server listens on, which differs from the configured one when that was 0. */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    reloader.ifPresent(PolicyReloader::close);
    http.stop();
    screener.close();
    database.close();
  }
}
