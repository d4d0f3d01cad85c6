package io.gardefou.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScreenerTest {
  private static final PackPolicy POLICY = PolicyPacks.bundled();
  private static final ScreeningRequest PROMPT = ScreeningRequest.ofText(Operation.GENERATE, "a lighthouse at dusk");

  @Test
  void allowsWhenEveryDetectorRulesOutEveryCategory() {
    try (Screener screener = screenerWith(new FixedDetector("quiet", Signals.empty()))) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
      assertThat(verdict.categories()).isEmpty();
      assertThat(verdict.ruleHits()).isEmpty();
    }
  }

  @Test
  void refusesWithFailClosedWhenADetectorThrows() {
    Detector throwing = new Detector() {
      @Override public String name() { return "throwing"; }
      @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS); }
      @Override public boolean appliesTo(ScreeningRequest request) { return true; }
      @Override public Signals detect(ScreeningRequest request) { throw new IllegalStateException("model file corrupt"); }
    };
    try (Screener screener = screenerWith(new FixedDetector("quiet", Signals.empty()), throwing)) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleNames()).containsExactly("fail-closed");
      assertThat(verdict.categories()).containsExactly(Category.SEXUAL_MINORS);
      assertThat(verdict.signals().failures())
          .singleElement()
          .satisfies(f -> {
            assertThat(f.detector()).isEqualTo("throwing");
            assertThat(f.kind()).isEqualTo(DetectorFailure.Kind.ERROR);
            assertThat(f.message()).contains("model file corrupt");
          });
    }
  }

  @Test
  void refusesWithFailClosedWhenADetectorMissesTheDeadline() throws InterruptedException {
    HangingDetector hanging = new HangingDetector();
    try (Screener screener = Screener.builder()
        .detector(hanging)
        .policy(POLICY)
        .deadline(Duration.ofMillis(50))
        .build()) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleNames()).containsOnly("fail-closed");
      assertThat(verdict.categories())
          .containsExactlyInAnyOrder(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
      assertThat(verdict.signals().failures()).singleElement()
          .extracting(DetectorFailure::kind).isEqualTo(DetectorFailure.Kind.TIMEOUT);
      // Under load the detector may not even have started by the deadline; cancelled, it then never runs.
      boolean interrupted = hanging.interrupted.await(5, TimeUnit.SECONDS);
      assertThat(interrupted || !hanging.started.get())
          .as("the late detector is cancelled, not left running")
          .isTrue();
    }
  }

  @Test
  void failureOfANonProtectedCategorySendsToReviewInsteadOfRefusing() {
    Detector violenceOnly = new Detector() {
      @Override public String name() { return "violence"; }
      @Override public Set<Category> covers() { return Set.of(Category.VIOLENCE); }
      @Override public boolean appliesTo(ScreeningRequest request) { return true; }
      @Override public Signals detect(ScreeningRequest request) { throw new IllegalStateException("down"); }
    };
    try (Screener screener = screenerWith(violenceOnly)) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
      assertThat(verdict.ruleNames()).containsExactly("detector-unavailable");
    }
  }

  @Test
  void aDetectorThatFoundTheCategoryOutweighsAnotherThatFailed() {
    Signals minors = Signals.from("found").score(Category.SEXUAL_MINORS, 0.95, List.of()).build();
    Detector failing = new Detector() {
      @Override public String name() { return "failing"; }
      @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS); }
      @Override public boolean appliesTo(ScreeningRequest request) { return true; }
      @Override public Signals detect(ScreeningRequest request) { throw new IllegalStateException("down"); }
    };
    try (Screener screener = screenerWith(new FixedDetector("found", minors), failing)) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleNames()).containsExactly("refuse-sexual-minors");
    }
  }

  @Test
  void runsDetectorsInParallelWithinOneDeadline() {
    // Each detector waits until both have started: run one after the other, they would both time out.
    CountDownLatch bothStarted = new CountDownLatch(2);
    try (Screener screener = Screener.builder()
        .detector(new RendezvousDetector("a", bothStarted))
        .detector(new RendezvousDetector("b", bothStarted))
        .policy(POLICY)
        .deadline(Duration.ofSeconds(5))
        .build()) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(verdict.signals().failures()).isEmpty();
      assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
    }
  }

  @Test
  void skipsDetectorsThatDoNotApply() {
    Detector imageOnly = new Detector() {
      @Override public String name() { return "image"; }
      @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS); }
      @Override public boolean appliesTo(ScreeningRequest request) { return !request.images().isEmpty(); }
      @Override public Signals detect(ScreeningRequest request) { throw new AssertionError("must not run"); }
    };
    try (Screener screener = screenerWith(new FixedDetector("quiet", Signals.empty()), imageOnly)) {
      assertThat(screener.screen(PROMPT).decision()).isEqualTo(Decision.ALLOW);
    }
  }

  @Test
  void recordsEveryVerdictBeforeReturningIt() {
    List<Verdict> recorded = Collections.synchronizedList(new ArrayList<>());
    Signals minors = Signals.from("found").score(Category.SEXUAL_MINORS, 0.9, List.of()).build();
    try (Screener screener = Screener.builder()
        .detector(new FixedDetector("found", minors))
        .policy(POLICY)
        .log((request, verdict) -> recorded.add(verdict))
        .build()) {
      Verdict verdict = screener.screen(PROMPT);

      assertThat(recorded).containsExactly(verdict);
    }
  }

  @Test
  void aLogThatCannotRecordStopsTheVerdictFromLeaving() {
    try (Screener screener = Screener.builder()
        .detector(new FixedDetector("quiet", Signals.empty()))
        .policy(POLICY)
        .log((request, verdict) -> { throw new IllegalStateException("disk full"); })
        .build()) {
      assertThatThrownBy(() -> screener.screen(PROMPT)).hasMessageContaining("disk full");
    }
  }

  @Test
  void aFeatureGateRefusesBeforeAnyDetectorRuns() {
    Detector mustNotRun = new Detector() {
      @Override public String name() { return "costly"; }
      @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS); }
      @Override public boolean appliesTo(ScreeningRequest request) { return true; }
      @Override public Signals detect(ScreeningRequest request) { throw new AssertionError("must not run"); }
    };
    List<Verdict> recorded = Collections.synchronizedList(new ArrayList<>());
    ScreeningRequest anonymousEditInGb =
        ScreeningRequest.ofText(Operation.EDIT, "add a hat").withJurisdiction(Jurisdiction.of("GB"));
    try (Screener screener = Screener.builder()
        .detector(mustNotRun)
        .policy(POLICY)
        .log((request, verdict) -> recorded.add(verdict))
        .build()) {
      Verdict verdict = screener.screen(anonymousEditInGb);

      assertThat(verdict.decision()).isEqualTo(Decision.REFUSE);
      assertThat(verdict.ruleNames()).containsExactly("edit-needs-verified-adult");
      assertThat(verdict.signals()).isEqualTo(Signals.empty());
      assertThat(recorded).containsExactly(verdict);
    }
  }

  @Test
  void rejectsTwoDetectorsWithTheSameName() {
    assertThatThrownBy(() -> Screener.builder()
        .detector(new FixedDetector("text", Signals.empty()))
        .detector(new FixedDetector("text", Signals.empty()))
        .policy(POLICY)
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'text'");
  }

  @Test
  void rejectsANonPositiveDeadline() {
    assertThatThrownBy(() -> Screener.builder()
        .detector(new FixedDetector("quiet", Signals.empty()))
        .policy(POLICY)
        .deadline(Duration.ZERO)
        .build())
        .hasMessageContaining("deadline");
  }

  private static Screener screenerWith(Detector... detectors) {
    Screener.Builder builder = Screener.builder().policy(POLICY);
    for (Detector detector : detectors) {
      builder.detector(detector);
    }
    return builder.build();
  }

  private record FixedDetector(String name, Signals signals) implements Detector {
    @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL); }
    @Override public boolean appliesTo(ScreeningRequest request) { return true; }
    @Override public Signals detect(ScreeningRequest request) { return signals; }
  }

  private static final class HangingDetector implements Detector {
    final CountDownLatch interrupted = new CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    @Override public String name() { return "hanging"; }
    @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL); }
    @Override public boolean appliesTo(ScreeningRequest request) { return true; }

    @Override
    public Signals detect(ScreeningRequest request) {
      started.set(true);
      try {
        Thread.sleep(Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return Signals.empty();
    }
  }

  private record RendezvousDetector(String name, CountDownLatch bothStarted) implements Detector {
    @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS); }
    @Override public boolean appliesTo(ScreeningRequest request) { return true; }

    @Override
    public Signals detect(ScreeningRequest request) throws InterruptedException {
      bothStarted.countDown();
      if (!bothStarted.await(1, TimeUnit.SECONDS)) {
        throw new IllegalStateException("ran alone");
      }
      return Signals.empty();
    }
  }
}
