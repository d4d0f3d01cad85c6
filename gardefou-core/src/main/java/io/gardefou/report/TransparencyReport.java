package io.gardefou.report;

import static io.gardefou.report.Trees.object;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The transparency report of one period and jurisdiction: decisions by category, action and detection source;
 * appeals and take-downs with their legal clocks; time to action; reports owed to authorities; and the
 * ledger indices and checkpoint against which each counted decision can be checked. Definitions:
 * docs/design/reports.md.
 */
public record TransparencyReport(
    Period period,
    Optional<String> jurisdiction,
    long decisions,
    SortedMap<String, Long> byDecision,
    SortedMap<String, SortedMap<String, Long>> byCategory,
    SortedMap<String, Long> byDetectionSource,
    SortedMap<String, Long> byOperation,
    SortedMap<String, Long> byJurisdiction,
    List<AuthorityDuty> reportsToAuthorities,
    AppealCounts appeals,
    ReviewCounts reviews,
    TakedownCounts takedowns,
    LedgerSpan ledger) implements Report {

  /** Detection source of a restrictive decision no detector's signal bore on: a pre-check or a gate decided. */
  public static final String POLICY_SOURCE = "policy";
  /** Detection source of decisions recorded before the store kept their detectors. */
  public static final String UNRECORDED_SOURCE = "unrecorded";
  static final List<String> DECISIONS = List.of("ALLOW", "REVIEW", "REFUSE");

  /** Reports one authority is owed under one obligation, over the period's decisions. */
  public record AuthorityDuty(String to, String obligation, String pack, Optional<String> deadline, long decisions) {}

  /**
   * Where the counted decisions sit in the ledger: the lowest and highest entry index, how many decisions have
   * no entry, and the saved signed checkpoint to verify them against.
   */
  public record LedgerSpan(
      Optional<Long> firstIndex, Optional<Long> lastIndex, long withoutEntry, Optional<String> checkpoint) {}

  /**
   * The appeals of the period's decisions, by where they stand, and the median time from filing to a moderator's
   * answer over the answered ones (ISO-8601, whole seconds; empty when none was answered).
   */
  public record AppealCounts(long filed, long open, long upheld, long overturned, Optional<String> medianTimeToAnswer) {}

  /**
   * The period's holds for human review as they stood at its end (a later action leaves them open, so the same
   * period always gives the same figures): closed by a moderator, upheld or overturned, still open, and the median
   * time from the decision to the closing action (ISO-8601, whole seconds; empty when none was closed).
   */
  public record ReviewCounts(long held, long upheld, long overturned, Optional<String> medianTimeToAction) {
    public long closed() {
      return upheld + overturned;
    }

    public long open() {
      return held - closed();
    }

    static ReviewCounts of(List<ReportedDecision> decisions, Instant end) {
      long held = 0;
      long upheld = 0;
      long overturned = 0;
      List<Long> seconds = new ArrayList<>();
      for (ReportedDecision decision : decisions) {
        if (!decision.decision().equals("REVIEW")) {
          continue;
        }
        held++;
        Optional<ReportedReview> review = decision.review().filter(closing -> closing.at().isBefore(end));
        if (review.isPresent()) {
          upheld += review.get().action().equals("upheld") ? 1 : 0;
          overturned += review.get().action().equals("overturned") ? 1 : 0;
          seconds.add(Duration.between(decision.decidedAt(), review.get().at()).toSeconds());
        }
      }
      return new ReviewCounts(held, upheld, overturned,
          median(seconds).map(median -> Duration.ofSeconds(median).toString()));
    }
  }

  /**
   * The take-down requests filed in the period, as they stood at its end (so the same period always gives the same
   * figures): done, done within the legal clock, overdue (done late, or open past due), adherence in per-mille
   * (done on time over those whose clock has run out or that are done; empty when there are none), the median time
   * from filing to done (ISO-8601, whole seconds), counts by category and jurisdiction, and how many matched an
   * output generated here.
   */
  public record TakedownCounts(long filed, long done, long doneOnTime, long doneLate, long openPastDue,
      Optional<Long> adherencePerMille, Optional<String> medianTimeToDone, SortedMap<String, Long> byCategory,
      SortedMap<String, Long> byJurisdiction, long madeHere) {
    public TakedownCounts {
      byCategory = new TreeMap<>(byCategory);
      byJurisdiction = new TreeMap<>(byJurisdiction);
    }

    public long overdue() {
      return doneLate + openPastDue;
    }

    /** Counts {@code takedowns} as they stood at {@code end}: a take-down done at or after it is still open. */
    static TakedownCounts of(List<ReportedTakedown> takedowns, Instant end) {
      long done = 0;
      long onTime = 0;
      long openPastDue = 0;
      long madeHere = 0;
      List<Long> doneSeconds = new ArrayList<>();
      TreeMap<String, Long> byCategory = new TreeMap<>();
      TreeMap<String, Long> byJurisdiction = new TreeMap<>();
      for (ReportedTakedown takedown : takedowns) {
        Optional<Instant> doneAt = takedown.doneAt().filter(at -> at.isBefore(end));
        if (doneAt.isPresent()) {
          done++;
          onTime += doneAt.get().isAfter(takedown.dueAt()) ? 0 : 1;
          doneSeconds.add(Duration.between(takedown.filedAt(), doneAt.get()).toSeconds());
        } else if (takedown.dueAt().isBefore(end)) {
          openPastDue++;
        }
        madeHere += takedown.madeHere() ? 1 : 0;
        byCategory.merge(takedown.category(), 1L, Long::sum);
        byJurisdiction.merge(takedown.jurisdiction(), 1L, Long::sum);
      }
      long clocked = done + openPastDue;
      return new TakedownCounts(takedowns.size(), done, onTime, done - onTime, openPastDue,
          clocked == 0 ? Optional.empty() : Optional.of(onTime * 1000 / clocked),
          median(doneSeconds).map(seconds -> Duration.ofSeconds(seconds).toString()), byCategory, byJurisdiction,
          madeHere);
    }
  }

  public TransparencyReport {
    byDecision = new TreeMap<>(byDecision);
    byCategory = new TreeMap<>(byCategory);
    byDetectionSource = new TreeMap<>(byDetectionSource);
    byOperation = new TreeMap<>(byOperation);
    byJurisdiction = new TreeMap<>(byJurisdiction);
    reportsToAuthorities = List.copyOf(reportsToAuthorities);
  }

  /**
   * Counts {@code decisions} and {@code takedowns}, which the source gave for {@code period} and
   * {@code jurisdiction}.
   */
  public static TransparencyReport of(Period period, Optional<String> jurisdiction, List<ReportedDecision> decisions,
      List<ReportedTakedown> takedowns, Optional<String> checkpoint) {
    TreeMap<String, Long> byDecision = new TreeMap<>();
    DECISIONS.forEach(decision -> byDecision.put(decision, 0L));
    TreeMap<String, SortedMap<String, Long>> byCategory = new TreeMap<>();
    TreeMap<String, Long> bySource = new TreeMap<>();
    TreeMap<String, Long> byOperation = new TreeMap<>();
    TreeMap<String, Long> byJurisdiction = new TreeMap<>();
    TreeMap<List<String>, Long> duties = new TreeMap<>(TransparencyReport::compareKeys);
    Long first = null;
    Long last = null;
    long withoutEntry = 0;
    long[] appealStates = new long[3];
    List<Long> answerSeconds = new ArrayList<>();
    for (ReportedDecision decision : decisions) {
      decision.appeal().ifPresent(appeal -> {
        appealStates[switch (appeal.state()) {
          case "open" -> 0;
          case "upheld" -> 1;
          default -> 2;
        }]++;
        appeal.decidedAt().ifPresent(at -> answerSeconds.add(Duration.between(appeal.filedAt(), at).toSeconds()));
      });
      byDecision.merge(decision.decision(), 1L, Long::sum);
      for (String category : decision.categories()) {
        SortedMap<String, Long> row = byCategory.computeIfAbsent(category, c -> zeroes());
        row.merge(decision.decision(), 1L, Long::sum);
      }
      if (decision.restrictive()) {
        for (String source : sources(decision)) {
          bySource.merge(source, 1L, Long::sum);
        }
      }
      byOperation.merge(decision.operation(), 1L, Long::sum);
      byJurisdiction.merge(decision.jurisdiction(), 1L, Long::sum);
      for (ReportedObligation duty : decision.obligations()) {
        if (duty.isReport()) {
          duties.merge(List.of(duty.to(), duty.name(), duty.pack(), duty.deadline().orElse("")), 1L, Long::sum);
        }
      }
      if (decision.ledgerIndex().isPresent()) {
        long index = decision.ledgerIndex().getAsLong();
        first = first == null ? index : Math.min(first, index);
        last = last == null ? index : Math.max(last, index);
      } else {
        withoutEntry++;
      }
    }
    List<AuthorityDuty> reports = new ArrayList<>();
    duties.forEach((key, count) -> reports.add(new AuthorityDuty(key.get(0), key.get(1), key.get(2),
        key.get(3).isEmpty() ? Optional.empty() : Optional.of(key.get(3)), count)));
    return new TransparencyReport(period, jurisdiction, decisions.size(), byDecision, byCategory, bySource,
        byOperation, byJurisdiction, reports,
        new AppealCounts(appealStates[0] + appealStates[1] + appealStates[2], appealStates[0], appealStates[1],
            appealStates[2], median(answerSeconds).map(seconds -> Duration.ofSeconds(seconds).toString())),
        ReviewCounts.of(decisions, period.to()),
        TakedownCounts.of(takedowns, period.to()),
        new LedgerSpan(Optional.ofNullable(first), Optional.ofNullable(last), withoutEntry, checkpoint));
  }

  /** The detection sources of a restrictive decision: its detectors, {@link #POLICY_SOURCE} or unrecorded. */
  static List<String> sources(ReportedDecision decision) {
    return decision.detectors()
        .map(detectors -> detectors.isEmpty() ? List.of(POLICY_SOURCE) : detectors)
        .orElse(List.of(UNRECORDED_SOURCE));
  }

  /** The lower median, so that it is always one of the values, in whole seconds. */
  static Optional<Long> median(List<Long> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = values.stream().sorted().toList();
    return Optional.of(sorted.get((sorted.size() - 1) / 2));
  }

  private static TreeMap<String, Long> zeroes() {
    TreeMap<String, Long> zeroes = new TreeMap<>();
    DECISIONS.forEach(decision -> zeroes.put(decision, 0L));
    return zeroes;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    return String.join("\u0000", a).compareTo(String.join("\u0000", b));
  }

  @Override
  public String kind() {
    return "transparency";
  }

  @Override
  public String title() {
    return "Transparency report " + Trees.instant(period.from()) + " to " + Trees.instant(period.to())
        + " (" + jurisdiction.orElse("all jurisdictions") + ")";
  }

  @Override
  public SortedMap<String, Object> tree() {
    TreeMap<String, Object> categories = new TreeMap<>();
    byCategory.forEach((category, counts) -> categories.put(category, new TreeMap<String, Object>(counts)));
    return object(
        "kind", kind(),
        "period", object("from", Trees.instant(period.from()), "to", Trees.instant(period.to())),
        "jurisdiction", Trees.orNull(jurisdiction),
        "decisions", decisions,
        "by_decision", new TreeMap<String, Object>(byDecision),
        "by_category", categories,
        "by_detection_source", new TreeMap<String, Object>(byDetectionSource),
        "by_operation", new TreeMap<String, Object>(byOperation),
        "by_jurisdiction", new TreeMap<String, Object>(byJurisdiction),
        "appeals", object("available", true, "filed", appeals.filed(), "open", appeals.open(),
            "upheld", appeals.upheld(), "overturned", appeals.overturned(),
            "median_time_to_answer", Trees.orNull(appeals.medianTimeToAnswer())),
        "takedowns", object("available", true, "filed", takedowns.filed(), "done", takedowns.done(),
            "done_on_time", takedowns.doneOnTime(), "done_late", takedowns.doneLate(),
            "open_past_due", takedowns.openPastDue(), "overdue", takedowns.overdue(),
            "adherence_per_mille", Trees.orNull(takedowns.adherencePerMille()),
            "median_time_to_done", Trees.orNull(takedowns.medianTimeToDone()),
            "by_category", new TreeMap<String, Object>(takedowns.byCategory()),
            "by_jurisdiction", new TreeMap<String, Object>(takedowns.byJurisdiction()),
            "made_here", takedowns.madeHere(), "as_of", Trees.instant(period.to())),
        "time_to_action", object(
            "automated", object("decisions", byDecision.get("REFUSE") + byDecision.get("REVIEW"),
                "median", "PT0S",
                "definition", "screening acts before any output is delivered: the refusal or hold is the response"),
            "appeals", object("answered", appeals.upheld() + appeals.overturned(),
                "median", Trees.orNull(appeals.medianTimeToAnswer())),
            "human_review", object("held", reviews.held(), "closed", reviews.closed(), "upheld", reviews.upheld(),
                "overturned", reviews.overturned(), "open", reviews.open(),
                "median", Trees.orNull(reviews.medianTimeToAction()), "as_of", Trees.instant(period.to()),
                "definition", "from the decision that held the request to the moderator's upholding or overturning")),
        "reports_to_authorities", reportsToAuthorities.stream().map(duty -> (Object) object(
            "to", duty.to(), "obligation", duty.obligation(), "pack", duty.pack(),
            "deadline", Trees.orNull(duty.deadline()), "decisions", duty.decisions(),
            "status", "owed: filing is not recorded in this store")).toList(),
        "ledger", object(
            "first_index", Trees.orNull(ledger.firstIndex()), "last_index", Trees.orNull(ledger.lastIndex()),
            "decisions_without_entry", ledger.withoutEntry(), "checkpoint", Trees.orNull(ledger.checkpoint())));
  }

  static TreeMap<String, Object> unavailable(String reason) {
    return object("available", false, "reason", reason);
  }

  @Override
  public List<Table> tables() {
    List<List<String>> summary = new ArrayList<>();
    summary.add(List.of("period.from", Trees.instant(period.from())));
    summary.add(List.of("period.to", Trees.instant(period.to())));
    summary.add(List.of("jurisdiction", jurisdiction.orElse("all")));
    summary.add(List.of("decisions", Long.toString(decisions)));
    byDecision.forEach((decision, count) -> summary.add(List.of("decision." + decision, count.toString())));
    byDetectionSource.forEach((source, count) -> summary.add(List.of("detection_source." + source, count.toString())));
    byOperation.forEach((operation, count) -> summary.add(List.of("operation." + operation, count.toString())));
    byJurisdiction.forEach((code, count) -> summary.add(List.of("jurisdiction." + code, count.toString())));
    summary.add(List.of("appeals.filed", Long.toString(appeals.filed())));
    summary.add(List.of("appeals.open", Long.toString(appeals.open())));
    summary.add(List.of("appeals.upheld", Long.toString(appeals.upheld())));
    summary.add(List.of("appeals.overturned", Long.toString(appeals.overturned())));
    summary.add(List.of("appeals.median_time_to_answer", appeals.medianTimeToAnswer().orElse("")));
    summary.add(List.of("takedowns.filed", Long.toString(takedowns.filed())));
    summary.add(List.of("takedowns.done", Long.toString(takedowns.done())));
    summary.add(List.of("takedowns.done_on_time", Long.toString(takedowns.doneOnTime())));
    summary.add(List.of("takedowns.overdue", Long.toString(takedowns.overdue())));
    summary.add(List.of("takedowns.adherence_per_mille", takedowns.adherencePerMille().map(String::valueOf).orElse("")));
    summary.add(List.of("takedowns.median_time_to_done", takedowns.medianTimeToDone().orElse("")));
    takedowns.byCategory().forEach((category, count) ->
        summary.add(List.of("takedowns.category." + category, count.toString())));
    takedowns.byJurisdiction().forEach((code, count) ->
        summary.add(List.of("takedowns.jurisdiction." + code, count.toString())));
    summary.add(List.of("takedowns.made_here", Long.toString(takedowns.madeHere())));
    summary.add(List.of("time_to_action.automated.median", "PT0S"));
    summary.add(List.of("time_to_action.human_review.held", Long.toString(reviews.held())));
    summary.add(List.of("time_to_action.human_review.closed", Long.toString(reviews.closed())));
    summary.add(List.of("time_to_action.human_review.median", reviews.medianTimeToAction().orElse("")));
    summary.add(List.of("ledger.first_index", ledger.firstIndex().map(String::valueOf).orElse("")));
    summary.add(List.of("ledger.last_index", ledger.lastIndex().map(String::valueOf).orElse("")));
    summary.add(List.of("ledger.decisions_without_entry", Long.toString(ledger.withoutEntry())));
    List<List<String>> categories = new ArrayList<>();
    byCategory.forEach((category, counts) -> categories.add(List.of(category,
        counts.get("ALLOW").toString(), counts.get("REVIEW").toString(), counts.get("REFUSE").toString())));
    List<List<String>> authorities = reportsToAuthorities.stream().map(duty -> List.of(duty.to(), duty.obligation(),
        duty.pack(), duty.deadline().orElse(""), Long.toString(duty.decisions()))).toList();
    return List.of(
        new Table("summary", List.of("figure", "value"), summary),
        new Table("by_category", List.of("category", "ALLOW", "REVIEW", "REFUSE"), categories),
        new Table("reports_to_authorities", List.of("to", "obligation", "pack", "deadline", "decisions"), authorities));
  }
}
