package io.gardefou.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gardefou.server.RunningGardefou;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hash banks over HTTP on a real server: counts, CSV import and export, and an edit refused by a bank match. */
class BanksApiTest {
  private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> importCsv(String bank, String csv) {
    return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/banks/" + bank + "/import"))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv))
        .build());
  }

  private static long count(String bank) throws Exception {
    JsonNode list = JsonBodies.MAPPER.readTree(server.get("/v1/banks").body());
    for (JsonNode b : list.get("data")) {
      if (b.get("name").asText().equals(bank)) {
        return b.get("count").asLong();
      }
    }
    throw new AssertionError("no bank " + bank + " in " + list);
  }

  @Test
  void importsACsvIntoABankAndExportsItBack() throws Exception {
    HttpResponse<String> imported = importCsv("takedowns", PDQ + ",,order 7,2026-01-01T00:00:00Z\n");

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.MAPPER.readTree(imported.body()).get("added").asInt()).isEqualTo(1);
    assertThat(count("takedowns")).isEqualTo(1);
    HttpResponse<String> export = server.get("/v1/banks/takedowns/export");
    assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(export.body()).isEqualTo("hash,bank,label,added_at\n" + PDQ + ",takedowns,order 7,2026-01-01T00:00:00Z\n");
  }

  @Test
  void aMalformedCsvIsA400AndAddsNothing() throws Exception {
    HttpResponse<String> response = importCsv("generated-outputs", PDQ.replace('f', 'e') + ",,ok\nnot-a-hash,,bad\n");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.MAPPER.readTree(response.body()).at("/error/code").asText()).isEqualTo("invalid_bank_file");
    assertThat(response.body()).contains("line 2");
    assertThat(count("generated-outputs")).isZero();
  }

  @Test
  void anUnknownBankIsA404() {
    assertThat(server.get("/v1/banks/no-such-bank/export").statusCode()).isEqualTo(404);
    assertThat(importCsv("No_Such", PDQ + "\n").statusCode()).isEqualTo(404);
  }

  @Test
  void anEditOfAnImageInTheKnownCsamBankIsRefusedBeforeTheUpstream() throws Exception {
    byte[] image = TestImages.png(64, 3);
    String md5 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(image));
    assertThat(importCsv("known-csam", md5 + ",,test entry\n").statusCode()).isEqualTo(200);

    HttpResponse<String> edit = server.send(new TestImages.Form().field("prompt", "make the sky brighter")
        .file("image", image).post(server.baseUrl() + "/v1/images/edits"));

    assertThat(edit.statusCode()).isEqualTo(400);
    assertThat(JsonBodies.MAPPER.readTree(edit.body()).at("/error/code").asText()).isEqualTo("content_policy_violation");
  }
}
