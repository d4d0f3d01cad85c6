package io.gardefou.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.actor.ActorStore;
import io.gardefou.actor.Appeal;
import io.gardefou.actor.AppealStore;
import io.gardefou.actor.Pseudonyms;
import io.gardefou.actor.Standing;
import io.gardefou.actor.Status;
import io.gardefou.actor.Strike;
import io.gardefou.actor.Verification;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actor and appeal stores' behaviour on every vendor; each subclass supplies an empty database of its kind. */
abstract class ActorStoreContract {
  private static final Pseudonyms PSEUDONYMS = Pseudonyms.withKey(new byte[Pseudonyms.KEY_BYTES]);
  private static final String ALICE = PSEUDONYMS.of("tenant-a", "alice");
  private static final String BOB = PSEUDONYMS.of("tenant-a", "bob");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private final List<Database> opened = new ArrayList<>();

  abstract String createEmptyDatabase() throws Exception;

  abstract void dropDatabase() throws Exception;

  private ActorStore actors;
  private AppealStore appeals;

  @BeforeEach
  final void openDatabase() throws Exception {
    Database database = Database.open(createEmptyDatabase());
    opened.add(database);
    actors = database.actors();
    appeals = database.appeals();
  }

  @AfterEach
  final void closeAndDrop() throws Exception {
    opened.forEach(Database::close);
    dropDatabase();
  }

  @Test
  void keepsAStandingAndItsChanges() {
    Standing fresh = Standing.fresh(ALICE, "tenant-a", Tier.REGISTERED);
    actors.save(fresh);
    assertThat(actors.find("tenant-a", ALICE)).contains(fresh);
    assertThat(actors.find("tenant-b", ALICE)).isEmpty();

    Standing suspended = fresh.withVerification(Verification.PENDING)
        .with(Status.SUSPENDED, Optional.of(T0), Optional.of("threshold"), Optional.of("system"));
    actors.save(suspended);

    assertThat(actors.find("tenant-a", ALICE)).contains(suspended);
  }

  @Test
  void refusesAnIdThatIsNotAPseudonym() {
    assertThatThrownBy(() -> actors.save(Standing.fresh("user-42", "tenant-a", Tier.REGISTERED)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givesOneStrikePerDecisionAndRemovesItOnRequest() {
    actors.save(Standing.fresh(ALICE, "tenant-a", Tier.REGISTERED));
    actors.save(Standing.fresh(BOB, "tenant-a", Tier.REGISTERED));
    Strike first = new Strike(DecisionId.generate(T0), Category.SEXUAL, 1.0, T0);
    Strike second = new Strike(DecisionId.generate(T0.plusSeconds(60)), Category.SEXUAL_MINORS, 10.0, T0.plusSeconds(60));

    assertThat(actors.addStrike("tenant-a", ALICE, second)).isTrue();
    assertThat(actors.addStrike("tenant-a", ALICE, first)).isTrue();
    assertThat(actors.addStrike("tenant-a", BOB, first)).isFalse();

    assertThat(actors.strikes("tenant-a", ALICE)).containsExactly(first, second);
    assertThat(actors.strikes("tenant-a", BOB)).isEmpty();
    assertThat(actors.removeStrike("tenant-b", second.decisionId())).isFalse();
    assertThat(actors.removeStrike("tenant-a", second.decisionId())).isTrue();
    assertThat(actors.strikes("tenant-a", ALICE)).containsExactly(first);
  }

  @Test
  void keepsOneAppealPerDecisionQueuedOldestFirstAndAnsweredOnce() {
    DecisionId decision = DecisionId.generate(T0);
    Appeal later = Appeal.open(UUID.randomUUID(), DecisionId.generate(T0), "tenant-a", ALICE, Appeal.FiledBy.ACTOR,
        "key-1", "it was art", T0.plusSeconds(5));
    Appeal earlier = Appeal.open(UUID.randomUUID(), decision, "tenant-a", ALICE, Appeal.FiledBy.OPERATOR,
        "key-1", "a medical question", T0);

    assertThat(appeals.add(later)).isTrue();
    assertThat(appeals.add(earlier)).isTrue();
    assertThat(appeals.add(Appeal.open(UUID.randomUUID(), decision, "tenant-a", ALICE, Appeal.FiledBy.ACTOR,
        "key-2", "again", T0))).isFalse();

    assertThat(appeals.inState("tenant-a", Appeal.State.OPEN, 10)).containsExactly(earlier, later);
    assertThat(appeals.inState("tenant-a", Appeal.State.OPEN, 1)).containsExactly(earlier);
    assertThat(appeals.inState("tenant-b", Appeal.State.OPEN, 10)).isEmpty();
    assertThat(appeals.ofDecision(decision)).contains(earlier);

    Appeal overturned = earlier.decided(Appeal.State.OVERTURNED, "key-mod", "medical context", T0.plusSeconds(99));
    assertThat(appeals.decide(overturned)).isTrue();
    assertThat(appeals.decide(earlier.decided(Appeal.State.UPHELD, "key-mod", "no", T0))).isFalse();
    assertThat(appeals.find(earlier.id())).contains(overturned);
    assertThat(appeals.inState("tenant-a", Appeal.State.OVERTURNED, 10)).containsExactly(overturned);
    assertThat(appeals.find(UUID.randomUUID())).isEmpty();
  }
}
