package io.gardefou.screen;

import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Screens a request: lets the policy pre-check what needs no detector (service blocks, feature gates), then the
 * other pre-checks (an actor's standing), else
 * runs every applicable detector in parallel under one deadline and lets the policy decide over what they
 * found; records the verdict before returning it.
 *
 * <p>A detector that throws or misses the deadline yields a {@link DetectorFailure}; the policy treats the
 * protected categories it covered as present (fail closed).
 */
public final class Screener implements AutoCloseable {
  private final List<Detector> detectors;
  private final List<Precheck> prechecks;
  private final Policy policy;
  private final Duration deadline;
  private final VerdictLog log;
  private final Clock clock;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private Screener(Builder builder) {
    this.detectors = List.copyOf(builder.detectors);
    this.prechecks = List.copyOf(builder.prechecks);
    this.policy = builder.policy;
    this.deadline = builder.deadline;
    this.log = builder.log;
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Verdict screen(ScreeningRequest request) {
    Instant started = clock.instant();
    DecisionId id = DecisionId.generate(started);
    // Pre-check first: a blocked service or a feature the actor's tier may not use costs no detector time.
    Verdict verdict = policy.precheck(request, id, started)
        .or(() -> precheck(request, id, started))
        .orElseGet(() -> policy.decide(request, detect(request), id, started));
    log.append(request, verdict);
    return verdict;
  }

  public String policyVersion() {
    return policy.version();
  }

  private Optional<Verdict> precheck(ScreeningRequest request, DecisionId id, Instant now) {
    for (Precheck check : prechecks) {
      Optional<Verdict> refusal = check.check(request, id, now, policy.version());
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private Signals detect(ScreeningRequest request) {
    List<Detector> applicable = detectors.stream().filter(d -> d.appliesTo(request)).toList();
    List<Future<Signals>> running = new ArrayList<>(applicable.size());
    for (Detector detector : applicable) {
      running.add(executor.submit(() -> detector.detect(request)));
    }
    long deadlineNanos = System.nanoTime() + deadline.toNanos();
    Signals signals = Signals.empty();
    for (int i = 0; i < applicable.size(); i++) {
      signals = signals.and(await(applicable.get(i), running.get(i), deadlineNanos));
    }
    return signals;
  }

  private Signals await(Detector detector, Future<Signals> running, long deadlineNanos) {
    try {
      Signals found = running.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return Objects.requireNonNull(found, () -> detector.name() + " returned no signals");
    } catch (TimeoutException e) {
      running.cancel(true);
      return failure(detector, DetectorFailure.Kind.TIMEOUT, "missed the " + deadline.toMillis() + " ms deadline");
    } catch (ExecutionException e) {
      return failure(detector, DetectorFailure.Kind.ERROR, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return failure(detector, DetectorFailure.Kind.ERROR, "interrupted");
    } catch (RuntimeException e) {
      return failure(detector, DetectorFailure.Kind.ERROR, e.toString());
    }
  }

  private static Signals failure(Detector detector, DetectorFailure.Kind kind, String message) {
    return Signals.failed(new DetectorFailure(detector.name(), kind, message, detector.covers()));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Configures a {@link Screener}; {@link #build()} checks every setting once. */
  public static final class Builder {
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(250);

    private final List<Detector> detectors = new ArrayList<>();
    private final List<Precheck> prechecks = new ArrayList<>();
    private Policy policy;
    private Duration deadline = DEFAULT_DEADLINE;
    private VerdictLog log = VerdictLog.discarding();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder detector(Detector detector) {
      detectors.add(Objects.requireNonNull(detector, "detector"));
      return this;
    }

    /** Adds a check run after the policy's pre-check and before the detectors, in the order added. */
    public Builder precheck(Precheck precheck) {
      prechecks.add(Objects.requireNonNull(precheck, "precheck"));
      return this;
    }

    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder deadline(Duration deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    public Builder log(VerdictLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Screener build() {
      if (policy == null) {
        throw new IllegalStateException("a Screener needs a policy");
      }
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalStateException("deadline must be positive, was " + deadline);
      }
      if (detectors.isEmpty()) {
        throw new IllegalStateException("a Screener needs at least one detector");
      }
      Set<String> names = new HashSet<>();
      for (Detector detector : detectors) {
        if (!names.add(detector.name())) {
          throw new IllegalStateException("two detectors are named '" + detector.name() + "'");
        }
      }
      return new Screener(this);
    }
  }
}
