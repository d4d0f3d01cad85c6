package io.gardefou.store;

import static io.gardefou.store.Fixtures.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Digests;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every vendor's store must show; each subclass supplies an empty database of its kind. */
abstract class DatabaseContract {
  private final List<Database> opened = new ArrayList<>();
  private String url;

  /** Creates an empty database for one test and returns its JDBC URL. */
  abstract String createEmptyDatabase() throws Exception;

  /** Removes what {@link #createEmptyDatabase()} made; every {@link Database} on it is closed by then. */
  abstract void dropDatabase() throws Exception;

  @BeforeEach
  final void createDatabase() throws Exception {
    url = createEmptyDatabase();
  }

  @AfterEach
  final void closeAndDropDatabase() throws Exception {
    opened.forEach(Database::close);
    dropDatabase();
  }

  final String url() {
    return url;
  }

  /** Opens this test's database; it is closed after the test. */
  final Database open() {
    Database database = Database.open(url);
    opened.add(database);
    return database;
  }

  static List<String> appliedMigrations(Database database) {
    return database.jdbi().withHandle(handle -> handle
        .createQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
        .mapTo(String.class)
        .list());
  }

  @Test
  void recordsEveryVerdictWithDigestsNotContent() {
    Database database = open();
    InputImage photo = InputImage.of("holiday-photo.jpg", "not really a jpeg".getBytes(StandardCharsets.UTF_8));
    ScreeningRequest request = new ScreeningRequest(
        Operation.EDIT, PROMPT, List.of(photo), Actor.of("user-42", Tier.VERIFIED_ADULT), Jurisdiction.of("fr"),
        "tenant-a");
    Verdict verdict = Fixtures.refusal(request, Instant.parse("2025-06-01T12:34:56.123456789Z"));

    database.verdictLog().append(request, verdict);

    assertThat(verdict.legalBasis()).isNotEmpty();
    assertThat(database.verdicts().find(verdict.decisionId())).contains(new StoredVerdict(
        verdict.decisionId(),
        Instant.parse("2025-06-01T12:34:56.123456Z"),
        Operation.EDIT,
        "tenant-a",
        "user-42",
        Tier.VERIFIED_ADULT,
        Jurisdiction.of("FR"),
        Decision.REFUSE,
        List.of("sexual/minors"),
        verdict.ruleNames(),
        verdict.legalBasis(),
        verdict.policyVersion(),
        Digests.sha256Hex(PROMPT),
        List.of(photo.sha256()),
        Optional.of("en")));
    Map<String, Object> row = database.jdbi().withHandle(handle ->
        handle.createQuery("SELECT * FROM verdicts").mapToMap().one());
    assertThat(row.values()).allSatisfy(column -> assertThat(String.valueOf(column))
        .doesNotContain(PROMPT)
        .doesNotContainIgnoringCase("lighthouse")
        .doesNotContain(photo.name()));
  }

  @Test
  void recordsAnAllowWithNoFindings() {
    Database database = open();
    ScreeningRequest request = Fixtures.textRequest();
    Verdict verdict = Fixtures.allowance(request);

    database.verdictLog().append(request, verdict);

    StoredVerdict stored = database.verdicts().find(verdict.decisionId()).orElseThrow();
    assertThat(stored.decision()).isEqualTo(Decision.ALLOW);
    assertThat(stored.actorId()).isEqualTo("anonymous");
    assertThat(stored.jurisdiction()).isEqualTo(Jurisdiction.global());
    assertThat(stored.categories()).isEmpty();
    assertThat(stored.rules()).isEmpty();
    assertThat(stored.legalBasis()).isEmpty();
    assertThat(stored.imageSha256s()).isEmpty();
    assertThat(stored.language()).isEmpty();
  }

  @Test
  void linksTheVerdictsOfOneGatewayExchangeByItsRequestId() {
    Database database = open();
    ScreeningRequest input = Fixtures.textRequest().withRequestId("exchange-1");
    ScreeningRequest standalone = Fixtures.textRequest();
    Verdict first = Fixtures.refusal(input);
    Verdict other = Fixtures.refusal(standalone);
    Verdict second = Fixtures.refusal(input);

    database.verdictLog().append(input, first);
    database.verdictLog().append(standalone, other);
    database.verdictLog().append(input, second);

    assertThat(database.verdicts().ofRequest("exchange-1")).extracting(StoredVerdict::decisionId)
        .containsExactly(first.decisionId(), second.decisionId());
    assertThat(database.verdicts().find(other.decisionId())).hasValueSatisfying(
        verdict -> assertThat(verdict.requestId()).isEmpty());
  }

  @Test
  void reopensExistingDatabaseWithoutRemigrating() {
    ScreeningRequest request = Fixtures.textRequest();
    Verdict verdict = Fixtures.refusal(request);
    try (Database first = open()) {
      first.verdictLog().append(request, verdict);
    }

    Database reopened = open();

    assertThat(reopened.verdicts().count()).isEqualTo(1);
    assertThat(reopened.verdicts().find(verdict.decisionId())).isPresent();
    assertThat(appliedMigrations(reopened)).containsExactly("1", "2");
  }

  @Test
  void appendsConcurrentlyFromManyThreads() throws Exception {
    Database database = open();
    VerdictLog log = database.verdictLog();
    Queue<DecisionId> appended = new ConcurrentLinkedQueue<>();
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int thread = 0; thread < 8; thread++) {
        writers.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            ScreeningRequest request = Fixtures.textRequest();
            Verdict verdict = Fixtures.refusal(request);
            log.append(request, verdict);
            appended.add(verdict.decisionId());
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    }

    assertThat(database.verdicts().count()).isEqualTo(400);
    assertThat(database.verdicts().recent(1000))
        .extracting(StoredVerdict::decisionId)
        .containsExactlyInAnyOrderElementsOf(appended);
  }

  @Test
  void listsRecentVerdictsNewestFirst() {
    Database database = open();
    List<DecisionId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ScreeningRequest request = Fixtures.textRequest();
      Verdict verdict = Fixtures.refusal(request);
      database.verdictLog().append(request, verdict);
      ids.add(verdict.decisionId());
    }

    assertThat(database.verdicts().recent(2)).extracting(StoredVerdict::decisionId)
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(database.verdicts().recent(10)).hasSize(3);
    assertThat(database.verdicts().recent(0)).isEmpty();
    assertThatThrownBy(() -> database.verdicts().recent(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsNothingForAnUnknownDecisionId() {
    Database database = open();

    assertThat(database.verdicts().find(DecisionId.generate(Instant.now()))).isEmpty();
  }

  @Test
  void refusesToRecordTheSameDecisionTwice() {
    Database database = open();
    ScreeningRequest request = Fixtures.textRequest();
    Verdict verdict = Fixtures.refusal(request);
    database.verdictLog().append(request, verdict);

    assertThatThrownBy(() -> database.verdictLog().append(request, verdict)).isInstanceOf(RuntimeException.class);
    assertThat(database.verdicts().count()).isEqualTo(1);
  }

  @Test
  void failsToAppendOnceClosed() {
    Database database = open();
    VerdictLog log = database.verdictLog();
    database.close();
    ScreeningRequest request = Fixtures.textRequest();

    assertThatThrownBy(() -> log.append(request, Fixtures.refusal(request))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void answersPingWhileOpenAndNotOnceClosed() {
    Database database = open();
    assertThat(database.ping()).isTrue();
    database.close();

    assertThat(database.ping()).isFalse();
  }
}
