package io.gardefou.server.http;

import io.gardefou.account.Accounts;
import io.gardefou.actor.Appeals;
import io.gardefou.actor.InMemoryActorStore;
import io.gardefou.actor.InMemoryAppealStore;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standings;
import io.gardefou.actor.StrikeRules;
import io.gardefou.audit.AuditTrail;
import io.gardefou.gateway.Gateway;
import io.gardefou.ledger.Ledger;
import io.gardefou.screen.Screener;
import io.gardefou.server.Metrics;
import io.gardefou.server.ServerConfig;
import io.gardefou.vault.EvidenceVault;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The HTTP surface: routes to thin handlers, the one error table, and request metrics. */
public final class HttpApi {
  private static final String STARTED_AT = "gardefou.startedAt";

  private final ServerConfig config;
  private final List<HandlerMetaInfo> routes = new CopyOnWriteArrayList<>();
  private final Javalin app;

  /** The API with no actors' desk of its own: pseudonyms under a random key, standing and appeals in memory. */
  public HttpApi(
      ServerConfig config, Screener screener, Gateway gateway, Metrics metrics, BooleanSupplier storeReady,
      Ledger ledger, Accounts accounts) {
    this(config, screener, gateway, metrics, storeReady, ledger, inMemoryDesk(ledger), accounts);
  }

  public HttpApi(
      ServerConfig config, Screener screener, Gateway gateway, Metrics metrics, BooleanSupplier storeReady,
      Ledger ledger, ActorDesk actors, Accounts accounts) {
    this.config = config;
    this.app = Javalin.create(javalin -> {
      javalin.useVirtualThreads = true;
      javalin.showJavalinBanner = false;
      javalin.startupWatcherEnabled = false;
      javalin.http.maxRequestSize = config.maxJsonBytes();
      javalin.http.prefer405over404 = true;
      // Uploads past 1 MiB spill to disk; Jetty stops a body past the total while streaming it.
      javalin.jetty.multipartConfig.maxTotalRequestSize(EditsHandler.maxBodyBytes(config), SizeUnit.BYTES);
      javalin.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      javalin.events.handlerAdded(route -> AccessCheck.requireAccess(route).ifPresent(routes::add));
    });
    app.before(ctx -> ctx.attribute(STARTED_AT, System.nanoTime()));
    app.beforeMatched(new AccessCheck(accounts)::check);
    app.after(ctx -> recordRequest(ctx, metrics));

    // Who may call what, and why: docs/design/accounts.md.
    app.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")), Access.PUBLIC);
    app.get("/readyz", ctx -> ready(ctx, storeReady), Access.PUBLIC);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
        Access.PUBLIC);
    app.post("/v1/moderations", new ModerationHandler(screener, config, actors.pseudonyms()), Access.OPERATOR);
    ImageFiles files = new ImageFiles(config.gateway().imageUrlTtl(), config.gateway().imageStoreBytes(), Clock.systemUTC());
    app.post("/v1/images/generations", new GenerationsHandler(gateway, config, files, actors.pseudonyms()), Access.OPERATOR);
    app.post("/v1/images/edits", new EditsHandler(gateway, config, files, actors.pseudonyms()), Access.OPERATOR);
    app.get(ImageFilesHandler.PATH + "{token}", new ImageFilesHandler(files, Clock.systemUTC()), Access.PUBLIC);
    AuditHandlers audit = new AuditHandlers(ledger);
    app.get("/v1/audit/checkpoint", audit::checkpoint, Access.PUBLIC);
    app.get("/v1/audit/key", audit::key, Access.PUBLIC);
    app.get("/v1/audit/entries/{index}", audit::entry, Access.AUDITOR);
    app.get("/v1/audit/consistency", audit::consistency, Access.PUBLIC);
    ActorHandlers actorHandlers = new ActorHandlers(actors, config);
    app.post(ActorHandlers.APPEALS_PATH, actorHandlers::file, Access.OPERATOR);
    app.get(ActorHandlers.APPEALS_PATH, actorHandlers::list, Access.MODERATOR);
    app.post("/v1/appeals/{id}/decision", actorHandlers::decide, Access.MODERATOR);
    app.get("/v1/actors/{pseudonym}", actorHandlers::actor, Access.MODERATOR);
    app.post("/v1/actors/{pseudonym}/suspend", actorHandlers::suspend, Access.MODERATOR);
    app.post("/v1/actors/{pseudonym}/ban", actorHandlers::ban, Access.MODERATOR);
    app.post("/v1/actors/{pseudonym}/reinstate", actorHandlers::reinstate, Access.MODERATOR);
    app.post("/v1/actors/{pseudonym}/verification", actorHandlers::verification, Access.MODERATOR);

