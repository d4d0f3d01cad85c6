package io.gardefou.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The pure builders and renderings, on hand-made decisions: mappings, counts and quoting. */
class ReportBuildersTest {
  private static final Instant AT = Instant.parse("2026-11-05T10:15:30.123456Z");
  private static final Period NOVEMBER = Period.parse("2026-11-01", "2026-12-01");

  @Test
  void aHoldForReviewInTheEuIsAPartlyAutomatedStatementOnTermsForEveryMemberState() {
    ReportedDecision hold = decision("REVIEW", "EU", List.of("violence/graphic"), List.of(), Optional.empty());

    SortedMap<String, Object> statement = StatementsOfReasons.statement(hold);

    assertThat(statement.get("decision_visibility")).isEqualTo(List.of("DECISION_VISIBILITY_OTHER"));
    assertThat(statement.get("decision_visibility_other")).isEqualTo("Withheld pending human review");
    assertThat(statement.get("decision_ground")).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
    assertThat(statement).containsKey("incompatible_content_ground").doesNotContainKey("illegal_content_legal_ground");
    assertThat(statement.get("category")).isEqualTo("STATEMENT_CATEGORY_VIOLENCE");
    assertThat(statement.get("automated_decision")).isEqualTo("AUTOMATED_DECISION_PARTIALLY");
    assertThat(statement.get("territorial_scope")).isEqualTo(StatementsOfReasons.EU_MEMBER_STATES);
    assertThat(StatementsOfReasons.EU_MEMBER_STATES).hasSize(27).contains("FR", "DE", "PL");
    assertThat(statement.get("content_date")).isEqualTo("2026-11-05");
  }

  @Test
  void aRefusalWithAReportDutyIsIllegalContentAndItsOtherCategoriesAreAdditions() {
    ReportedObligation ncmec = new ReportedObligation("report", "report-ncmec", "NCMEC CyberTipline",
        Optional.of("PT24H"), "US@2026.07.0");
    ReportedDecision refusal = decision("REFUSE", "US-CA", List.of("sexual", "violence"), List.of(ncmec), Optional.empty());

    SortedMap<String, Object> statement = StatementsOfReasons.statement(refusal);

    assertThat(statement.get("decision_ground")).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
    assertThat(statement.get("category")).isEqualTo("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT");
    assertThat(statement.get("category_addition")).isEqualTo(List.of("STATEMENT_CATEGORY_VIOLENCE"));
    assertThat(statement.get("territorial_scope")).isEqualTo(List.of("US"));
    assertThat(StatementsOfReasons.of(NOVEMBER, Optional.empty(), List.of(refusal,
        decision("ALLOW", "US", List.of(), List.of(), Optional.empty()))).statements()).hasSize(1);
  }

  @Test
  void transparencyCountsSourcesAppealsAndAuthorityDuties() {
    ReportedObligation pharos = new ReportedObligation("report", "report-pharos", "PHAROS", Optional.empty(), "FR@1");
    List<ReportedDecision> decisions = List.of(
        decision("REFUSE", "FR", List.of("sexual/minors"), List.of(pharos),
            Optional.of(new ReportedAppeal("overturned", AT, Optional.of(AT.plusSeconds(90))))),
        decision("REFUSE", "FR", List.of("sexual/minors"), List.of(pharos),
            Optional.of(new ReportedAppeal("upheld", AT, Optional.of(AT.plusSeconds(30))))),
        decision("REFUSE", "FR", List.of("sexual/minors"), List.of(pharos),
            Optional.of(new ReportedAppeal("upheld", AT, Optional.of(AT.plusSeconds(600))))),
        decision("REVIEW", "FR", List.of(), List.of(), Optional.of(new ReportedAppeal("open", AT, Optional.empty()))),
        decision("ALLOW", "FR", List.of(), List.of(), Optional.empty()));

    TransparencyReport report = TransparencyReport.of(NOVEMBER, Optional.of("FR"), decisions, List.of(),
        Optional.empty());

    assertThat(report.byDecision()).containsEntry("REFUSE", 3L).containsEntry("REVIEW", 1L).containsEntry("ALLOW", 1L);
    assertThat(report.byDetectionSource()).containsEntry("text", 3L).containsEntry("policy", 1L).hasSize(2);
    assertThat(report.appeals()).isEqualTo(new TransparencyReport.AppealCounts(4, 1, 2, 1, Optional.of("PT1M30S")));
    assertThat(report.reportsToAuthorities()).singleElement()
        .satisfies(duty -> assertThat(duty.decisions()).isEqualTo(3));
    assertThat(report.ledger().firstIndex()).contains(0L);
    assertThat(report.ledger().lastIndex()).contains(4L);
  }

