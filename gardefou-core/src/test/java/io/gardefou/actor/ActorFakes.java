package io.gardefou.actor;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.model.Category;
import io.gardefou.model.DecisionId;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Detector;
import io.gardefou.screen.VerdictLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-written fakes for the actor tests: a clock to move, a trail and a log that remember, a detector that counts. */
final class ActorFakes {
  private ActorFakes() {}

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  /** A clock that moves on by {@code step} each time it is read, as real time passes during a screening. */
  static final class TickingClock extends Clock {
    private final Duration step;
    private Instant now;

    TickingClock(Instant start, Duration step) {
      this.now = start;
      this.step = step;
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override
    public synchronized Instant instant() {
      Instant read = now;
      now = now.plus(step);
      return read;
    }
  }

  /** Keeps every event, in order. */
  static final class RecordingTrail implements AuditTrail {
    final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public long record(AuditEvent event) {
      events.add(event);
      return events.size() - 1;
    }

    List<String> kinds() {
      return events.stream().map(AuditEvent::kind).toList();
    }
  }

  /** Keeps every recorded verdict with its request, and finds decisions for appeals. */
  static final class RecordingLog implements VerdictLog, DecisionLookup {
    final Map<DecisionId, ScreeningRequest> requests = new ConcurrentHashMap<>();
    final Map<DecisionId, Verdict> verdicts = new ConcurrentHashMap<>();

    @Override
    public void append(ScreeningRequest request, Verdict verdict) {
      requests.put(verdict.decisionId(), request);
      verdicts.put(verdict.decisionId(), verdict);
    }

    @Override
    public Optional<Recorded> find(DecisionId decisionId) {
      return Optional.ofNullable(requests.get(decisionId)).map(request -> new Recorded(
          decisionId, request.tenant(), request.actor().id(), verdicts.get(decisionId).decision()));
    }
  }

  /** Scores the category named after {@code flag:} in the prompt at 1.0, and counts its calls. */
  static final class CountingDetector implements Detector {
    final AtomicInteger calls = new AtomicInteger();

    @Override public String name() { return "counting"; }
    @Override public Set<Category> covers() { return Set.of(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL); }
    @Override public boolean appliesTo(ScreeningRequest request) { return true; }

    @Override
    public Signals detect(ScreeningRequest request) {
      calls.incrementAndGet();
      int at = request.prompt().indexOf("flag:");
      if (at < 0) {
        return Signals.empty();
      }
      Category category = Category.fromWireName(request.prompt().substring(at + "flag:".length()).strip());
      return Signals.from(name()).score(category, 1.0, List.of()).build();
    }
  }
}
