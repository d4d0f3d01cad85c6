package io.gardefou.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.account.Role;
import io.gardefou.server.RunningGardefou;
import io.gardefou.store.StoredVerdict;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console over a real server and store: who may log in and see what, and that every action is recorded. */
class ConsoleTest {
  private static RunningGardefou server;

  @BeforeAll
  static void start() {
    server = RunningGardefou.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void refusesAnOperatorKeyAtLogin() {
    try (ConsoleClient operator = new ConsoleClient(server.baseUrl())) {
      assertThat(operator.login(server.newKey(Role.OPERATOR)).statusCode()).isEqualTo(403);
      HttpResponse<String> queue = operator.get("/console/queue");
      assertThat(queue.statusCode()).isEqualTo(302);
      assertThat(queue.headers().firstValue("Location")).hasValue("/console/login");
    }
  }

  @Test
  void refusesAWrongKeyAtLogin() {
    try (ConsoleClient stranger = new ConsoleClient(server.baseUrl())) {
      assertThat(stranger.login("gf_not_a_key").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void setsAnHttpOnlyStrictSessionCookie() {
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      HttpResponse<String> login = moderator.login(server.newKey(Role.MODERATOR));

      assertThat(login.statusCode()).isEqualTo(303);
      assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
          assertThat(cookie).startsWith(Console.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/console"));
    }
  }

  @Test
  void anAuditorSeesTheLedgerButNeitherTheQueueNorItsActions() {
    try (ConsoleClient auditor = new ConsoleClient(server.baseUrl())) {
      auditor.login(server.newKey(Role.AUDITOR));
      String csrf = auditor.csrf("/console/ledger");

      assertThat(auditor.get("/console/dashboard").statusCode()).isEqualTo(200);
      assertThat(auditor.get("/console/queue").statusCode()).isEqualTo(403);
      assertThat(auditor.get("/console/takedowns").statusCode()).isEqualTo(403);
      assertThat(auditor.get("/console/banks").statusCode()).isEqualTo(403);
      assertThat(auditor.postForm("/console/queue/verdicts/" + java.util.UUID.randomUUID(),
          Map.of("csrf", csrf, "action", "uphold")).statusCode()).isEqualTo(403);
      assertThat(auditor.postForm("/console/actors/act_00000000000000000000000000000000",
          Map.of("csrf", csrf, "action", "ban")).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void anAuditorDownloadsAReportAndAModeratorMayNot() {
    try (ConsoleClient auditor = new ConsoleClient(server.baseUrl()); ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      auditor.login(server.newKey(Role.AUDITOR));
      moderator.login(server.newKey(Role.MODERATOR));

      HttpResponse<String> report = auditor.get("/console/reports/transparency?from=2026-01-01&to=2027-01-01&format=json");

      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(auditor.get("/console/dashboard").body()).contains("/console/reports/regulator?from=");
      assertThat(moderator.get("/console/reports/transparency?from=2026-01-01&to=2027-01-01&format=json").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void theDashboardShowsHowLongEachDetectorTook() {
    server.post("/v1/moderations", "{\"input\": \"a lighthouse at dusk\"}");
    try (ConsoleClient auditor = new ConsoleClient(server.baseUrl())) {
      auditor.login(server.newKey(Role.AUDITOR));

      String dashboard = auditor.get("/console/dashboard").body();

      assertThat(dashboard).contains("<th>Detector</th>").contains("<td>text</td>");
    }
  }

  @Test
  void aModeratorSeesNeitherTheLedgerNorTheBanks() {
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));

      assertThat(moderator.get("/console/queue").statusCode()).isEqualTo(200);
      assertThat(moderator.get("/console/ledger").statusCode()).isEqualTo(403);
      assertThat(moderator.get("/console/ledger/entries/0").statusCode()).isEqualTo(403);
      assertThat(moderator.get("/console/banks").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void refusesAnActionWithoutTheSessionsCsrfToken() {
    StoredVerdict verdict = reviewVerdict("a man stabbed in an alley at night");
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));

      HttpResponse<String> forged = moderator.postForm("/console/queue/verdicts/" + verdict.decisionId(),
          Map.of("csrf", "forged", "action", "uphold"));

      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(moderator.get("/console/queue").body()).contains(verdict.decisionId().toString());
    }
  }

  @Test
  void upholdingAReviewVerdictTakesItOffTheQueueAndRecordsItInTheLedger() {
    StoredVerdict verdict = reviewVerdict("a man stabbed in an alley");
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));
      assertThat(moderator.get("/console/queue").body())
          .contains(verdict.decisionId().toString()).contains(String.join(", ", verdict.rules()));

      HttpResponse<String> upheld = moderator.postForm("/console/queue/verdicts/" + verdict.decisionId(),
          moderator.withCsrf("/console/queue", Map.of("action", "uphold", "note", "graphic, correctly held")));

      assertThat(upheld.statusCode()).isEqualTo(303);
      assertThat(moderator.get("/console/queue").body()).doesNotContain(verdict.decisionId().toString());
      assertThat(ledgerEvents()).anySatisfy(entry ->
          assertThat(entry).contains("\"event\":\"review.upheld\"").contains(verdict.decisionId().toString()));
      HttpResponse<String> again = moderator.postForm("/console/queue/verdicts/" + verdict.decisionId(),
          moderator.withCsrf("/console/queue", Map.of("action", "overturn")));
      assertThat(again.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aTakedownIsHashedAddedToNciiVictimsAndRunsOnItsJurisdictionsClock() {
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl()); ConsoleClient admin = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));
      admin.login(server.adminKey());
      long before = nciiVictims(admin);
      Instant filing = Instant.now();

      HttpResponse<String> filed = moderator.postMultipart("/console/takedowns", moderator.withCsrf("/console/takedowns",
          Map.of("reporter", "representative", "reference", "case-IN-17", "jurisdiction", "IN", "category", "ncii")),
          "image", Shapes.png(17));

      assertThat(filed.statusCode()).isEqualTo(200);
      assertThat(filed.body()).contains("no match in generated-outputs").contains("added");
      Matcher due = Pattern.compile("<dt>Due</dt><dd>([^<]+)</dd>").matcher(filed.body());
      assertThat(due.find()).isTrue();
      assertThat(Duration.between(filing, Instant.parse(due.group(1)))).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
      assertThat(nciiVictims(admin)).isEqualTo(before + 1);
      assertThat(moderator.get("/console/takedowns").body()).contains("case-IN-17");
      assertThat(ledgerEvents()).anySatisfy(entry -> assertThat(entry).contains("\"event\":\"takedown.filed\"").contains("\"jurisdiction\":\"IN\""));
    }
  }

  @Test
  void anAuditorFetchesAnEntryWithAProofThatTheServerAlsoAccepts() {
    reviewVerdict("a man stabbed in a car park");
    try (ConsoleClient auditor = new ConsoleClient(server.baseUrl())) {
      auditor.login(server.newKey(Role.AUDITOR));

      HttpResponse<String> entry = auditor.get("/console/ledger/entries/0");

      assertThat(entry.statusCode()).isEqualTo(200);
      assertThat(entry.body()).contains("\"inclusion_proof\"", "\"checkpoint\"", "\"entry_base64\"");
      assertThat(auditor.get("/console/ledger/entries/999999999").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void anAdminTracesARequestThroughThePacksAndOthersMayNot() {
    try (ConsoleClient admin = new ConsoleClient(server.baseUrl()); ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      admin.login(server.adminKey());
      moderator.login(server.newKey(Role.MODERATOR));

      HttpResponse<String> traced = admin.get("/console/policy?pack=global&text=a+man+stabbed+in+an+alley&jurisdiction=global&op=generate&tier=anonymous");

      assertThat(traced.statusCode()).isEqualTo(200);
      assertThat(traced.body()).contains("id=\"pack-yaml\"").contains("Decision: <strong>REVIEW</strong>");
      assertThat(moderator.get("/console/policy").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void evidenceIsServedOnlyToTheTenantsModeratorsAndNotForUnknownDecisions() {
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl()); ConsoleClient auditor = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));
      auditor.login(server.newKey(Role.AUDITOR));

      assertThat(moderator.get("/console/evidence/" + io.gardefou.model.DecisionId.generate(Instant.now()) + "/0").statusCode()).isEqualTo(404);
      assertThat(auditor.get("/console/evidence/" + io.gardefou.model.DecisionId.generate(Instant.now()) + "/0").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void loggingOutEndsTheSession() {
    try (ConsoleClient moderator = new ConsoleClient(server.baseUrl())) {
      moderator.login(server.newKey(Role.MODERATOR));
      assertThat(moderator.get("/console/queue").statusCode()).isEqualTo(200);

      assertThat(moderator.postForm("/console/logout", moderator.withCsrf("/console/queue", Map.of())).statusCode()).isEqualTo(303);

      assertThat(moderator.get("/console/queue").statusCode()).isEqualTo(302);
    }
  }

  private static long nciiVictims(ConsoleClient admin) {
    Matcher count = Pattern.compile("<td>ncii-victims</td><td>[^<]*</td><td>[^<]*</td><td>(\\d+)</td>")
        .matcher(admin.get("/console/banks").body());
    assertThat(count.find()).as("ncii-victims row on the banks page").isTrue();
    return Long.parseLong(count.group(1));
  }

  private static StoredVerdict reviewVerdict(String prompt) {
    return ReviewVerdicts.await(server, prompt);
  }

  /** Every ledger entry, as JSON text, the newest first. */
  private static List<String> ledgerEvents() {
    String checkpoint = server.get("/v1/audit/checkpoint").body();
    long size = Long.parseLong(checkpoint.split("\n")[1]);
    java.util.ArrayList<String> entries = new java.util.ArrayList<>();
    for (long i = size - 1; i >= 0 && entries.size() < 200; i--) {
      String body = server.get("/v1/audit/entries/" + i).body();
      Matcher base64 = Pattern.compile("\"entry_base64\":\"([^\"]+)\"").matcher(body);
      if (base64.find()) {
        entries.add(new String(java.util.Base64.getDecoder().decode(base64.group(1)), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
