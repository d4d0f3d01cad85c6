package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.server.AdminKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gardefou serve} in a JVM of its own ({@code java -cp <this test's class path> … Main serve}) on a free
 * loopback port, its output in a log file beside the data; for tests that kill it or run several.
 */
final class ServerProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120); // a loaded 2-core machine

  private final Process process;
  private final int port;
  private final Path log;
  private final Path data;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServerProcess(Process process, int port, Path log, Path data) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.data = data;
  }

  /** Starts serving {@code data} (and {@code --db url} if given) and returns once {@code /healthz} answers. */
  static ServerProcess serve(Path data, Path log, String... extraArgs) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
        "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName(), "serve",
        "--port", Integer.toString(port), "--data", data.toString()));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(process, port, log, data);
    try {
      server.awaitHealthy();
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
    return server;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, requests in flight are cut. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed server exits").isTrue();
  }

  /** SIGTERM: the shutdown hook commits what is queued and keeps a last checkpoint. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  /** Posts with the admin key in the data directory: the one the first start wrote, or one a test copied there. */
  HttpResponse<String> post(String path, String json) throws IOException {
    return send(HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Files.readString(data.resolve(AdminKey.FILE)).strip())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  /** What the process printed, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the server exited: %s", log()).isTrue();
      try {
        if (get("/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start within " + START_TIMEOUT + ": " + log());
  }
}