    ErrorTable.install(app);
  }

  /** The reports handler the API serves, for the console's downloads under its own session check. */
  public static io.javalin.http.Handler reportsHandler(io.gardefou.report.Reports reports) {
    return new ReportsHandler(reports)::handle;
  }

  /** Serves the reports at {@code GET /v1/reports/{kind}}, for auditors; call before {@link #start()}. */
  public void serveReports(io.gardefou.report.Reports reports) {
    app.get("/v1/reports/{kind}", new ReportsHandler(reports)::handle, Access.AUDITOR);
  }

  /** Adds the evidence vault's routes: reading for moderators, holds and erasure for admins. Before {@link #start()}. */
  public void serveEvidence(EvidenceVault vault) {
    EvidenceHandlers evidence = new EvidenceHandlers(vault);
    app.get("/v1/evidence/{decision_id}", evidence::read, Access.MODERATOR);
    app.post("/v1/evidence/{decision_id}/hold", evidence::hold, Access.ADMIN);
    app.post("/v1/evidence/{decision_id}/release", evidence::release, Access.ADMIN);
    app.delete("/v1/evidence/{decision_id}", evidence::erase, Access.ADMIN);
  }

  /** Every endpoint with the Access it was registered with; for tests that check every route. */
  public List<HandlerMetaInfo> routes() {
    return List.copyOf(routes);
  }

  /** Adds the hash-bank routes: counts for auditors and moderators, import and export for admins. */
  public HttpApi banks(io.gardefou.bank.HashBanks banks, java.time.Clock clock) {
    BankHandlers handlers = new BankHandlers(banks, clock);
    app.get("/v1/banks", handlers::list, Access.AUDITOR, Access.MODERATOR);
    app.post("/v1/banks/{bank}/import", handlers::importEntries, Access.ADMIN);
    app.get("/v1/banks/{bank}/export", handlers::export, Access.ADMIN);
    return this;
  }

  /** Adds routes registered elsewhere (the web console), each with its Access like every other. Before {@link #start()}. */
  public HttpApi routes(java.util.function.Consumer<Javalin> register) {
    register.accept(app);
    return this;
  }

  public void start() {
    app.start(config.host(), config.port());
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }

  private static ActorDesk inMemoryDesk(Ledger ledger) {
    byte[] key = new byte[Pseudonyms.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    AuditTrail trail = event -> ledger.append(event.canonicalJson());
    Standings standings = new Standings(new InMemoryActorStore(), StrikeRules.defaults(), trail, Clock.systemUTC());
    Appeals appeals = new Appeals(new InMemoryAppealStore(), decisionId -> Optional.empty(), standings, trail, Clock.systemUTC());
    return new ActorDesk(Pseudonyms.withKey(key), standings, appeals);
  }

  private static void ready(Context ctx, BooleanSupplier storeReady) {
    boolean ready = storeReady.getAsBoolean();
    ctx.status(ready ? 200 : 503).json(java.util.Map.of("status", ready ? "ready" : "store unavailable"));
  }

  private static void recordRequest(Context ctx, Metrics metrics) {
    Long started = ctx.attribute(STARTED_AT);
    if (started == null || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    // Unmatched paths share one label, so that scanners cannot blow up the metric's cardinality.
    String route = ctx.endpointHandlerPath().equals("*") ? "unmatched" : ctx.endpointHandlerPath();
    metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos(System.nanoTime() - started));
  }
}
