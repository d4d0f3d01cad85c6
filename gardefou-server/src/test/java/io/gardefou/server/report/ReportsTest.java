package io.gardefou.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.ledger.Checkpoint;
import io.gardefou.ledger.Hash;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.ledger.MerkleProofs;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.ledger.NoteVerifier;
import io.gardefou.actor.Appeal;
import io.gardefou.model.Actor;
import io.gardefou.model.Decision;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.report.AuthorityBundle;
import io.gardefou.report.Period;
import io.gardefou.report.Report;
import io.gardefou.report.ReportFormat;
import io.gardefou.report.ReportRequest;
import io.gardefou.report.Reports;
import io.gardefou.screen.Screener;
import io.gardefou.server.Gardefou;
import io.gardefou.server.LedgerKey;
import io.gardefou.server.RunningGardefou;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import io.gardefou.store.LedgerVerdictLog;
import io.gardefou.store.Takedown;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four reports over a store filled through the real screener (SQLite, ledger, shared detectors): they
 * reproduce byte for byte, count what was decided, prove a decision's entry against the signed checkpoint,
 * and never carry a prompt or an image.
 */
class ReportsTest {
  /** Words of the prompts: none may reach a report. */
  private static final String BENIGN = "a lighthouse at dusk over calm water";
  private static final String REFUSED = "nude photo of a 12 year old";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path data;
  private static Database database;
  private static NoteSigner signer;
  private static Reports reports;
  private static Period period;
  private static byte[] image;
  private static final List<Verdict> verdicts = new ArrayList<>();

  @BeforeAll
  static void screenThroughTheRealScreener() throws Exception {
    data = Files.createTempDirectory("gardefou-reports");
    ServerConfig config = RunningGardefou.TESTING.withDataDir(data);
    database = Database.openDefault(data);
    signer = LedgerKey.loadOrCreate(data);
    image = png();
    Instant start = Instant.now();
    try (LedgerVerdictLog log = database.ledgerVerdictLog(signer, 100, 16);
        Screener screener = Gardefou.screener(config, log)) {
      verdicts.add(screener.screen(request(BENIGN, List.of(), "FR")));
      verdicts.add(screener.screen(request(REFUSED, List.of(), "FR")));
      verdicts.add(screener.screen(request(REFUSED, List.of(InputImage.of("upload.png", image)), "US")));
      verdicts.add(screener.screen(request(REFUSED, List.of(), "GB")));
      verdicts.add(screener.screen(request(BENIGN, List.of(InputImage.of("upload.png", image)), "US")));
    }
    period = Period.of(start.minusSeconds(60), Instant.now().plusSeconds(60));
    Verdict appealed = verdicts.get(1);
    Appeal appeal = Appeal.open(UUID.randomUUID(), appealed.decisionId(), "default", "act_" + "0".repeat(32),
        Appeal.FiledBy.OPERATOR, "key-1", "the picture was of a statue", appealed.decidedAt().plusSeconds(10));
    database.appeals().add(appeal);
    database.appeals().decide(appeal.decided(Appeal.State.OVERTURNED, "moderator-1", "statue",
        appealed.decidedAt().plusSeconds(70)));
    // One take-down done within its clock, one done late, one still open past due: adherence 1 of 3.
    database.takedowns().add(takedown(start, start.plusSeconds(48 * 3600), "US", Optional.of("output:1")));
    Takedown late = takedown(start, start.plusSeconds(10), "US", Optional.empty());
    database.takedowns().add(late);
    Takedown open = takedown(start, start.plusSeconds(10), "FR", Optional.empty());
    database.takedowns().add(open);
    Takedown onTime = database.takedowns().list("default", 10).stream()
        .filter(t -> t.madeHere().isPresent()).findFirst().orElseThrow();
    database.takedowns().done("default", onTime.id(), "key-1", start.plusSeconds(40));
    database.takedowns().done("default", late.id(), "key-1", start.plusSeconds(20));
    reports = Gardefou.reports(config, database, database.ledger(signer));
  }

