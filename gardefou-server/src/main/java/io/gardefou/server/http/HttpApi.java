package io.gardefou.server.http;

import io.gardefou.gateway.Gateway;
import io.gardefou.ledger.Ledger;
import io.gardefou.screen.Screener;
import io.gardefou.server.Metrics;
import io.gardefou.server.ServerConfig;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The HTTP surface: routes to thin handlers, the one error table, and request metrics. */
public final class HttpApi {
  private static final String STARTED_AT = "gardefou.startedAt";

  private final ServerConfig config;
  private final Javalin app;

  public HttpApi(
      ServerConfig config, Screener screener, Gateway gateway, Metrics metrics, BooleanSupplier storeReady,
      Ledger ledger) {
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
    });
    app.before(ctx -> ctx.attribute(STARTED_AT, System.nanoTime()));
    app.after(ctx -> recordRequest(ctx, metrics));

    app.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")));
    app.get("/readyz", ctx -> ready(ctx, storeReady));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.post("/v1/moderations", new ModerationHandler(screener, config));
    app.post("/v1/images/generations", new GenerationsHandler(gateway, config));
    app.post("/v1/images/edits", new EditsHandler(gateway, config));
    AuditHandlers audit = new AuditHandlers(ledger);
    app.get("/v1/audit/checkpoint", audit::checkpoint);
    app.get("/v1/audit/key", audit::key);
    app.get("/v1/audit/entries/{index}", audit::entry);
    app.get("/v1/audit/consistency", audit::consistency);

    ErrorTable.install(app);
  }

  /** Serves the reports at {@code GET /v1/reports/{kind}}, for auditors; call before {@link #start()}. */
  public void serveReports(io.gardefou.report.Reports reports) {
    app.get("/v1/reports/{kind}", new ReportsHandler(reports)::handle, Access.AUDITOR);
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
