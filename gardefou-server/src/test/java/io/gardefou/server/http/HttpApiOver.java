package io.gardefou.server.http;

import io.gardefou.account.Accounts;
import io.gardefou.account.InMemoryKeyStore;
import io.gardefou.account.Role;
import io.gardefou.ledger.Ledger;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.screen.Screener;
import io.gardefou.server.Gardefou;
import io.gardefou.server.Metrics;
import io.gardefou.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The real HTTP API in front of a screener a test built itself (a faulty detector, a full log), called with an operator key. */
final class HttpApiOver {
  private HttpApiOver() {}

  /** Starts the API over {@code screener}, posts one moderation body, stops the API, returns the response. */
  static HttpResponse<String> moderate(Screener screener, String body) throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0);
    NoteSigner signer = NoteSigner.generate("test.local/ledger");
    Accounts accounts = Accounts.builder().store(new InMemoryKeyStore()).auditTrail(event -> 0).build();
    String operator = accounts.create(Role.OPERATOR, ScreeningRequest.DEFAULT_TENANT, "test", "test").token();
    HttpApi api = new HttpApi(config, screener, Gardefou.gateway(config, screener), new Metrics(), () -> true,
        Ledger.builder().origin(signer.name()).signer(signer).build(), accounts);
    api.start();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/moderations"))
              .header("Authorization", "Bearer " + operator)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } finally {
      api.stop();
    }
  }
}
