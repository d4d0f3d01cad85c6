package io.gardefou.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.hash.Pdq;
import io.gardefou.bank.BankDetector;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.InMemoryBankStore;
import io.gardefou.hash.PdqHash;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.RequestDecoder;
import io.gardefou.image.XmpPackets;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Allowed outputs leave labelled (IPTC digital source type + provenance in XMP) and registered; withheld ones do not. */
class LabelOutputsTest {
  private final ImageDecoder decoder = ImageDecoder.create(ImageLimits.defaults());
  private final List<Verdict> outputVerdicts = new ArrayList<>();
  private final Screener screener = Screener.builder()
      .detector(TextDetector.create())
      .detector(new BankDetector(RequestDecoder.over(decoder), HashBanks.open(new InMemoryBankStore(), java.time.Clock.systemUTC())))
      .policy(PolicyPacks.bundled())
      .deadline(Duration.ofSeconds(5))
      .log(new VerdictLog() {
        @Override
        public synchronized void append(ScreeningRequest request, Verdict verdict) {
          if (request.operation() == Operation.OUTPUT) {
            outputVerdicts.add(verdict);
          }
        }
      })
      .build();
  private final RecentOutputs registry = new RecentOutputs(10);

  @AfterEach
  void close() {
    screener.close();
  }

  @Test
  void labelsEachAllowedOutputWithTheVerdictThatAllowedItAndRegistersIt() {
    Gateway gateway = Gateway.create(screener, DemoUpstream.create(), decoder, 4, 4, registry);
    ImagesRequest request = ImagesRequest.generation("a lighthouse at dusk", 2);
    ImageCall call = call(request, "default");

    Outcome outcome = gateway.handle(call);

    List<GeneratedImage> unlabelled = DemoUpstream.create().generate(request).images();
    assertThat(outcome).isInstanceOfSatisfying(Outcome.Produced.class, produced -> {
      assertThat(produced.images()).hasSize(2);
      for (int i = 0; i < 2; i++) {
        byte[] bytes = produced.images().get(i).image().bytes();
        Verdict verdict = outputVerdicts.get(i);
        String xmp = XmpPackets.read(bytes).orElseThrow();
        assertThat(xmp)
            .contains("<Iptc4xmpExt:DigitalSourceType>" + Provenance.TRAINED_ALGORITHMIC_MEDIA + "<")
            .contains("<gardefou:requestId>" + call.requestId() + "<")
            .contains("<gardefou:decisionId>" + verdict.decisionId() + "<")
            .contains("<gardefou:policyVersion>" + verdict.policyVersion() + "<")
            .contains("<gardefou:pdq>" + verdict.signals().fact(BankDetector.FACT_HASH).orElseThrow() + "<");
        assertThat(pixels(bytes)).isEqualTo(pixels(unlabelled.get(i).image().bytes()));
      }
    });
    assertThat(registry.registered()).extracting(Provenance::decisionId)
        .containsExactlyElementsOf(outputVerdicts.stream().map(Verdict::decisionId).toList());
    assertThat(registry.registered()).allSatisfy(p -> assertThat(p.requestId()).isEqualTo(call.requestId()));
  }

  @Test
  void aWithheldOutputIsNeitherLabelledNorRegistered() {
    byte[] good = DemoUpstream.create().generate(ImagesRequest.generation("a kite", 1)).images().getFirst().image().bytes();
    Upstream oneBroken = fixed(List.of(good, "not an image at all".getBytes(StandardCharsets.US_ASCII)));
    Gateway gateway = Gateway.create(screener, oneBroken, decoder, 4, 4, registry);

    Outcome outcome = gateway.handle(call(ImagesRequest.generation("a kite", 2), "default"));

    assertThat(outcome).isInstanceOfSatisfying(Outcome.Produced.class, produced -> {
      assertThat(produced.images()).hasSize(1);
      assertThat(produced.withheld()).hasSize(1);
      assertThat(XmpPackets.read(produced.images().getFirst().image().bytes())).isPresent();
    });
    assertThat(registry.registered()).singleElement()
        .satisfies(p -> assertThat(p.decisionId()).isEqualTo(outputVerdicts.getFirst().decisionId()));
  }

  @Test
  void answersWasThisMadeHereFromTheRegisteredHash() {
    Gateway gateway = Gateway.create(screener, DemoUpstream.create(), decoder, 4, 4, registry);
    Outcome.Produced produced = (Outcome.Produced) gateway.handle(call(ImagesRequest.generation("a red kite", 1), "default"));
    byte[] served = produced.images().getFirst().image().bytes();
    byte[] other = DemoUpstream.create().generate(ImagesRequest.generation("a blue boat", 1)).images().getFirst()
        .image().bytes();

    assertThat(registry.matching(hash(served))).hasSize(1);
    assertThat(registry.matching(hash(other))).isEmpty();
  }

  private PdqHash hash(byte[] image) {
    return Pdq.hash(decoder.decode(InputImage.of("copy", image)).image()).hash();
  }

  private int[] pixels(byte[] encoded) {
    var image = decoder.decode(InputImage.of("x", encoded)).image();
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  static ImageCall call(ImagesRequest request, String tenant) {
    return ImageCall.start(request, Actor.anonymous(), Jurisdiction.global(), JurisdictionSource.GLOBAL, tenant,
        Instant.now());
  }

  private static Upstream fixed(List<byte[]> images) {
    return new Upstream() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public UpstreamImages generate(ImagesRequest request) {
        List<GeneratedImage> made = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
          made.add(new GeneratedImage(InputImage.of("out-" + i, images.get(i)), Optional.empty()));
        }
        return new UpstreamImages(0, made);
      }

      @Override
      public UpstreamImages edit(ImagesRequest request) {
        return generate(request);
      }
    };
  }
}
