package io.gardefou.eval;

import io.gardefou.model.Decision;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs labelled cases through a screen function, in parallel, and reports how it did.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.builder(screener::screen).build()
 *     .run(PublicDatasets.load(PublicDatasets.DEFAULT_DIR));
 * }</pre>
 *
 * A screen that throws is recorded as a failed case, not a fault of the run; it counts as a miss and as a
 * false positive, so that errors never flatter the figures.
 */
public final class Evaluation {
  private final Function<ScreeningRequest, Verdict> screen;
  private final int parallelism;
  private final List<Target> targets;

  private Evaluation(Builder builder) {
    this.screen = builder.screen;
    this.parallelism = builder.parallelism;
    this.targets = builder.targets;
  }

  /** Starts an evaluation of {@code screen}, typically {@code screener::screen}. */
  public static Builder builder(Function<ScreeningRequest, Verdict> screen) {
    return new Builder(screen);
  }

  public EvaluationReport run(CaseSet set) {
    List<EvalCase> cases = set.cases();
    Outcome[] outcomes = new Outcome[cases.size()];
    AtomicInteger next = new AtomicInteger();
    Callable<Void> worker = () -> {
      for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
        outcomes[i] = screen(cases.get(i));
      }
      return null;
    };
    // Each worker pulls the next case; joining the futures publishes the array writes to this thread.
    try (ExecutorService pool =
        Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().daemon().name("eval-", 0).factory())) {
      List<Future<Void>> running = pool.invokeAll(new ArrayList<>(Collections.nCopies(parallelism, worker)));
      for (Future<Void> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluation worker failed", e.getCause());
    }
    return EvaluationReport.of(Arrays.asList(outcomes), set.sources(), targets);
  }

  private Outcome screen(EvalCase evalCase) {
    ScreeningRequest request = evalCase.request();
    long started = System.nanoTime();
    try {
      Verdict verdict = screen.apply(request);
      long nanos = System.nanoTime() - started;
      if (verdict == null) {
        return new Outcome(evalCase, Outcome.Result.FAILED, Set.of(), nanos);
      }
      Outcome.Result result = verdict.decision() == Decision.ALLOW ? Outcome.Result.ALLOWED : Outcome.Result.BLOCKED;
      return new Outcome(evalCase, result, verdict.categories(), nanos);
    } catch (RuntimeException e) {
      return new Outcome(evalCase, Outcome.Result.FAILED, Set.of(), System.nanoTime() - started);
    }
  }

  /** Configures an {@link Evaluation}; {@link #build()} checks the settings once. */
  public static final class Builder {
    private final Function<ScreeningRequest, Verdict> screen;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private List<Target> targets = Target.defaults();

    private Builder(Function<ScreeningRequest, Verdict> screen) {
      this.screen = Objects.requireNonNull(screen, "screen");
    }

    /** Cases screened at once; defaults to the available processors, raise it for a remote judge. */
    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /** The targets the report checks; {@link Target#defaults()} unless set. */
    public Builder targets(List<Target> targets) {
      this.targets = List.copyOf(targets);
      return this;
    }

    public Evaluation build() {
      if (parallelism < 1) {
        throw new IllegalStateException("parallelism must be at least 1, was " + parallelism);
      }
      return new Evaluation(this);
    }
  }
}
