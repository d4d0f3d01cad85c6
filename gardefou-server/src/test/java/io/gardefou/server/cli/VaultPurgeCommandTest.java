package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.server.RunningGardefou;
import io.gardefou.server.VaultKey;
import io.gardefou.server.VaultSettings;
import io.gardefou.store.Database;
import io.gardefou.vault.EvidenceVault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gardefou vault purge}, and the ledger's verification once evidence is gone. */
class VaultPurgeCommandTest {
  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void purgeShredsWhatExpiredAndLeavesWhatDidNot() {
    Instant longAgo = Instant.now().minus(Duration.ofDays(400));
    DecisionId expired;
    DecisionId current;
    try (Database database = Database.openDefault(data)) {
      expired = keep(database, Clock.fixed(longAgo, ZoneOffset.UTC));
      current = keep(database, Clock.systemUTC());
    }

    assertThat(run("vault", "purge", "--data", data.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("shredded " + expired).doesNotContain(current.toString())
        .contains("1 expired entries crypto-shredded");
    try (Database database = Database.openDefault(data)) {
      assertThat(database.vaultStore().entry(expired).orElseThrow().shredded()).isTrue();
      assertThat(database.vaultStore().sealed(current)).isPresent();
    }
    assertThat(run("vault", "purge", "--data", data.toString())).isZero();
    assertThat(out.toString()).contains("0 expired entries crypto-shredded");
  }

  @Test
  void theLedgerVerifiesAfterAnEntryIsErased() {
    Path dir;
    try (RunningGardefou server = RunningGardefou.start()) {
      String id = server.post("/v1/moderations", "{\"input\": \"nude photo of a 12 year old\"}").body()
          .replaceAll("(?s).*\"decision_id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
      int status = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/evidence/" + id))
          .DELETE().build()).statusCode();
      assertThat(status).isEqualTo(200);
      dir = server.dataDir();
    }

    assertThat(run("ledger", "verify", "--data", dir.toString())).as(err.toString()).isZero();
    // The admin key created at first start, the refusal, and the erasure of its evidence.
    assertThat(out.toString()).contains("ok: 3 entries");
  }

  /** Keeps one refusal's evidence under the data directory's key, as of {@code clock}, for the default 30 days. */
  private DecisionId keep(Database database, Clock clock) {
    EvidenceVault vault = EvidenceVault.builder()
        .store(database.vaultStore())
        .masterKey(VaultKey.resolve(VaultSettings.defaults(), data))
        .auditTrail(event -> 0)
        .clock(clock)
        .build();
    ScreeningRequest request = new ScreeningRequest(Operation.GENERATE, "a refused prompt", List.of(), Actor.anonymous(),
        Jurisdiction.global(), "acme");
    Verdict verdict = new Verdict(Decision.REFUSE, Set.of(Category.VIOLENCE), List.of(), List.of(), List.of(), "test@1",
        DecisionId.generate(clock.instant()), clock.instant(), Signals.empty());
    vault.keep(request, verdict);
    return verdict.decisionId();
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