  private static Takedown takedown(Instant filed, Instant due, String jurisdiction, Optional<String> madeHere) {
    return new Takedown(UUID.randomUUID(), "default", filed, "key-1", "victim", "case-1", jurisdiction, "ncii", due,
        "0123456789abcdef".repeat(4), 90, "ab".repeat(32), "cd".repeat(16), madeHere, false, Optional.empty(),
        Optional.empty());
  }

  @AfterAll
  static void closeTheStore() {
    database.close();
  }

  @Test
  void theSamePeriodGivesByteIdenticalJsonTwice() {
    for (ReportRequest.Kind kind : List.of(ReportRequest.Kind.TRANSPARENCY, ReportRequest.Kind.STATEMENTS,
        ReportRequest.Kind.REGULATOR)) {
      ReportRequest request = new ReportRequest(kind, Optional.of(period), Optional.empty(), Optional.empty());
      assertThat(reports.build(request).json()).as(kind.wireName()).isEqualTo(reports.build(request).json());
    }
    ReportRequest authority = authorityRequest(refusalIn("FR"));
    assertThat(reports.build(authority).json()).isEqualTo(reports.build(authority).json());
  }

  @Test
  void transparencyCountsWhatTheScreenerDecided() throws Exception {
    JsonNode report = JSON.readTree(reports.transparency(period, Optional.empty()).json());

    long refusals = verdicts.stream().filter(v -> v.decision() == Decision.REFUSE).count();
    assertThat(refusals).as("the clinical minors prompt is refused").isEqualTo(3);
    assertThat(report.path("decisions").asLong()).isEqualTo(5);
    assertThat(report.path("by_decision").path("REFUSE").asLong()).isEqualTo(refusals);
    assertThat(report.path("by_jurisdiction").path("FR").asLong()).isEqualTo(2);
    assertThat(report.path("by_category").path("sexual/minors").path("REFUSE").asLong()).isEqualTo(3);
    assertThat(report.path("by_detection_source").path("text").asLong()).isEqualTo(3);
    assertThat(report.path("reports_to_authorities")).isNotEmpty();
    assertThat(report.path("appeals").path("filed").asLong()).isEqualTo(1);
    assertThat(report.path("appeals").path("overturned").asLong()).isEqualTo(1);
    assertThat(report.path("appeals").path("median_time_to_answer").asText()).isEqualTo("PT1M");
    JsonNode takedowns = report.path("takedowns");
    assertThat(takedowns.path("filed").asLong()).isEqualTo(3);
    assertThat(takedowns.path("done").asLong()).isEqualTo(2);
    assertThat(takedowns.path("done_on_time").asLong()).isEqualTo(1);
    assertThat(takedowns.path("overdue").asLong()).isEqualTo(2);
    assertThat(takedowns.path("adherence_per_mille").asLong()).isEqualTo(333);
    assertThat(takedowns.path("median_time_to_done").asText()).isEqualTo("PT20S");
    assertThat(takedowns.path("by_jurisdiction").path("US").asLong()).isEqualTo(2);
    assertThat(takedowns.path("by_category").path("ncii").asLong()).isEqualTo(3);
    assertThat(takedowns.path("made_here").asLong()).isEqualTo(1);
    assertThat(report.path("ledger").path("first_index").asLong()).isZero();
    assertThat(report.path("ledger").path("last_index").asLong()).isEqualTo(4);
    assertThat(report.path("ledger").path("checkpoint").asText()).startsWith(signer.name() + "\n5\n");

    JsonNode france = JSON.readTree(reports.transparency(period, Optional.of("FR")).json());
    assertThat(france.path("decisions").asLong()).isEqualTo(2);
    assertThat(france.path("takedowns").path("filed").asLong()).isEqualTo(1);
    assertThat(france.path("takedowns").path("open_past_due").asLong()).isEqualTo(1);
    assertThat(france.path("reports_to_authorities").findValuesAsText("obligation")).contains("report-pharos");
  }

