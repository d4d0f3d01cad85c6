package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.NoteVerifier;
import io.gardefou.server.AdminKey;
import io.gardefou.server.LocalPostgres;
import io.gardefou.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two gateway nodes, two processes, on one PostgreSQL database, each with its own data directory (the ledger
 * key copied to the second, as an operator would): under concurrent load on both, the log stays one, every
 * acknowledged decision is in it exactly once, and each node serves the other's entries.
 */
class TwoGatewayNodesTest {
  private static final int CALLERS_PER_NODE = 6;
  private static final int CALLS_EACH = 12;

  @TempDir Path dir;

  @Test
  void appendsFromTwoNodesLandInOneLogThatVerifies() throws Exception {
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Path first = dir.resolve("a");
    Path second = dir.resolve("b");
    try (LocalPostgres postgres = LocalPostgres.createDatabase()) {
      ServerProcess a = ServerProcess.serve(first, dir.resolve("a.log"), "--db", postgres.url());
      ServerProcess b = null;
      try {
        Files.createDirectories(second);
        Files.copy(first.resolve("ledger.key"), second.resolve("ledger.key"));
        // The keys live in the shared database: the second node issues no admin key of its own.
        Files.copy(first.resolve(AdminKey.FILE), second.resolve(AdminKey.FILE));
        b = ServerProcess.serve(second, dir.resolve("b.log"), "--db", postgres.url());
        List<ServerProcess> nodes = List.of(a, b);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<?>> calls = new ArrayList<>();
          for (int caller = 0; caller < 2 * CALLERS_PER_NODE; caller++) {
            ServerProcess node = nodes.get(caller % 2);
            int id = caller;
            calls.add(callers.submit(() -> {
              for (int call = 0; call < CALLS_EACH; call++) {
                HttpResponse<String> response = node.post("/v1/moderations",
                    "{\"input\": [\"a kite " + id + "/" + call + "\", \"a lighthouse " + id + "/" + call + "\"]}");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                acknowledged.addAll(LedgerEntries.acknowledged(response));
              }
              return null;
            }));
          }
          for (Future<?> call : calls) {
            call.get();
          }
        }
        int total = 2 * CALLERS_PER_NODE * CALLS_EACH * 2;
        assertThat(acknowledged).hasSize(total);
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(a.get("/v1/audit/key").body().strip());
        Checkpoint seenByA = Checkpoint.verify(a.get("/v1/audit/checkpoint").body(), verifier);
        Checkpoint seenByB = Checkpoint.verify(b.get("/v1/audit/checkpoint").body(), verifier);
        assertThat(seenByA).isEqualTo(seenByB);
        assertThat(seenByA.size()).isEqualTo(total + 1); // and the first start's admin key (key.created)
      } finally {
        a.stop();
        if (b != null) {
          b.stop();
        }
      }

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      assertThat(cli.execute("ledger", "verify", "--data", first.toString(), "--db", postgres.url()))
          .as(err.toString()).isZero();
      assertThat(out.toString()).contains("ok: " + (acknowledged.size() + 1) + " entries")
          .contains("signed checkpoint at size " + (acknowledged.size() + 1) + " verified");
      try (Database database = Database.open(postgres.url())) {
        assertThat(LedgerEntries.decisionIds(database.logStore())).containsExactlyInAnyOrderElementsOf(acknowledged);
      }
    }
  }
}
