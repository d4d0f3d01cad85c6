package io.gardefou.gateway;

import io.gardefou.image.ImageDecoder;
import io.gardefou.screen.Screener;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The images gateway: takes one generation or edit through its walk and says how it ended. Thread-safe; holds no
 * state between calls. Upstream failures are thrown ({@link UpstreamException}); refusals are returned.
 */
public final class Gateway {
  /** OpenAI accepts up to 16 source images in one edit. */
  public static final int MAX_INPUT_IMAGES = 16;
  /** Exchanges one tenant may have in flight unless configured otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_PER_TENANT = 16;
  /** Outputs an unwired server remembers for "was this made here?". */
  private static final int RECENT_OUTPUTS = 100_000;

  private final List<Stage> stages;
  private final Upstream upstream;

  private Gateway(List<Stage> stages, Upstream upstream) {
    this.stages = List.copyOf(stages);
    this.upstream = upstream;
  }

  /** The walk with the default bulkhead, registering outputs in memory. */
  public static Gateway create(Screener screener, Upstream upstream, ImageDecoder decoder, int maxN) {
    return create(screener, upstream, decoder, maxN, DEFAULT_MAX_CONCURRENT_PER_TENANT, new RecentOutputs(RECENT_OUTPUTS));
  }

  /**
   * The walk, in order: bulkhead → limits → decode inputs → screen input → (label ∘ screen outputs ∘ upstream).
   *
   * @param maxConcurrentPerTenant exchanges one tenant may have in flight; one more is a {@link TenantBusyException}
   * @param outputs where every allowed, labelled output is registered
   */
  public static Gateway create(Screener screener, Upstream upstream, ImageDecoder decoder, int maxN,
      int maxConcurrentPerTenant, OutputRegistry outputs) {
    Objects.requireNonNull(screener, "screener");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(decoder, "decoder");
    if (maxN < 1) {
      throw new IllegalArgumentException("max_images_n must be at least 1, was " + maxN);
    }
    Objects.requireNonNull(outputs, "outputs");
    return new Gateway(List.of(
        new LimitConcurrency(maxConcurrentPerTenant),
        new CheckLimits(maxN, MAX_INPUT_IMAGES),
        new DecodeInputs(decoder),
        new ScreenInput(screener),
        new LabelOutputs(decoder, outputs, Clock.systemUTC()),
        new ScreenOutputs(screener),
        new CallUpstream(upstream)), upstream);
  }

  public Outcome handle(ImageCall call) {
    return proceed(0, call);
  }

  /** The upstream's name, for logs and the response header that says which model answered. */
  public String upstreamName() {
    return upstream.name();
  }

  private Outcome proceed(int index, ImageCall call) {
    if (index == stages.size()) {
      throw new IllegalStateException("the last stage must answer, not hand on");
    }
    return stages.get(index).proceed(call, next -> proceed(index + 1, next));
  }
}
