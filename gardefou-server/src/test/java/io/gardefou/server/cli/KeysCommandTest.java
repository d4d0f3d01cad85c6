package io.gardefou.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.server.RunningGardefou;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gardefou keys create|list|revoke} on the data directory a server then serves from. */
class KeysCommandTest {
  private static final String MODERATE = "{\"input\": \"a lighthouse at dusk\"}";

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void createdKeysWorkOnTheServerAndRevokedOnesDoNot() throws Exception {
    assertThat(run("keys", "create", "--role", "operator", "--tenant", "acme", "--name", "billing", "--data", data.toString()))
        .as(err.toString()).isZero();
    String operator = out.toString().strip();
    assertThat(operator).matches("gf_[a-z2-7]{16}_[a-z2-7]{52}");
    assertThat(err.toString()).contains("operator key").contains("acme").doesNotContain(operator);
    String operatorId = operator.substring(3, 19);
    assertThat(run("keys", "create", "--role", "AUDITOR", "--data", data.toString())).isZero();
    String auditor = out.toString().strip();
    String auditorId = auditor.substring(3, 19);

    assertThat(run("keys", "revoke", auditorId, "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("revoked " + auditorId);
    assertThat(run("keys", "revoke", auditorId, "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("revoked already");

    assertThat(run("keys", "list", "--data", data.toString())).isZero();
    assertThat(out.toString().lines().skip(1).toList()).satisfiesExactly(
        line -> assertThat(line).startsWith(operatorId).contains("acme", "operator", "billing").doesNotContain(operator),
        line -> assertThat(line).startsWith(auditorId).contains("default", "auditor").matches(".*\\d{4}-\\d\\d-\\d\\dT.*-\\s+\\d{4}.*"));

    try (RunningGardefou server = RunningGardefou.start(config -> config.withDataDir(data))) {
      assertThat(data.resolve("admin.key")).as("keys existed, so no admin key was issued").doesNotExist();
      assertThat(server.as(operator).post("/v1/moderations", MODERATE).statusCode()).isEqualTo(200);
      assertThat(server.as(auditor).get("/v1/audit/entries/0").statusCode()).isEqualTo(401);
      String first = server.get("/v1/audit/entries/0").body();
      String second = server.get("/v1/audit/entries/2").body();
      assertThat(entry(first)).contains("\"event\":\"key.created\"", "\"by\":\"cli\"", operatorId, "\"tenant\":\"acme\"");
      assertThat(entry(second)).contains("\"event\":\"key.revoked\"", "\"by\":\"cli\"", auditorId);
    }
  }

  @Test
  void refusesAnUnknownRoleABadTenantAndAMalformedId() {
    assertThat(run("keys", "create", "--role", "superuser", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown role 'superuser'");
    assertThat(run("keys", "create", "--role", "operator", "--tenant", "a b", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tenant id");
    assertThat(run("keys", "revoke", "not-an-id", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("key id");
    assertThat(run("keys", "list", "--data", data.toString())).isZero();
    assertThat(out.toString().lines().count()).as("only the header").isEqualTo(1);
  }

  private static String entry(String json) throws Exception {
    String base64 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("entry_base64").asText();
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
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
