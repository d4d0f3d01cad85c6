package io.gardefou.store;

import static io.gardefou.store.Fixtures.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.account.Accounts;
import io.gardefou.account.ApiKey;
import io.gardefou.account.IssuedKey;
import io.gardefou.account.KeyId;
import io.gardefou.account.Role;
import io.gardefou.account.StoredKey;
import io.gardefou.audit.AuditEvent;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.LogAudit;
import io.gardefou.ledger.LogStore;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.MerkleProofs;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.ledger.TreeHead;
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
import java.util.OptionalLong;
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
  void findsTheVerdictsOfAPeriodAndJurisdictionInRecordedOrder() {
    Database database = open();
    ScreeningRequest inFrance = Fixtures.textRequest().withJurisdiction(Jurisdiction.of("FR"));
    ScreeningRequest inTheUs = Fixtures.textRequest().withJurisdiction(Jurisdiction.of("US"));
    Verdict before = Fixtures.refusal(inFrance, Instant.parse("2026-10-31T23:59:59.999999Z"));
    Verdict first = Fixtures.refusal(inFrance, Instant.parse("2026-11-01T00:00:00Z"));
    Verdict other = Fixtures.refusal(inTheUs, Instant.parse("2026-11-15T12:00:00Z"));
    Verdict last = Fixtures.refusal(inFrance, Instant.parse("2026-11-30T23:59:59.999999Z"));
    Verdict after = Fixtures.refusal(inFrance, Instant.parse("2026-12-01T00:00:00Z"));
    for (Verdict verdict : List.of(before, first, other, last, after)) {
      database.verdictLog().append(verdict == other ? inTheUs : inFrance, verdict);
    }
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-01T00:00:00Z");

    assertThat(database.verdicts().between(from, to, Optional.empty())).extracting(StoredVerdict::decisionId)
        .containsExactly(first.decisionId(), other.decisionId(), last.decisionId());
    assertThat(database.verdicts().between(from, to, Optional.of(Jurisdiction.of("FR"))))
        .extracting(StoredVerdict::decisionId).containsExactly(first.decisionId(), last.decisionId());
    assertThat(database.verdicts().between(from, to, Optional.empty()).getFirst().detectors())
        .contains(List.of("test"));
  }

  @Test
  void keepsApiKeysHashedAndRevokesThem() {
    Database database = open();
    Instant now = Instant.parse("2026-11-22T05:30:00.123456Z");
    Accounts accounts = Accounts.builder().store(database.keys()).auditTrail(event -> 0).clock(() -> now).build();
    IssuedKey operator = accounts.create(Role.OPERATOR, "tenant-a", "billing service", "cli");
    IssuedKey auditor = accounts.create(Role.AUDITOR, "tenant-b", "", "cli");

    assertThat(accounts.authenticate(operator.token())).hasValueSatisfying(key -> assertThat(key.tenant()).isEqualTo("tenant-a"));
    assertThat(accounts.revoke(auditor.key().id(), "cli")).isTrue();

    assertThat(database.keys().list()).containsExactlyInAnyOrder(
        new ApiKey(operator.key().id(), "tenant-a", Role.OPERATOR, "billing service", now, Optional.of(now), Optional.empty()),
        new ApiKey(auditor.key().id(), "tenant-b", Role.AUDITOR, "", now, Optional.empty(), Optional.of(now)));
    StoredKey stored = database.keys().find(operator.key().id()).orElseThrow();
    assertThat(stored.hash().iterations()).isEqualTo(Accounts.DEFAULT_ITERATIONS);
    assertThat(stored.hash().salt()).hasSize(16);
    assertThat(accounts.authenticate(auditor.token())).isEmpty();
    assertThat(database.keys().find(KeyId.of("aaaaaaaaaaaaaaaa"))).isEmpty();
    assertThat(database.keys().revoke(auditor.key().id(), now)).as("revoked already").isFalse();
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
        Optional.of("en"),
        Optional.empty(),
        Optional.of(List.of("test")),
        OptionalLong.empty()));
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
    assertThat(appliedMigrations(reopened)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12");
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

  // The audit ledger in this database.

  static final String ORIGIN = "gardefou.test/ledger";
  static final NoteSigner SIGNER = NoteSigner.generate(ORIGIN);

  static Ledger ledger(Database database) {
    return Ledger.builder().origin(ORIGIN).signer(SIGNER).store(database.logStore()).build();
  }

  static byte[] entry(int i) {
    return ("entry " + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void ledgerStoreKeepsTheTreeAcrossReopening() {
    Ledger memory = Ledger.builder().origin(ORIGIN).signer(SIGNER).build();
    try (Database first = open()) {
      Ledger stored = ledger(first);
      for (int batch = 0; batch < 10; batch++) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 1 + batch * 3; i++) {
          entries.add(entry(batch * 100 + i));
        }
        stored.append(entries);
        memory.append(entries);
      }
    }

    Ledger reopened = ledger(open());

    assertThat(reopened.head()).isEqualTo(memory.head());
    long size = reopened.head().size();
    for (long index = 0; index < size; index++) {
      assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(reopened.entry(index)), index, size,
          reopened.inclusionProof(index, size), reopened.head().root())).as("entry %d", index).isTrue();
    }
    assertThat(reopened.consistencyProof(7, size)).isEqualTo(memory.consistencyProof(7, size));
  }

  @Test
  void ledgerStoreRefusesAnAppendFromAStaleSize() {
    Database database = open();
    LogStore store = database.logStore();
    Ledger ledger = ledger(database);
    ledger.append(List.of(entry(0), entry(1)));

    assertThatThrownBy(() -> store.append(1, List.of(entry(9)), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds 2");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.entry(1)).isEqualTo(entry(1));
    assertThatThrownBy(() -> store.entry(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void ledgerVerdictLogRecordsEveryDecisionFromManyThreadsAndTheLogAudits() throws Exception {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 1_000, 64);
    Queue<Verdict> appended = new ConcurrentLinkedQueue<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> writers = new ArrayList<>();
      for (int thread = 0; thread < 50; thread++) {
        writers.add(threads.submit(() -> {
          for (int i = 0; i < 8; i++) {
            ScreeningRequest request = Fixtures.textRequest();
            Verdict verdict = Fixtures.refusal(request);
            log.append(request, verdict);
            appended.add(verdict);
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    }
    Ledger ledger = log.ledger();
    log.close();

    assertThat(database.verdicts().count()).isEqualTo(400);
    assertThat(ledger.head().size()).isEqualTo(400);
    Checkpoint saved = Checkpoint.verify(database.checkpoints().latest().orElseThrow(), SIGNER.verifier());
    assertThat(saved.size()).isEqualTo(400);
    LogAudit.Report report = LogAudit.check(database.logStore(), Optional.of(saved));
    assertThat(report.problem()).isEmpty();
    assertThat(report.root()).isEqualTo(saved.root());
    List<String> ids = new ArrayList<>();
    for (long index = 0; index < 400; index++) {
      byte[] entry = ledger.entry(index);
      assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(entry), index, 400,
          ledger.inclusionProof(index, 400), saved.root())).isTrue();
      ids.add(new String(entry, StandardCharsets.UTF_8).replaceAll(".*\"decision_id\":\"([^\"]+)\".*", "$1"));
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(appended.stream().map(v -> v.decisionId().toString()).toList());
    for (Verdict verdict : appended) {
      long index = database.verdicts().find(verdict.decisionId()).orElseThrow().ledgerIndex().orElseThrow();
      assertThat(ids.get((int) index)).as("the row names its own entry").isEqualTo(verdict.decisionId().toString());
    }
  }

  @Test
  void ledgerVerdictLogFailsADuplicateAloneAndKeepsItOutOfTheLedger() {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 10, 10);
    ScreeningRequest request = Fixtures.textRequest();
    Verdict verdict = Fixtures.refusal(request);
    assertThat(log.record(request, verdict)).isZero();

    assertThatThrownBy(() -> log.record(request, verdict)).isInstanceOf(IllegalStateException.class);
    ScreeningRequest other = Fixtures.textRequest();
    assertThat(log.record(other, Fixtures.allowance(other))).isEqualTo(1);
    assertThat(log.ledger().head().size()).isEqualTo(2);
  }

  @Test
  void auditEventsShareTheLedgerWithDecisionsButGetNoVerdictRow() {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 10, 10);
    ScreeningRequest request = Fixtures.textRequest();
    AuditEvent event = new AuditEvent("key.revoked", "key_1", "key_2", Instant.parse("2026-01-02T03:04:05Z"),
        Map.of("reason", "leaked"));

    assertThat(log.record(request, Fixtures.refusal(request))).isZero();
    assertThat(log.record(event)).isEqualTo(1);
    ScreeningRequest other = Fixtures.textRequest();
    assertThat(log.record(other, Fixtures.allowance(other))).isEqualTo(2);

    assertThat(database.verdicts().count()).isEqualTo(2);
    assertThat(log.ledger().entry(1)).isEqualTo(event.canonicalJson());
    assertThat(database.verdicts().recent(2).stream().map(row -> row.ledgerIndex().orElseThrow()))
        .as("each row names its entry, the event between them included").containsExactly(2L, 0L);
    log.close();
    Checkpoint saved = Checkpoint.verify(database.checkpoints().latest().orElseThrow(), SIGNER.verifier());
    assertThat(LogAudit.check(database.logStore(), Optional.of(saved)).ok()).isTrue();
    assertThat(saved.size()).isEqualTo(3);
  }

  /**
   * Two gateway nodes: two databases opened on one store share nothing in memory, like two processes. Each
   * batch takes the integrator lock and appends where the log ends, so the log is one and every decision is
   * in it once.
   */
  @Test
  void twoNodesOnOneDatabaseAppendToOneLogThatAudits() throws Exception {
    List<LedgerVerdictLog> nodes = List.of(open().ledgerVerdictLog(SIGNER, 1_000, 16),
        open().ledgerVerdictLog(SIGNER, 1_000, 16));
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> writers = new ArrayList<>();
      for (int thread = 0; thread < 40; thread++) {
        LedgerVerdictLog node = nodes.get(thread % 2);
        writers.add(threads.submit(() -> {
          for (int i = 0; i < 10; i++) {
            ScreeningRequest request = Fixtures.textRequest();
            Verdict verdict = Fixtures.refusal(request);
            node.record(request, verdict);
            acknowledged.add(verdict.decisionId().toString());
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    }
    nodes.forEach(LedgerVerdictLog::close);

    Database auditor = open();
    Checkpoint saved = Checkpoint.verify(auditor.checkpoints().latest().orElseThrow(), SIGNER.verifier());
    assertThat(saved.size()).isEqualTo(400);
    assertThat(nodes).extracting(node -> node.ledger().refresh()).containsOnly(new TreeHead(400, saved.root()));
    assertThat(LogAudit.check(auditor.logStore(), Optional.of(saved)).problem()).isEmpty();
    List<String> logged = new ArrayList<>();
    for (byte[] entry : auditor.logStore().entries(0, 400)) {
      logged.add(new String(entry, StandardCharsets.UTF_8).replaceAll(".*\"decision_id\":\"([^\"]+)\".*", "$1"));
    }
    assertThat(logged).containsExactlyInAnyOrderElementsOf(acknowledged);
  }

  @Test
  void ledgerVerdictLogRefusesOnceClosed() {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 10, 10);
    log.close();
    ScreeningRequest request = Fixtures.textRequest();

    assertThatThrownBy(() -> log.append(request, Fixtures.refusal(request))).isInstanceOf(IllegalStateException.class);
  }

  /**
   * Not a benchmark: a bounded loopback run that reports appends per second (figures in
   * docs/design/ledger.md). 2 000 callers in flight, as a gateway at 20 k requests/s and 100 ms has.
   */
  @Test
  void ledgerVerdictLogThroughput() throws Exception {
    Database database = open();
    LedgerVerdictLog log = database.ledgerVerdictLog(SIGNER, 10_000, 4_096);
    ScreeningRequest request = Fixtures.textRequest();
    appendConcurrently(log, request, verdicts(request, 20_000), 2_000); // warm-up: JIT, statement caches
    int threads = 2_000;
    int perThread = 10;
    List<Verdict> verdicts = verdicts(request, threads * perThread); // deciding is not what is measured
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStarted = os.getProcessCpuTime();
    long started = System.nanoTime();
    appendConcurrently(log, request, verdicts, threads);
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMicros = (os.getProcessCpuTime() - cpuStarted) / 1e3 / (threads * perThread);
    // Wall time depends on what else the machine runs; this JVM's CPU per append does much less.
    System.out.printf("%s: %d verdicts + ledger entries in %.2f s = %.0f appends/s; %.1f µs of this JVM's CPU per append"
            + " (load average %.1f on %d cores)%n",
        getClass().getSimpleName(), threads * perThread, seconds, threads * perThread / seconds, cpuMicros,
        os.getSystemLoadAverage(), os.getAvailableProcessors());
    assertThat(log.ledger().head().size()).isEqualTo(20_000 + threads * perThread);
  }

  @Test
  void hashBanksPersistAndTheirIndexIsRebuiltOnReopening() {
    java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-22T05:00:00.123456Z"), java.time.ZoneOffset.UTC);
    io.gardefou.hash.PdqHash pdq = io.gardefou.hash.PdqHash.fromHex(
        "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    io.gardefou.bank.BankHash md5 = io.gardefou.bank.BankHash.md5("cab08b36195edb1a1231d2d09fa450e0");
    try (Database first = open()) {
      io.gardefou.bank.HashBanks banks = io.gardefou.bank.HashBanks.open(first.bankStore(), clock);
      banks.define(new io.gardefou.bank.Bank(io.gardefou.bank.BankName.TAKEDOWNS, io.gardefou.bank.BankAction.factOnly(), 12));
      banks.add(io.gardefou.bank.BankName.KNOWN_CSAM, new io.gardefou.hash.PdqResult(pdq, 100), "case, \"one\"");
      banks.addAll(List.of(new io.gardefou.bank.BankEntry(io.gardefou.bank.BankName.NCII_VICTIMS, md5, "stopncii", clock.instant())));
    }

    io.gardefou.bank.HashBanks reopened = io.gardefou.bank.HashBanks.open(open().bankStore(), clock);

    assertThat(reopened.bank(io.gardefou.bank.BankName.TAKEDOWNS)).hasValueSatisfying(bank -> {
      assertThat(bank.pdqThreshold()).isEqualTo(12);
      assertThat(bank.action()).isEqualTo(io.gardefou.bank.BankAction.factOnly());
    });
    assertThat(reopened.counts()).containsEntry(io.gardefou.bank.BankName.KNOWN_CSAM, 1L)
        .containsEntry(io.gardefou.bank.BankName.NCII_VICTIMS, 1L).containsEntry(io.gardefou.bank.BankName.GENERATED_OUTPUTS, 0L);
    assertThat(reopened.match(new io.gardefou.hash.PdqResult(pdq, 100))).singleElement().satisfies(match -> {
      assertThat(match.entry().label()).isEqualTo("case, \"one\"");
      assertThat(match.entry().addedAt()).isEqualTo(clock.instant());
    });
    assertThat(reopened.matchExact(List.of(md5))).singleElement()
        .satisfies(match -> assertThat(match.bank().name()).isEqualTo(io.gardefou.bank.BankName.NCII_VICTIMS));
  }

  @Test
  void theBankStoreAddsEachHashOnceListsOldestFirstAndRemoves() {
    io.gardefou.bank.BankStore store = open().bankStore();
    store.putBank(io.gardefou.bank.Bank.of(io.gardefou.bank.BankName.TAKEDOWNS, io.gardefou.bank.BankAction.factOnly()));
    Instant now = Instant.parse("2026-11-22T05:00:00Z");
    var first = new io.gardefou.bank.BankEntry(io.gardefou.bank.BankName.TAKEDOWNS,
        io.gardefou.bank.BankHash.sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "b", now);
    var second = new io.gardefou.bank.BankEntry(io.gardefou.bank.BankName.TAKEDOWNS,
        io.gardefou.bank.BankHash.md5("cab08b36195edb1a1231d2d09fa450e0"), "a", now);

    assertThat(store.addAll(List.of(first, second, first))).containsExactly(first, second);
    assertThat(store.addAll(List.of(second))).isEmpty();
    List<io.gardefou.bank.BankEntry> listed = new ArrayList<>();
    store.forEach(io.gardefou.bank.BankName.TAKEDOWNS, listed::add);
    assertThat(listed).containsExactly(first, second);
    assertThat(store.remove(io.gardefou.bank.BankName.TAKEDOWNS, first.hash())).isTrue();
    assertThat(store.remove(io.gardefou.bank.BankName.TAKEDOWNS, first.hash())).isFalse();
    assertThat(store.find(io.gardefou.bank.BankName.TAKEDOWNS, second.hash())).hasValue(second);
    assertThatThrownBy(() -> store.addAll(List.of(new io.gardefou.bank.BankEntry(io.gardefou.bank.BankName.of("nope"),
        first.hash(), "", now)))).isInstanceOf(io.gardefou.bank.UnknownBankException.class);
  }

  private static List<Verdict> verdicts(ScreeningRequest request, int count) {
    List<Verdict> verdicts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      verdicts.add(Fixtures.refusal(request));
    }
    return verdicts;
  }

  private static void appendConcurrently(LedgerVerdictLog log, ScreeningRequest request, List<Verdict> verdicts,
      int threads) throws Exception {
    int perThread = verdicts.size() / threads;
    List<Future<?>> callers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        int from = t * perThread;
        callers.add(pool.submit(() -> verdicts.subList(from, from + perThread).forEach(v -> log.append(request, v))));
      }
      for (Future<?> caller : callers) {
        caller.get();
      }
    }
  }
}
