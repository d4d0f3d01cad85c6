package io.gardefou.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.actor.AppealStore;
import io.gardefou.ledger.LogStore;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Jurisdiction;
import io.gardefou.report.Period;
import io.gardefou.report.ReportSource;
import io.gardefou.report.ReportedAppeal;
import io.gardefou.report.ReportedDecision;
import io.gardefou.report.ReportedObligation;
import io.gardefou.report.ReportedReview;
import io.gardefou.report.ReportedTakedown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reports' view of the store: verdict rows joined with their ledger entries, which add the qualified rules
 * and the obligations, and with their appeals and review actions; and the take-down requests. A row names its
 * entry's index (V12), so the join reads only the ledger chunks that hold the report's decisions; older rows are
 * matched on {@code decision_id} from the start of the ledger (docs/design/reports.md, Cost).
 */
final class StoreReportSource implements ReportSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 512;

  private final VerdictRecords verdicts;
  private final LogStore log;
  private final CheckpointRecords checkpoints;
  private final AppealStore appeals;
  private final Takedowns takedowns;
  private final ReviewActions reviews;

  StoreReportSource(VerdictRecords verdicts, LogStore log, CheckpointRecords checkpoints, AppealStore appeals,
      Takedowns takedowns, ReviewActions reviews) {
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.log = Objects.requireNonNull(log, "log");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.appeals = Objects.requireNonNull(appeals, "appeals");
    this.takedowns = Objects.requireNonNull(takedowns, "takedowns");
    this.reviews = Objects.requireNonNull(reviews, "reviews");
  }

  @Override
  public List<ReportedDecision> decisions(Period period, Optional<String> jurisdiction) {
    List<StoredVerdict> rows = verdicts.between(period.from(), period.to(), jurisdiction.map(Jurisdiction::of));
    Map<String, LedgerEntry> entries = entries(rows);
    return rows.stream().map(row -> join(row, Optional.ofNullable(entries.get(row.decisionId().toString())))).toList();
  }

  @Override
  public List<ReportedTakedown> takedowns(Period period, Optional<String> jurisdiction) {
    return takedowns.between(period.from(), period.to(), jurisdiction).stream()
        .map(takedown -> new ReportedTakedown(takedown.filedAt(), takedown.dueAt(), takedown.doneAt(),
            takedown.jurisdiction(), takedown.category(), takedown.madeHere().isPresent()))
        .toList();
  }

  @Override
  public Optional<ReportedDecision> decision(String decisionId) {
    DecisionId id;
    try {
      id = DecisionId.parse(decisionId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return verdicts.find(id).map(row -> join(row, Optional.ofNullable(entries(List.of(row))
        .get(row.decisionId().toString()))));
  }

  @Override
  public Optional<String> savedCheckpoint() {
    return checkpoints.latest();
  }

  private record LedgerEntry(long index, List<String> rules, List<ReportedObligation> obligations) {}

  /**
   * The ledger entries of the rows' decisions, by decision id: read where the rows say they are, a chunk at a time
   * and only the chunks that hold one; rows recorded before the store kept the index are looked for from the start.
   */
  private Map<String, LedgerEntry> entries(List<StoredVerdict> rows) {
    Map<String, LedgerEntry> found = new HashMap<>();
    TreeMap<Long, String> indexed = new TreeMap<>();
    Set<String> unindexed = new HashSet<>();
    for (StoredVerdict row : rows) {
      String decisionId = row.decisionId().toString();
      row.ledgerIndex().ifPresentOrElse(index -> indexed.put(index, decisionId), () -> unindexed.add(decisionId));
    }
    long size = log.size();
    for (Long from = indexed.isEmpty() ? null : indexed.firstKey(); from != null && from < size;
        from = indexed.ceilingKey(from + CHUNK)) {
      List<byte[]> chunk = log.entries(from, (int) Math.min(CHUNK, size - from));
      for (Map.Entry<Long, String> wanted : indexed.subMap(from, from + chunk.size()).entrySet()) {
        JsonNode entry = parse(chunk.get((int) (wanted.getKey() - from)));
        if (entry.path("decision_id").asText().equals(wanted.getValue())) {
          found.put(wanted.getValue(), read(wanted.getKey(), entry));
        }
      }
    }
    if (!unindexed.isEmpty()) {
      scanFromTheStart(unindexed, found);
    }
    return found;
  }

  private void scanFromTheStart(Set<String> wanted, Map<String, LedgerEntry> found) {
    long size = log.size();
    int looked = 0;
    for (long from = 0; from < size && looked < wanted.size(); from += CHUNK) {
      List<byte[]> chunk = log.entries(from, (int) Math.min(CHUNK, size - from));
      for (int i = 0; i < chunk.size(); i++) {
        JsonNode entry = parse(chunk.get(i));
        if (entry.has("event")) {
          continue; // An audit event (AuditEvent), not a decision record.
        }
        String decisionId = entry.path("decision_id").asText();
        if (wanted.contains(decisionId)) {
          found.put(decisionId, read(from + i, entry));
          looked++;
        }
      }
    }
  }

  private static LedgerEntry read(long index, JsonNode entry) {
    List<String> rules = new ArrayList<>();
    entry.path("rules").forEach(rule -> rules.add(rule.path("pack").asText() + "/" + rule.path("rule").asText()));
    List<ReportedObligation> obligations = new ArrayList<>();
    entry.path("obligations").forEach(duty -> obligations.add(new ReportedObligation(
        duty.path("kind").asText(), duty.path("name").asText(), duty.path("to").asText(""),
        duty.path("deadline").isTextual() ? Optional.of(duty.path("deadline").asText()) : Optional.empty(),
        duty.path("pack").asText())));
    return new LedgerEntry(index, rules, obligations);
  }

  private static JsonNode parse(byte[] entry) {
    try {
      return JSON.readTree(entry);
    } catch (IOException e) {
      throw new UncheckedIOException("a ledger entry is not JSON", e);
    }
  }

  /** Only refusals and holds can be appealed; one lookup each. */
  private Optional<ReportedAppeal> appeal(StoredVerdict row) {
    if (row.decision() == Decision.ALLOW) {
      return Optional.empty();
    }
    return appeals.ofDecision(row.decisionId())
        .map(appeal -> new ReportedAppeal(appeal.state().wireName(), appeal.filedAt(), appeal.decidedAt()));
  }

  /** Only holds are reviewed; one lookup each. The first upholding or overturning closes the hold. */
  private Optional<ReportedReview> review(StoredVerdict row) {
    if (row.decision() != Decision.REVIEW) {
      return Optional.empty();
    }
    return reviews.of(row.decisionId()).stream()
        .filter(ReviewActions.Action::closes)
        .findFirst()
        .map(action -> new ReportedReview(action.action(), action.at()));
  }

  private ReportedDecision join(StoredVerdict row, Optional<LedgerEntry> entry) {
    return new ReportedDecision(
        row.decisionId().toString(),
        row.decidedAt(),
        row.operation().wireName(),
        row.tenant(),
        row.actorId(),
        row.jurisdiction().code(),
        row.decision().name(),
        row.categories(),
        entry.map(LedgerEntry::rules).orElse(row.rules()),
        row.legalBasis(),
        row.policyVersion(),
        row.promptSha256(),
        row.imageSha256s(),
        row.language(),
        row.detectors(),
        entry.map(LedgerEntry::obligations).orElse(List.of()),
        entry.map(e -> OptionalLong.of(e.index())).orElse(OptionalLong.empty()),
        appeal(row),
        review(row));
  }
}
