package io.gardefou.store;

import io.gardefou.model.Category;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Digests;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Score;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records each verdict as one row of {@code verdicts}: digests of the prompt and images, never the content.
 * A failed insert throws (a {@code JdbiException}), so the caller cannot act on an unrecorded decision.
 */
final class JdbcVerdictLog implements VerdictLog {
  private static final String INSERT = """
      INSERT INTO verdicts (decision_id, decided_at, operation, tenant, actor_id, actor_tier, jurisdiction,
                            decision, categories, rules, legal_basis, policy_version, prompt_sha256,
                            image_sha256s, language, request_id, detectors, ledger_index)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final Jdbi jdbi;

  JdbcVerdictLog(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void append(ScreeningRequest request, Verdict verdict) {
    appendAll(List.of(request), List.of(verdict));
  }

  /** Records {@code verdicts[i]} on {@code requests[i]}, all in one transaction or none. */
  void appendAll(List<ScreeningRequest> requests, List<Verdict> verdicts) {
    if (requests.size() != verdicts.size()) {
      throw new IllegalArgumentException(requests.size() + " requests but " + verdicts.size() + " verdicts");
    }
    try {
      jdbi.useTransaction(handle -> insertAll(handle, requests, verdicts, null));
    } catch (SQLException e) {
      throw new StoreFailure("could not record " + requests.size() + " verdicts", e);
    }
  }

  /**
   * The rows of {@link #appendAll}, in the caller's transaction, with {@code ledgerIndices[i]} the index of
   * {@code verdicts[i]}'s ledger entry ({@code null}: no ledger); plain JDBC, the ledger's hot path.
   */
  static void insertAll(Handle handle, List<ScreeningRequest> requests, List<Verdict> verdicts, long[] ledgerIndices)
      throws SQLException {
    try (PreparedStatement batch = handle.getConnection().prepareStatement(INSERT)) {
      for (int i = 0; i < requests.size(); i++) {
        bind(batch, requests.get(i), verdicts.get(i));
        if (ledgerIndices == null) {
          batch.setNull(18, Types.BIGINT);
        } else {
          batch.setLong(18, ledgerIndices[i]);
        }
        batch.addBatch();
      }
      batch.executeBatch();
    }
  }

  private static void bind(PreparedStatement row, ScreeningRequest request, Verdict verdict) throws SQLException {
    // Types.OTHER lets PostgreSQL read the text as the column's type (uuid, timestamptz, jsonb);
    // SQLite stores it as the text it is.
    row.setObject(1, verdict.decisionId().toString(), Types.OTHER);
    row.setObject(2, Columns.timestamp(verdict.decidedAt()), Types.OTHER);
    row.setString(3, request.operation().wireName());
    row.setString(4, request.tenant());
    row.setString(5, request.actor().id());
    row.setString(6, request.actor().tier().wireName());
    row.setString(7, request.jurisdiction().code());
    row.setString(8, verdict.decision().name());
    // Set.copyOf has no order; the enum's order makes equal verdicts give equal rows.
    row.setObject(9, Columns.json(verdict.categories().stream().sorted().map(Category::wireName).toList()), Types.OTHER);
    row.setObject(10, Columns.json(verdict.ruleNames()), Types.OTHER);
    row.setObject(11, Columns.json(verdict.legalBasis()), Types.OTHER);
    row.setString(12, verdict.policyVersion());
    row.setString(13, Digests.sha256Hex(request.prompt()));
    row.setObject(14, Columns.json(request.images().stream().map(InputImage::sha256).toList()), Types.OTHER);
    row.setString(15, verdict.signals().fact(Fact.LANGUAGE).orElse(null));
    row.setString(16, request.requestId().orElse(null));
    row.setObject(17, Columns.json(detectors(verdict)), Types.OTHER);
  }

  /**
   * The detectors whose signals bore on the verdict's categories: those that scored one of them above zero, and
   * those whose failure left one unknown (fail closed); sorted. Empty when no category did, as for a pre-check.
   */
  static List<String> detectors(Verdict verdict) {
    java.util.TreeSet<String> detectors = new java.util.TreeSet<>();
    for (Score score : verdict.signals().scores()) {
      if (score.value() > 0.0 && verdict.categories().contains(score.category())) {
        detectors.add(score.detector());
      }
    }
    for (DetectorFailure failure : verdict.signals().failures()) {
      if (failure.unknown().stream().anyMatch(verdict.categories()::contains)) {
        detectors.add(failure.detector());
      }
    }
    return List.copyOf(detectors);
  }
}