  @Test
  void statementsOfReasonsOnePerRefusalInTheDatabasesFields() throws Exception {
    JsonNode statements = JSON.readTree(reports.statements(period, Optional.of("FR")).json()).path("statements");

    assertThat(statements).hasSize(1);
    JsonNode statement = statements.get(0);
    assertThat(statement.path("puid").asText()).isEqualTo(refusalIn("FR").decisionId().toString());
    assertThat(statement.path("decision_visibility").get(0).asText()).isEqualTo("DECISION_VISIBILITY_CONTENT_DISABLED");
    assertThat(statement.path("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
    assertThat(statement.path("category").asText()).isEqualTo("STATEMENT_CATEGORY_PROTECTION_OF_MINORS");
    assertThat(statement.path("territorial_scope").get(0).asText()).isEqualTo("FR");
    assertThat(statement.path("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
    assertThat(statement.path("source_type").asText()).isEqualTo("SOURCE_VOLUNTARY");
    assertThat(statement.path("illegal_content_legal_ground").asText()).isNotBlank();

    assertThat(JSON.readTree(reports.statements(period, Optional.empty()).json()).path("statements")).hasSize(3);
  }

  @Test
  void theAuthorityBundlesInclusionProofVerifiesAgainstTheSignedCheckpoint() throws Exception {
    Verdict refusal = refusalIn("US");
    JsonNode bundle = JSON.readTree(reports.build(authorityRequest(refusal)).json());
    JsonNode inclusion = bundle.path("ledger_inclusion");

    NoteVerifier verifier = NoteVerifier.fromVerifierKey(inclusion.path("verifier_key").asText());
    assertThat(verifier.verifierKey()).isEqualTo(signer.verifier().verifierKey());
    Checkpoint checkpoint = Checkpoint.verify(inclusion.path("checkpoint").asText(), verifier);
    byte[] entry = Base64.getDecoder().decode(inclusion.path("entry_base64").asText());
    List<Hash> proof = new ArrayList<>();
    inclusion.path("inclusion_proof").forEach(hash -> proof.add(Hash.fromBase64(hash.asText())));
    long index = inclusion.path("index").asLong();

    assertThat(JSON.readTree(entry).path("decision_id").asText()).isEqualTo(refusal.decisionId().toString());
    assertThat(MerkleHashes.leafHash(entry).base64()).isEqualTo(inclusion.path("leaf_hash").asText());
    assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(entry), index, checkpoint.size(), proof,
        checkpoint.root())).isTrue();
    assertThat(MerkleProofs.verifyInclusion(MerkleHashes.leafHash(entry), index == 0 ? 1 : 0, checkpoint.size(), proof,
        checkpoint.root())).as("the proof is for this index only").isFalse();
    assertThat(bundle.path("hashes").path("image_sha256").get(0).asText()).isEqualTo(InputImage.of("x", image).sha256());
    assertThat(bundle.path("actor_pseudonym").asText()).isEqualTo(AuthorityBundle.pseudonym("default", "anonymous"))
        .doesNotContain("anonymous");
    assertThat(bundle.path("recipients").toString()).contains("NCMEC");
  }

  @Test
  void theAuthorityBundleQuotesThePdqAndMd5TheLedgerEntryRecordedForEachImage() throws Exception {
    JsonNode withImage = JSON.readTree(reports.build(authorityRequest(refusalIn("US"))).json()).path("hashes");
    JsonNode promptOnly = JSON.readTree(reports.build(authorityRequest(refusalIn("FR"))).json()).path("hashes");

    String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(image));
    assertThat(withImage.path("md5")).hasSize(1);
    assertThat(withImage.path("md5").get(0).asText()).isEqualTo(md5);
    assertThat(withImage.path("pdq")).hasSize(1);
    assertThat(withImage.path("pdq").get(0).asText()).matches("[0-9a-f]{64}");
    assertThat(withImage.path("bank_matches")).isEmpty();
    assertThat(promptOnly.path("pdq")).isEmpty();
    assertThat(promptOnly.path("md5")).isEmpty();
  }

  @Test
  void noReportCarriesAPromptOrAnImage() {
    String imageBase64 = Base64.getEncoder().encodeToString(image);
    for (Report report : allReports()) {
      for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML)) {
        String text = new String(format.render(report), StandardCharsets.UTF_8);
        assertThat(text).as(report.kind() + " " + format.wireName())
            .doesNotContain("lighthouse").doesNotContain("12 year old").doesNotContain(imageBase64.substring(0, 40));
      }
    }
  }

  @Test
  void csvHtmlAndPdfRenderingsAreWellFormed() {
    Report statements = reports.statements(period, Optional.empty());
    List<String> lines = new String(ReportFormat.CSV.render(statements), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.getFirst()).startsWith("puid,decision_visibility,");
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line).startsWith(line.substring(0, 36)).contains(
        "DECISION_GROUND_ILLEGAL_CONTENT"));

    String transparencyCsv = new String(ReportFormat.CSV.render(reports.transparency(period, Optional.empty())),
        StandardCharsets.UTF_8);
    assertThat(transparencyCsv).startsWith("# summary\r\nfigure,value\r\n").contains("\r\ndecisions,5\r\n");

    for (Report report : allReports()) {
      String html = new String(ReportFormat.HTML.render(report), StandardCharsets.UTF_8);
      assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
          .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    }
    byte[] pdf = ReportFormat.PDF.render(reports.regulator(period, Optional.empty()));
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void theRegulatorReportListsTheMeasuresAndReadsTheLatestEval() throws Exception {
    JsonNode without = JSON.readTree(reports.regulator(period, Optional.empty()).json());
    assertThat(without.path("measures").path("detectors").toString()).isEqualTo("[\"hashes\",\"image\",\"text\"]");
    assertThat(without.path("measures").path("packs").findValuesAsText("id")).contains("global", "EU", "FR", "US");
    assertThat(without.path("efficacy").path("available").asBoolean(true)).isFalse();
    assertThat(without.path("incidents").path("decisions").asLong()).isEqualTo(5);

    Path latest = data.resolve("eval/latest.json");
    Files.createDirectories(latest.getParent());
    Files.writeString(latest, "{\"targets\": {\"all_met\": true}, \"recall\": 0.981}");
    try {
      JsonNode with = JSON.readTree(reports.regulator(period, Optional.empty()).json());
      assertThat(with.path("efficacy").path("report").path("recall").asText()).isEqualTo("0.981");
      assertThat(with.path("efficacy").path("sha256").asText()).hasSize(64);
    } finally {
      Files.delete(latest);
    }
  }

  private static List<Report> allReports() {
    return List.of(reports.transparency(period, Optional.empty()), reports.statements(period, Optional.empty()),
        reports.build(authorityRequest(refusalIn("US"))), reports.regulator(period, Optional.empty()));
  }

  private static Verdict refusalIn(String jurisdiction) {
    int index = switch (jurisdiction) {
      case "FR" -> 1;
      case "US" -> 2;
      default -> 3;
    };
    return verdicts.get(index);
  }

  private static ReportRequest authorityRequest(Verdict verdict) {
    return new ReportRequest(ReportRequest.Kind.AUTHORITY, Optional.empty(), Optional.empty(),
        Optional.of(verdict.decisionId().toString()));
  }

  private static ScreeningRequest request(String prompt, List<InputImage> images, String jurisdiction) {
    return new ScreeningRequest(images.isEmpty() ? Operation.GENERATE : Operation.EDIT, prompt, images,
        Actor.of("anonymous", Tier.ANONYMOUS), Jurisdiction.of(jurisdiction), "default");
  }

  private static byte[] png() throws Exception {
    BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(new Color(30, 120, 200));
    g.fillRect(0, 0, 64, 64);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", out);
    return out.toByteArray();
  }
}
