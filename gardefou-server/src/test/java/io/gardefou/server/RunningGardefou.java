package io.gardefou.server;

import io.gardefou.audit.AuditTrail;
import io.gardefou.store.VerdictRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real Garde-fou on a free loopback port with its own SQLite file, and a plain HTTP client for it. Its
 * deadline is generous: these tests are about behaviour, and a loaded test machine must not make a detector
 * miss the production deadline and fail closed (the fail-closed tests set their own deadlines).
 */
public final class RunningGardefou implements AutoCloseable {
  /** The defaults on a free port, with a deadline no loaded test machine misses. */
  public static final ServerConfig TESTING = ServerConfig.defaults().withPort(0).withDeadline(Duration.ofSeconds(30));

  private final Gardefou gardefou;
  private final Path dataDir;
  private final HttpClient client = HttpClient.newHttpClient();

  private RunningGardefou(Gardefou gardefou, Path dataDir) {
    this.gardefou = gardefou;
    this.dataDir = dataDir;
  }

  public static RunningGardefou start() {
    return start(config -> config);
  }

  /** A server whose defaults (port 0, a fresh data directory) are changed by {@code configure}. */
  public static RunningGardefou start(UnaryOperator<ServerConfig> configure) {
    try {
      Path dataDir = Files.createTempDirectory("gardefou-test");
      ServerConfig config = configure.apply(TESTING.withDataDir(dataDir));
      return new RunningGardefou(Gardefou.start(config), dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + gardefou.port();
  }

  /** The ledger's audit trail, for tests that record accountable acts beside the decisions. */
  public AuditTrail auditTrail() {
    return gardefou.auditTrail();
  }

  public VerdictRecords verdicts() {
    return gardefou.verdicts();
  }

  public Path dataDir() {
    return dataDir;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    gardefou.close();
    client.close();
  }
}
