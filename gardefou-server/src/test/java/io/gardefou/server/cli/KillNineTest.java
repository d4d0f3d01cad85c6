package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

  @TempDir Path dir;

  @Test
  void everyAcknowledgedDecisionSurvivesKillNineAndTheLedgerVerifies() throws Exception {
    Path data = dir.resolve("data");
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ServerProcess server = ServerProcess.serve(data, dir.resolve("first.log"));
    try {
      AtomicBoolean stop = new AtomicBoolean();
      try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
          int id = caller;
          running.add(callers.submit(() -> call(server, id, stop, acknowledged)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && server.isAlive()) {
          Thread.sleep(20);
        }
        server.kill(); // no shutdown hook, no last checkpoint, requests in flight
        stop.set(true);
        for (Future<?> caller : running) {
          caller.get();
        }
      }
    } finally {
      server.kill();
    }
    assertThat(acknowledged).as(server.log()).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    ServerProcess restarted = ServerProcess.serve(data, dir.resolve("restarted.log"));
    try {
      HttpResponse<String> after = restarted.post("/v1/moderations", "{\"input\": \"a lighthouse after the restart\"}");
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      acknowledged.addAll(LedgerEntries.acknowledged(after));
    } finally {
      restarted.stop();
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
  private static Void call(ServerProcess server, int caller, AtomicBoolean stop, Queue<String> acknowledged) {
    for (int call = 0; !stop.get(); call++) {
      try {
        HttpResponse<String> response = server.post("/v1/moderations",
            "{\"input\": [\"a kite " + caller + "/" + call + "\", \"a harbour " + caller + "/" + call + "\"]}");
        acknowledged.addAll(LedgerEntries.acknowledged(response));
      } catch (IOException e) {
        return null; // killed: the connection was refused or cut
      }
    }
    return null;
  }
}
