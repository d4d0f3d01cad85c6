package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The crash test: {@code gardefou serve} as a process of its own, killed with SIGKILL while callers keep it
 * busy on loopback. After a restart on the same data every decision a caller got a 200 for is in the ledger,
 * once, and {@code ledger verify} passes. A response leaves only after its decision is committed, so nothing
 * acknowledged can be lost; decisions committed but never answered may be there too.
 */
class KillNineTest {
  private static final int CALLERS = 8;
  /** Enough acknowledged decisions that several batches were committed before the kill. */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120); // a loaded 2-core machine

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedDecisionSurvivesKillNineAndTheLedgerVerifies() throws Exception {
    Path data = dir.resolve("data");
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    int port = freePort();
    Process server = serve(data, port, "first");
    try {
      awaitHealthy(server, port, "first");
      AtomicBoolean stop = new AtomicBoolean();
      try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
          int id = caller;
          running.add(callers.submit(() -> call(port, id, stop, acknowledged)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && server.isAlive()) {
          Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint, requests in flight
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Future<?> caller : running) {
          caller.get();
        }
      }
    } finally {
      server.destroyForcibly();
    }
    assertThat(acknowledged).as(log("first")).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    int restartPort = freePort();
    Process restarted = serve(data, restartPort, "restarted");
    try {
      awaitHealthy(restarted, restartPort, "restarted");
      HttpResponse<String> after = moderate(restartPort, "{\"input\": \"a lighthouse after the restart\"}");
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      acknowledged.addAll(LedgerEntries.acknowledged(after));
    } finally {
      restarted.destroy(); // SIGTERM this time: the shutdown hook commits and keeps a last checkpoint
      if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
        restarted.destroyForcibly();
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("ledger", "verify", "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("signed checkpoint at size");
    try (Database database = Database.openDefault(data)) {
      List<String> logged = LedgerEntries.decisionIds(database.logStore());
      assertThat(logged).doesNotHaveDuplicates().containsAll(acknowledged);
    }
  }

  /** One caller: moderation after moderation until told to stop or the server is gone. */
  private Void call(int port, int caller, AtomicBoolean stop, Queue<String> acknowledged) {
    for (int call = 0; !stop.get(); call++) {
      try {
        HttpResponse<String> response = moderate(port,
            "{\"input\": [\"a kite " + caller + "/" + call + "\", \"a harbour " + caller + "/" + call + "\"]}");
        acknowledged.addAll(LedgerEntries.acknowledged(response));
      } catch (IOException e) {
        return null; // killed: the connection was refused or cut
      }
    }
    return null;
  }

  private HttpResponse<String> moderate(int port, String json) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/moderations"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** {@code java -cp <this test's class path> … Main serve}: the real command in a JVM of its own. */
  private Process serve(Path data, int port, String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, Main.class.getName(), "serve", "--port", Integer.toString(port), "--data", data.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private void awaitHealthy(Process server, int port, String name) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
        .timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      assertThat(server.isAlive()).as("the %s server exited: %s", name, log(name)).isTrue();
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the " + name + " server did not start within " + START_TIMEOUT + ": " + log(name));
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