  @Test
  void takedownsCountTheLegalClockAsItStoodAtThePeriodsEnd() {
    Instant filed = Instant.parse("2026-11-10T08:00:00Z");
    Instant due = filed.plusSeconds(48 * 3600);
    List<ReportedTakedown> takedowns = List.of(
        new ReportedTakedown(filed, due, Optional.of(filed.plusSeconds(3600)), "US", "ncii", true),
        new ReportedTakedown(filed, due, Optional.of(due.plusSeconds(60)), "US", "ncii", false),
        new ReportedTakedown(filed, due, Optional.empty(), "IN", "csam", false),
        new ReportedTakedown(NOVEMBER.to().minusSeconds(60), NOVEMBER.to().plusSeconds(3600), Optional.empty(),
            "IN", "ncii", false),
        new ReportedTakedown(filed, due.plus(java.time.Duration.ofDays(30)), Optional.of(NOVEMBER.to()), "US", "ncii",
            false));

    TransparencyReport report = TransparencyReport.of(NOVEMBER, Optional.empty(), List.of(), takedowns,
        Optional.empty());
    TransparencyReport.TakedownCounts counts = report.takedowns();

    assertThat(counts.filed()).isEqualTo(5);
    assertThat(counts.done()).as("one done only after the period's end counts as open").isEqualTo(2);
    assertThat(counts.doneOnTime()).isEqualTo(1);
    assertThat(counts.doneLate()).isEqualTo(1);
    assertThat(counts.openPastDue()).as("not the one whose clock still runs").isEqualTo(1);
    assertThat(counts.overdue()).isEqualTo(2);
    assertThat(counts.adherencePerMille()).contains(333L);
    assertThat(counts.medianTimeToDone()).contains("PT1H");
    assertThat(counts.byCategory()).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of("csam", 1L, "ncii", 4L)));
    assertThat(counts.byJurisdiction()).containsEntry("IN", 2L).containsEntry("US", 3L);
    assertThat(counts.madeHere()).isEqualTo(1);
    String json = new String(report.json(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"adherence_per_mille\":333").contains("\"overdue\":2").doesNotContain("\"available\":false,\"reason\":\"take");
    assertThat(new String(ReportFormat.CSV.render(report), StandardCharsets.UTF_8))
        .contains("\r\ntakedowns.adherence_per_mille,333\r\n").doesNotContain("not available");
  }

  @Test
  void humanReviewCountsHoldsClosedByAModeratorBeforeThePeriodsEnd() {
    List<ReportedDecision> decisions = List.of(
        reviewed("REVIEW", Optional.of(new ReportedReview("upheld", AT.plusSeconds(600)))),
        reviewed("REVIEW", Optional.of(new ReportedReview("overturned", AT.plusSeconds(7200)))),
        reviewed("REVIEW", Optional.of(new ReportedReview("upheld", AT.plusSeconds(60)))),
        reviewed("REVIEW", Optional.of(new ReportedReview("upheld", NOVEMBER.to()))),
        reviewed("REVIEW", Optional.empty()),
        reviewed("REFUSE", Optional.empty()));

    TransparencyReport report = TransparencyReport.of(NOVEMBER, Optional.empty(), decisions, List.of(), Optional.empty());

    assertThat(report.reviews()).isEqualTo(new TransparencyReport.ReviewCounts(5, 2, 1, Optional.of("PT10M")));
    assertThat(report.reviews().open()).as("one closed only at the period's end is still open").isEqualTo(2);
    assertThat(new String(report.json(), StandardCharsets.UTF_8))
        .contains("\"human_review\":{\"as_of\"").contains("\"median\":\"PT10M\"");
  }

  @Test
  void noTakedownsHaveNoAdherenceRatherThanAPerfectOne() {
    TransparencyReport report = TransparencyReport.of(NOVEMBER, Optional.empty(), List.of(), List.of(), Optional.empty());

    assertThat(report.takedowns().adherencePerMille()).isEmpty();
    assertThat(report.takedowns().medianTimeToDone()).isEmpty();
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndHtmlEscapes() {
    ReportedDecision odd = new ReportedDecision("id-1", AT, "generate", "t", "a", "FR", "REFUSE", List.of("hate"),
        List.of("pack@1/rule, with \"comma\""), List.of("<b>law</b>"), "v1", "ab", List.of(), Optional.empty(),
        Optional.of(List.of("text")), List.of(), OptionalLong.empty(), Optional.empty(), Optional.empty());
    Report statements = StatementsOfReasons.of(NOVEMBER, Optional.empty(), List.of(odd));

    String csv = new String(ReportFormat.CSV.render(statements), StandardCharsets.UTF_8);
    String html = new String(ReportFormat.HTML.render(statements), StandardCharsets.UTF_8);

    assertThat(csv).contains("\"Automated screening of a generate request found hate. Rules: pack@1/rule, with \"\"comma\"\"");
    assertThat(html).contains("&lt;b&gt;law&lt;/b&gt;").doesNotContain("<b>law</b>");
  }

  @Test
  void periodsAndRequestsRefuseWhatTheyCannotReport() {
    assertThat(Period.parse("2026-11-01", "2026-11-02").to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThatThrownBy(() -> Period.parse("2026-11-02", "2026-11-01")).hasMessageContaining("must end after");
    assertThatThrownBy(() -> Period.parse("November", "2026-11-01")).hasMessageContaining("from must be an ISO-8601");
    assertThatThrownBy(() -> new ReportRequest(ReportRequest.Kind.AUTHORITY, Optional.of(NOVEMBER), Optional.empty(),
        Optional.empty())).hasMessageContaining("decision id");
    assertThatThrownBy(() -> new ReportRequest(ReportRequest.Kind.STATEMENTS, Optional.empty(), Optional.empty(),
        Optional.empty())).hasMessageContaining("needs a period");
    assertThat(new ReportRequest(ReportRequest.Kind.TRANSPARENCY, Optional.of(NOVEMBER), Optional.of("fr"),
        Optional.empty()).jurisdiction()).contains("FR");
  }

  private static int next;

  private static ReportedDecision reviewed(String decision, Optional<ReportedReview> review) {
    return new ReportedDecision("decision-r" + next++, AT, "edit", "tenant", "actor", "FR", decision, List.of(),
        List.of(), List.of(), "v1", "ab", List.of(), Optional.empty(), Optional.empty(), List.of(), OptionalLong.empty(),
        Optional.empty(), review);
  }

  private static ReportedDecision decision(String decision, String jurisdiction, List<String> categories,
      List<ReportedObligation> obligations, Optional<ReportedAppeal> appeal) {
    long index = next++ % 5;
    return new ReportedDecision("decision-" + index, AT, "generate", "tenant", "actor", jurisdiction, decision,
        categories, List.of("global@1/rule"), List.of("a law"), "v1", "ab", List.of(), Optional.of("en"),
        Optional.of(categories.isEmpty() ? List.of() : List.of("text")), obligations, OptionalLong.of(index), appeal,
        Optional.empty());
  }
}
