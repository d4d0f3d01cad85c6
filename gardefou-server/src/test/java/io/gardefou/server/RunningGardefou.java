package io.gardefou.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import io.gardefou.store.VerdictRecords;

/** A real Garde-fou on a free loopback port with its own SQLite file, and a plain HTTP client for it. */
public final class RunningGardefou implements AutoCloseable {
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
      ServerConfig config = configure.apply(ServerConfig.defaults().withPort(0).withDataDir(dataDir));
      return new RunningGardefou(Gardefou.start(config), dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + gardefou.port();
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
