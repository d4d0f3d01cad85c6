package io.gardefou.server;

import io.gardefou.model.Category;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Detector;
import io.gardefou.screen.VerdictLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Prometheus metrics: HTTP requests and their latency, screening and detector latency, and decisions by category. */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @SuppressWarnings("resource") // the GC binder lives as long as the registry, which lives as long as the process
  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public void recordRequest(String method, String route, int status, Duration took) {
    Timer.builder("gardefou.http.requests")
        .description("HTTP requests served, by route and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** Wraps a verdict log so that every recorded verdict is also counted. */
  public VerdictLog counting(VerdictLog delegate) {
    return (request, verdict) -> {
      delegate.append(request, verdict);
      count(request, verdict);
    };
  }

  private void count(ScreeningRequest request, Verdict verdict) {
    Counter.builder("gardefou.decisions")
        .description("Screening decisions, by decision and operation")
        .tags("decision", verdict.decision().name(), "operation", request.operation().wireName())
        .register(registry)
        .increment();
    for (Category category : verdict.categories()) {
      Counter.builder("gardefou.flags")
          .description("Categories flagged in screening decisions")
          .tag("category", category.wireName())
          .register(registry)
          .increment();
    }
    Timer.builder("gardefou.screen.duration")
        .description("Time from the start of screening to the recorded verdict")
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.between(verdict.decidedAt(), Instant.now()));
  }

  /**
   * Wraps a detector so that each run is timed by detector name and outcome ({@code ok}, or {@code failed} when it
   * threw or was cancelled at the deadline): which detector costs what, beside the screening as a whole.
   */
  public Detector timed(Detector detector) {
    Timer ok = detectorTimer(detector.name(), "ok");
    Timer failed = detectorTimer(detector.name(), "failed");
    return new Detector() {
      @Override
      public String name() {
        return detector.name();
      }

      @Override
      public Set<Category> covers() {
        return detector.covers();
      }

      @Override
      public boolean appliesTo(ScreeningRequest request) {
        return detector.appliesTo(request);
      }

      @Override
      public Signals detect(ScreeningRequest request) throws Exception {
        long started = System.nanoTime();
        boolean returned = false;
        try {
          Signals signals = detector.detect(request);
          returned = true;
          return signals;
        } finally {
          (returned ? ok : failed).record(Duration.ofNanos(System.nanoTime() - started));
        }
      }
    };
  }

  private Timer detectorTimer(String detector, String outcome) {
    return Timer.builder("gardefou.detector.duration")
        .description("Time one detector took on one request, by detector and outcome")
        .tags("detector", detector, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }
}
