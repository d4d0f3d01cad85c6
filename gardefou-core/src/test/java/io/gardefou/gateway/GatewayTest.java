package io.gardefou.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.bank.BankDetector;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.InMemoryBankStore;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.RequestDecoder;
import io.gardefou.model.Actor;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import io.gardefou.text.TextDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's walk over a recording upstream and a recording verdict log. */
class GatewayTest {
  private final RecordingLog log = new RecordingLog();
  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
  private final Screener screener = Screener.builder()
      .detector(TextDetector.create())
      .detector(new BankDetector(RequestDecoder.over(decoder), HashBanks.open(new InMemoryBankStore(), java.time.Clock.systemUTC())))
      .policy(PolicyPacks.bundled())
      .deadline(Duration.ofSeconds(5))
      .log(log)
      .build();
  private final RecordingUpstream upstream = new RecordingUpstream(DemoUpstream.create());
  private final Gateway gateway = Gateway.create(screener, upstream, decoder, 4);

  @AfterEach
  void close() {
    screener.close();
  }

  @Test
  void aRefusedPromptNeverReachesTheUpstream() {
    Outcome outcome = gateway.handle(call(ImagesRequest.generation("nude photo of a 12 year old", 1)));

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, refused -> {
      assertThat(refused.phase()).isEqualTo(Operation.GENERATE);
      assertThat(refused.verdict().ruleNames()).isNotEmpty();
    });
    assertThat(upstream.calls).isEmpty();
    assertThat(log.requests).extracting(ScreeningRequest::operation).containsExactly(Operation.GENERATE);
  }

  @Test
  void anAllowedPromptReachesTheUpstreamAndEveryOutputIsScreenedUnderTheSameRequestId() {
    ImageCall call = call(ImagesRequest.generation("a lighthouse at dusk", 2));

    Outcome outcome = gateway.handle(call);

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Produced.class, produced -> {
      assertThat(produced.images()).hasSize(2);
      assertThat(produced.withheld()).isEmpty();
    });
    assertThat(upstream.calls).hasSize(1);
    assertThat(log.requests).extracting(ScreeningRequest::operation)
        .containsExactly(Operation.GENERATE, Operation.OUTPUT, Operation.OUTPUT);
    assertThat(log.requests).allSatisfy(request -> {
      assertThat(request.requestId()).contains(call.requestId());
      assertThat(request.prompt()).isEqualTo("a lighthouse at dusk");
    });
  }

  @Test
  void eachOutputsVerdictRecordsItsPdqHash() {
    gateway.handle(call(ImagesRequest.generation("a lighthouse at dusk", 1)));

    Verdict output = log.verdicts.getLast();
    assertThat(output.signals().fact(BankDetector.FACT_HASH)).hasValueSatisfying(hex -> assertThat(hex).hasSize(64));
    assertThat(output.signals().fact(BankDetector.FACT_QUALITY)).isPresent();
  }

  @Test
  void anUndecodableInputImageStopsTheWalkBeforeAnythingIsScreenedOrSent() {
    ImagesRequest edit = new ImagesRequest(Operation.EDIT, "make the sky purple",
        List.of(InputImage.of("photo.png", "not an image".getBytes())), Optional.empty(), Optional.empty(), 1, Map.of(),
        Optional.empty());

    assertThatThrownBy(() -> gateway.handle(call(edit))).isInstanceOf(ImageError.class);
    assertThat(log.requests).isEmpty();
    assertThat(upstream.calls).isEmpty();
  }

  @Test
  void eachOutputIsScreenedWithTheFactsOfItsInputsVerdict() throws Exception {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
      }
    }
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    ImagesRequest edit = new ImagesRequest(Operation.EDIT, "make the sky purple",
        List.of(InputImage.of("photo.png", png.toByteArray())), Optional.empty(), Optional.empty(), 1, Map.of(),
        Optional.empty());

    gateway.handle(call(edit));

    assertThat(log.requests).extracting(ScreeningRequest::operation).containsExactly(Operation.EDIT, Operation.OUTPUT);
    assertThat(log.requests.getFirst().context()).isEmpty();
    assertThat(log.requests.getLast().context()).isNotEmpty().isEqualTo(log.verdicts.getFirst().signals().facts());
  }

  @Test
  void moreImagesThanConfiguredAreRefusedBeforeScreening() {
    assertThatThrownBy(() -> gateway.handle(call(ImagesRequest.generation("a cat", 5))))
        .isInstanceOfSatisfying(InvalidImagesRequest.class, e -> assertThat(e.param()).isEqualTo("n"));
    assertThat(log.requests).isEmpty();
  }

  @Test
  void outputsBeyondTheNumberAskedForAreNeitherScreenedNorReturned() {
    Upstream generous = new RecordingUpstream(DemoUpstream.create()) {
      @Override
      public UpstreamImages generate(ImagesRequest request) {
        return super.generate(ImagesRequest.generation(request.prompt(), 3));
      }
    };
    Gateway over = Gateway.create(screener, generous, decoder, 4);

    Outcome outcome = over.handle(call(ImagesRequest.generation("a lighthouse at dusk", 1)));

    assertThat(((Outcome.Produced) outcome).images()).hasSize(1);
    assertThat(log.requests).extracting(ScreeningRequest::operation).containsExactly(Operation.GENERATE, Operation.OUTPUT);
  }

  private static ImageCall call(ImagesRequest request) {
    return ImageCall.start(request, Actor.anonymous(), Jurisdiction.global(), JurisdictionSource.GLOBAL, "default",
        Instant.now());
  }

  private static final class RecordingLog implements VerdictLog {
    final List<ScreeningRequest> requests = new ArrayList<>();
    final List<Verdict> verdicts = new ArrayList<>();

    @Override
    public synchronized void append(ScreeningRequest request, Verdict verdict) {
      requests.add(request);
      verdicts.add(verdict);
    }
  }

  private static class RecordingUpstream implements Upstream {
    final List<ImagesRequest> calls = new ArrayList<>();
    private final Upstream delegate;

    RecordingUpstream(Upstream delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public UpstreamImages generate(ImagesRequest request) {
      calls.add(request);
      return delegate.generate(request);
    }

    @Override
    public UpstreamImages edit(ImagesRequest request) {
      calls.add(request);
      return delegate.edit(request);
    }
  }
}
