package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.DecisionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's take-downs and review actions (V10), the same on every vendor; each subclass supplies a database. */
abstract class TakedownStoreContract {
  /** Microseconds: the precision both vendors keep. */
  static final Instant START = Instant.parse("2026-11-22T05:00:00.123456Z");

  private final List<Database> opened = new ArrayList<>();
  private String url;

  abstract String createEmptyDatabase() throws Exception;

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

  private Database open() {
    Database database = Database.open(url);
    opened.add(database);
    return database;
  }

  @Test
  void readsATakedownBackAsFiledAndListsOpenOnesFirstByDeadline() {
    Takedowns takedowns = open().takedowns();
    Takedown later = takedown("t1", "US", START.plus(Duration.ofHours(48)), Optional.empty());
    Takedown sooner = takedown("t1", "IN", START.plus(Duration.ofHours(2)), Optional.of("output:abc"));
    Takedown otherTenant = takedown("t2", "IN", START.plus(Duration.ofHours(2)), Optional.empty());
    takedowns.add(later);
    takedowns.add(sooner);
    takedowns.add(otherTenant);

    assertThat(takedowns.done("t1", later.id(), "key_mod", START.plusSeconds(60))).isTrue();

    List<Takedown> listed = takedowns.list("t1", 10);
    assertThat(listed).extracting(Takedown::id).containsExactly(sooner.id(), later.id());
    assertThat(listed.getFirst()).isEqualTo(sooner);
    assertThat(listed.get(1).done()).isTrue();
    assertThat(listed.get(1).doneAt()).hasValue(START.plusSeconds(60));
    assertThat(takedowns.done("t1", later.id(), "key_mod", START.plusSeconds(90))).as("done twice").isFalse();
    assertThat(takedowns.done("t1", otherTenant.id(), "key_mod", START)).as("another tenant's").isFalse();
  }

  @Test
  void betweenReadsEveryTenantsTakedownsFiledInThePeriodOfTheJurisdictionInFilingOrder() {
    Takedowns takedowns = open().takedowns();
    Takedown first = takedown("t1", "IN", START.plus(Duration.ofHours(2)), Optional.empty());
    Takedown second = filedAt(takedown("t2", "US", START.plus(Duration.ofHours(48)), Optional.empty()), START.plusSeconds(1));
    Takedown outside = filedAt(takedown("t1", "IN", START.plus(Duration.ofHours(48)), Optional.empty()), START.plusSeconds(3600));
    takedowns.add(second);
    takedowns.add(first);
    takedowns.add(outside);

    assertThat(takedowns.between(START, START.plusSeconds(3600), Optional.empty())).extracting(Takedown::id)
        .as("the end is exclusive").containsExactly(first.id(), second.id());
    assertThat(takedowns.between(START, START.plusSeconds(7200), Optional.of("IN"))).extracting(Takedown::id)
        .containsExactly(first.id(), outside.id());
    assertThat(takedowns.between(START.plusNanos(1000), START.plusSeconds(2), Optional.empty())).extracting(Takedown::id)
        .as("the start is inclusive, to the microsecond").containsExactly(second.id());
  }

  @Test
  void anOpenTakedownIsOverdueOnlyPastItsDeadline() {
    Takedown takedown = takedown("t1", "IN", START.plus(Duration.ofHours(2)), Optional.empty());

    assertThat(takedown.overdue(START.plus(Duration.ofHours(1)))).isFalse();
    assertThat(takedown.overdue(START.plus(Duration.ofHours(3)))).isTrue();
  }

  @Test
  void keepsEveryReviewActionOfADecision() {
    ReviewActions reviews = open().reviewActions();
    DecisionId decision = DecisionId.generate(START);
    reviews.add(new ReviewActions.Action(decision, "escalated", "key_mod", START, 7));
    reviews.add(new ReviewActions.Action(decision, "upheld", "key_admin", START.plusSeconds(5), 9));

    assertThat(reviews.of(decision)).extracting(ReviewActions.Action::action).containsExactly("escalated", "upheld");
    assertThat(reviews.of(decision).get(1)).isEqualTo(new ReviewActions.Action(decision, "upheld", "key_admin", START.plusSeconds(5), 9));
    assertThat(reviews.of(DecisionId.generate(START))).isEmpty();
  }

  private static Takedown filedAt(Takedown t, Instant at) {
    return new Takedown(t.id(), t.tenant(), at, t.filedBy(), t.reporter(), t.reference(), t.jurisdiction(),
        t.category(), t.dueAt(), t.pdq(), t.pdqQuality(), t.sha256(), t.md5(), t.madeHere(), t.done(), t.doneAt(),
        t.doneBy());
  }

  private static Takedown takedown(String tenant, String jurisdiction, Instant due, Optional<String> madeHere) {
    return new Takedown(UUID.randomUUID(), tenant, START, "key_mod", "victim", "case-1", jurisdiction, "ncii", due,
        "0123456789abcdef".repeat(4), 87, "ab".repeat(32), "cd".repeat(16), madeHere, false, Optional.empty(), Optional.empty());
  }
}
