package io.gardefou.store;

import io.gardefou.model.Category;
import io.gardefou.model.Digests;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records each verdict as one row of {@code verdicts}: digests of the prompt and images, never the content.
 * A failed insert throws (a {@code JdbiException}), so the caller cannot act on an unrecorded decision.
 */
final class JdbcVerdictLog implements VerdictLog {
  private static final String INSERT = """
      INSERT INTO verdicts (decision_id, decided_at, operation, tenant, actor_id, actor_tier, jurisdiction,
                            decision, categories, rules, legal_basis, policy_version, prompt_sha256,
                            image_sha256s, language)
      VALUES (:decision_id, :decided_at, :operation, :tenant, :actor_id, :actor_tier, :jurisdiction,
              :decision, :categories, :rules, :legal_basis, :policy_version, :prompt_sha256,
              :image_sha256s, :language)
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
    jdbi.useTransaction(handle -> insertAll(handle, requests, verdicts));
  }

  /** The rows of {@link #appendAll}, in the caller's transaction. */
  static void insertAll(Handle handle, List<ScreeningRequest> requests, List<Verdict> verdicts) {
    PreparedBatch batch = handle.prepareBatch(INSERT);
    for (int i = 0; i < requests.size(); i++) {
      bind(batch, requests.get(i), verdicts.get(i)).add();
    }
    batch.execute();
  }

  private static PreparedBatch bind(PreparedBatch batch, ScreeningRequest request, Verdict verdict) {
    return batch
        // Types.OTHER lets PostgreSQL read the text as the column's type (uuid, timestamptz, jsonb);
        // SQLite stores it as the text it is.
        .bindBySqlType("decision_id", verdict.decisionId().toString(), Types.OTHER)
        .bindBySqlType("decided_at", Columns.timestamp(verdict.decidedAt()), Types.OTHER)
        .bind("operation", request.operation().wireName())
        .bind("tenant", request.tenant())
        .bind("actor_id", request.actor().id())
        .bind("actor_tier", request.actor().tier().wireName())
        .bind("jurisdiction", request.jurisdiction().code())
        .bind("decision", verdict.decision().name())
        // Set.copyOf has no order; the enum's order makes equal verdicts give equal rows.
        .bindBySqlType("categories", Columns.json(verdict.categories().stream()
            .sorted().map(Category::wireName).toList()), Types.OTHER)
        .bindBySqlType("rules", Columns.json(verdict.ruleNames()), Types.OTHER)
        .bindBySqlType("legal_basis", Columns.json(verdict.legalBasis()), Types.OTHER)
        .bind("policy_version", verdict.policyVersion())
        .bind("prompt_sha256", Digests.sha256Hex(request.prompt()))
        .bindBySqlType("image_sha256s", Columns.json(request.images().stream()
            .map(InputImage::sha256).toList()), Types.OTHER)
        .bind("language", verdict.signals().fact(Fact.LANGUAGE).orElse(null));
  }
}
