package io.gardefou.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.text.TextDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tenant's stuck upstream calls fill its own bulkhead only: it gets 429s, the others go on. */
class TenantBulkheadTest {
  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
  private final Screener screener = Screener.builder()
      .detector(TextDetector.create())
      .policy(PolicyPacks.bundled())
      .deadline(Duration.ofSeconds(5))
      .log((request, verdict) -> {})
      .build();
  private final HangingUpstream upstream = new HangingUpstream();
  private final Gateway gateway = Gateway.create(screener, upstream, decoder, 4, 2, new RecentOutputs(10));
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void close() {
    upstream.release.countDown();
    threads.shutdownNow();
    screener.close();
  }

  @Test
  void aTenantWhoseUpstreamCallsHangIsTurnedAwayWhileAnotherTenantIsServed() throws Exception {
    List<Future<Outcome>> stuck = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      stuck.add(threads.submit(() -> gateway.handle(LabelOutputsTest.call(ImagesRequest.generation("slow lighthouse", 1), "a"))));
    }
    assertThat(upstream.arrived.await(60, TimeUnit.SECONDS)).as("both calls of tenant a reached the upstream").isTrue();

    assertThatThrownBy(() -> gateway.handle(LabelOutputsTest.call(ImagesRequest.generation("slow lighthouse", 1), "a")))
        .isInstanceOfSatisfying(TenantBusyException.class, e -> {
          assertThat(e.tenant()).isEqualTo("a");
          assertThat(e.retryAfter()).isPositive();
        });
    assertThat(gateway.handle(LabelOutputsTest.call(ImagesRequest.generation("quick lighthouse", 1), "b")))
        .isInstanceOf(Outcome.Produced.class);
    assertThat(stuck).allSatisfy(call -> assertThat(call).isNotDone());

    upstream.release.countDown();
    for (Future<Outcome> call : stuck) {
      assertThat(call.get(60, TimeUnit.SECONDS)).isInstanceOf(Outcome.Produced.class);
    }
    assertThat(gateway.handle(LabelOutputsTest.call(ImagesRequest.generation("slow lighthouse", 1), "a")))
        .as("the bulkhead's permits came back").isInstanceOf(Outcome.Produced.class);
  }

  @Test
  void failedExchangesGiveTheirPlaceBack() {
    Gateway failing = Gateway.create(screener, new FailingUpstream(), decoder, 4, 1, new RecentOutputs(10));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> failing.handle(LabelOutputsTest.call(ImagesRequest.generation("a kite", 1), "a")))
          .isInstanceOf(UpstreamException.class);
    }
  }

  /** Hangs every call whose prompt starts with "slow" until released; answers the others at once. */
  private static final class HangingUpstream implements Upstream {
    final CountDownLatch arrived = new CountDownLatch(2);
    final CountDownLatch release = new CountDownLatch(1);
    private final Upstream demo = DemoUpstream.create();

    @Override
    public String name() {
      return "hanging";
    }

    @Override
    public UpstreamImages generate(ImagesRequest request) {
      if (request.prompt().startsWith("slow") && release.getCount() > 0) {
        arrived.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw UpstreamException.unavailable("interrupted");
        }
      }
      return demo.generate(request);
    }

    @Override
    public UpstreamImages edit(ImagesRequest request) {
      return generate(request);
    }
  }

  private static final class FailingUpstream implements Upstream {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public UpstreamImages generate(ImagesRequest request) {
      throw UpstreamException.unavailable("down");
    }

    @Override
    public UpstreamImages edit(ImagesRequest request) {
      return generate(request);
    }
  }
}
