package io.gardefou.server;

import io.gardefou.account.Accounts;
import io.gardefou.actor.Appeals;
import io.gardefou.actor.DecisionLookup;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standings;
import io.gardefou.actor.StrikingVerdictLog;
import io.gardefou.audit.AuditTrail;
import io.gardefou.bank.BankDetector;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.InMemoryBankStore;
import io.gardefou.gateway.DemoUpstream;
import io.gardefou.gateway.Gateway;
import io.gardefou.gateway.OutputRegistry;
import io.gardefou.gateway.RecentOutputs;
import io.gardefou.gateway.Upstream;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.ImageDetector;
import io.gardefou.image.RequestDecoder;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.Policy;
import io.gardefou.policy.SwappablePolicy;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.report.EvalFigures;
import io.gardefou.report.Measures;
import io.gardefou.report.Reports;
import io.gardefou.screen.Detector;
import io.gardefou.screen.Precheck;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.server.console.Console;
import io.gardefou.server.http.ActorDesk;
import io.gardefou.server.http.HttpApi;
import io.gardefou.server.upstream.HttpUpstream;
import io.gardefou.store.Database;
import io.gardefou.store.LedgerVerdictLog;
import io.gardefou.store.VerdictRecords;
import io.gardefou.text.TextDetector;
import java.time.Clock;
import io.gardefou.vault.EvidenceVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  /** Outputs remembered for "was this made here?" until the generated-outputs hash bank is wired. */
  private static final int RECENT_OUTPUTS = 100_000;

  private final Database database;
  private final AuditTrail auditTrail;
  private final Optional<PolicyReloader> reloader;
  private final HashBanks banks;
  private final Screener screener;
  private final Accounts accounts;
  private final HttpApi http;
  private final EvidenceVault vault;
  private final ScheduledExecutorService vaultPurge;

  private Gardefou(ServerConfig config) {
    Pseudonyms pseudonyms = ActorKey.loadOrCreate(config.dataDir());
    this.database = database(config);
    LedgerVerdictLog ledgerLog;
    try {
      ledgerLog = database.ledgerVerdictLog(LedgerKey.loadOrCreate(config.dataDir()), LEDGER_QUEUE, LEDGER_BATCH);
      this.vault = vault(config, database, ledgerLog);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    this.auditTrail = ledgerLog;
    Ledger ledger = ledgerLog.ledger();
    LOG.info("Audit ledger {} at size {}; verifier key {}", ledger.origin(), ledger.head().size(),
        ledger.verifier().verifierKey());
    Metrics metrics = new Metrics();
    SwappablePolicy policy = new SwappablePolicy(policy(config));
    this.reloader = config.policyDir().map(dir -> PolicyReloader.watch(dir, config.tenants(), policy, POLICY_POLL));
    this.banks = HashBanks.open(database.bankStore(), Clock.systemUTC());
    LOG.info("Hash banks: {} ({} bytes of PDQ index)", banks.counts(), banks.indexBytes());
    AuditTrail audit = ledgerLog;
    Standings standings = new Standings(database.actors(), config.strikes(), audit, Clock.systemUTC());
    Appeals appeals = new Appeals(database.appeals(), decisions(database.verdicts()), standings, audit, Clock.systemUTC());
    // The vault keeps a refusal's contents only after the ledger recorded its decision.
    this.screener = screener(config,
        vault.recording(new StrikingVerdictLog(metrics.counting(ledgerLog), standings)), policy, banks, metrics::timed,
        standings);
    this.accounts = accounts(database, ledgerLog);
    AdminKey.issueIfNone(accounts, config.dataDir());
    this.http = new HttpApi(config, screener, gateway(config, screener, new GeneratedOutputsBank(banks)), metrics, database::ping, ledger,
        new ActorDesk(pseudonyms, standings, appeals), accounts);
    http.serveEvidence(vault);
    this.vaultPurge = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("gardefou-vault-purge").daemon().factory());
    long every = config.vault().purgeEvery().toMillis();
    vaultPurge.scheduleWithFixedDelay(this::purgeVault, 0, every, TimeUnit.MILLISECONDS);
    http.banks(banks, Clock.systemUTC());
    io.gardefou.report.Reports reports = reports(config, database, ledger);
    http.serveReports(reports);
    http.routes(new Console(new Console.Parts(accounts, database.verdicts(), database.reviewActions(), database.takedowns(),
        appeals, standings, banks, ledger, audit, imageDecoder(config), vault, metrics::scrape,
        config.dataDir().resolve(EvalFigures.LATEST),
        () -> policy.current() instanceof PackPolicy packs ? packs : policy(config), config.policyDir(), Clock.systemUTC()),
        HttpApi.reportsHandler(reports))::routes);
  }

  /** The HTTP API with every route this server registered; for tests that check every route. */
  HttpApi http() {
    return http;
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
   * opt-in, default jurisdiction) and deadline. Without a database, its hash banks are empty.
   */
  public static Screener screener(ServerConfig config, VerdictLog log) {
    return screener(config, log, policy(config), HashBanks.open(new InMemoryBankStore(), Clock.systemUTC()),
        UnaryOperator.identity());
  }

  private static Screener screener(ServerConfig config, VerdictLog log, Policy policy, HashBanks banks,
      UnaryOperator<Detector> timing, Precheck... prechecks) {
    RequestDecoder images = RequestDecoder.over(imageDecoder(config)); // one decode per image for both detectors
    Screener.Builder builder = Screener.builder()
        .detector(timing.apply(TextDetector.create()))
        .detector(timing.apply(new BankDetector(images, banks)))
        .detector(timing.apply(ImageDetector.create(images)))
        .policy(policy)
        .deadline(config.deadline())
        .log(log);
    for (Precheck precheck : prechecks) {
      builder.precheck(precheck);
    }
    return builder.build();
  }

  /** Recorded decisions as an appeal needs them: tenant, actor pseudonym, decision. */
  private static DecisionLookup decisions(VerdictRecords verdicts) {
    return decisionId -> verdicts.find(decisionId).map(verdict -> new DecisionLookup.Recorded(
        verdict.decisionId(), verdict.tenant(), verdict.actorId(), verdict.decision()));
  }

  /** The images gateway, its outputs registered in memory only: for tools and tests without a store. */
  public static Gateway gateway(ServerConfig config, Screener screener) {
    return gateway(config, screener, new RecentOutputs(RECENT_OUTPUTS));
  }

  /** The images gateway over the screener and the configured upstream, the built-in demo one by default. */
  public static Gateway gateway(ServerConfig config, Screener screener, OutputRegistry outputs) {
    GatewaySettings settings = config.gateway();
    Upstream upstream = settings.demo()
        ? DemoUpstream.create()
        : HttpUpstream.create(settings.upstream(), settings.upstreamApiKey(), settings.upstreamTimeout());
    if (settings.demo()) {
      LOG.warn("images upstream: the built-in DEMO (synthetic gradients and shapes); set --upstream URL for a real model");
    } else {
      LOG.info("images upstream: {} (API key {})", settings.upstream(), settings.upstreamApiKey().isPresent() ? "set" : "not set");
    }
    return Gateway.create(screener, upstream, imageDecoder(config), settings.maxImagesN(), settings.maxConcurrentPerTenant(),
        outputs);
  }

  /** Image decoding within the limits, the client's upload limit included: the same for every entry point. */
  public static ImageDecoder imageDecoder(ServerConfig config) {
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
    return List.of(TextDetector.NAME, BankDetector.NAME, ImageDetector.NAME);
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

  /** The evidence vault over the database's vault store, under the configured or the data directory's master key. */
  public static EvidenceVault vault(ServerConfig config, Database database, AuditTrail trail) {
    return EvidenceVault.builder()
        .store(database.vaultStore())
        .masterKey(VaultKey.resolve(config.vault(), config.dataDir()))
        .defaultRetention(config.vault().defaultRetention())
        .auditTrail(trail)
        .build();
  }

  /** The evidence vault of refused requests. */
  public EvidenceVault vault() {
    return vault;
  }

  private void purgeVault() {
    try {
      vault.purge();
    } catch (RuntimeException e) {
      LOG.error("Vault purge failed; it runs again next period", e);
    }
  }

  /** The configured store: the JDBC URL, else the SQLite file under the data directory; migrated as it opens. */
  public static Database database(ServerConfig config) {
    return config.database().isEmpty() ? Database.openDefault(config.dataDir()) : Database.open(config.database());
  }

  /** The API keys over the store; key creation and revocation are recorded in {@code trail}. */
  public static Accounts accounts(Database database, AuditTrail trail) {
    return Accounts.builder().store(database.keys()).auditTrail(trail).build();
  }

  /**
   * Accountable acts other than verdicts, each appended to {@code ledger} as its canonical JSON. A seam: the
   * ledger's own batching AuditTrail (issue #7, ledger part) replaces it in the server when it lands.
   */
  public static AuditTrail ledgerTrail(Ledger ledger) {
    return event -> ledger.append(event.canonicalJson());
  }

  /** The ledger in the configured store and data directory, as a command-line tool appends to it. */
  public static AuditTrail ledgerTrail(ServerConfig config, Database database) {
    NoteSigner signer = LedgerKey.loadOrCreate(config.dataDir());
    return ledgerTrail(Ledger.builder().origin(signer.name()).signer(signer).store(database.logStore()).build());
  }

  /** The API keys this server checks; for tests and tools that issue keys to a running server. */
  public Accounts accounts() {
    return accounts;
  }

  /** The hash banks, whose index every screening queries: add outputs, take-downs; ask "was this made here?". */
  public HashBanks banks() {
    return banks;
  }

  /** The recorded verdicts, read back. */
  public VerdictRecords verdicts() {
    return database.verdicts();
  }

  /** Where accountable acts other than decisions are recorded: the same ledger, batched with the decisions. */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  /** The port the server listens on, which differs from the configured one when that was 0. */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    reloader.ifPresent(PolicyReloader::close);
    vaultPurge.shutdownNow();
    http.stop();
    screener.close();
    database.close();
  }
}
