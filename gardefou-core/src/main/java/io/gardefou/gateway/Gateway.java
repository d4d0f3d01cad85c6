package io.gardefou.gateway;

import io.gardefou.image.ImageDecoder;
import io.gardefou.screen.Screener;
import java.util.List;
import java.util.Objects;

/**
 * The images gateway: takes one generation or edit through its walk and says how it ended. Thread-safe; holds no
 * state between calls. Upstream failures are thrown ({@link UpstreamException}); refusals are returned.
 */
public final class Gateway {
  /** OpenAI accepts up to 16 source images in one edit. */
  public static final int MAX_INPUT_IMAGES = 16;

  private final List<Stage> stages;
  private final Upstream upstream;

  private Gateway(List<Stage> stages, Upstream upstream) {
    this.stages = List.copyOf(stages);
    this.upstream = upstream;
  }

  /** The walk, in order: limits → decode inputs → screen input → (screen outputs ∘ upstream). */
  public static Gateway create(Screener screener, Upstream upstream, ImageDecoder decoder, int maxN) {
    Objects.requireNonNull(screener, "screener");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(decoder, "decoder");
    if (maxN < 1) {
      throw new IllegalArgumentException("max_images_n must be at least 1, was " + maxN);
    }
    return new Gateway(List.of(
        new CheckLimits(maxN, MAX_INPUT_IMAGES),
        new DecodeInputs(decoder),
        new ScreenInput(screener),
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
