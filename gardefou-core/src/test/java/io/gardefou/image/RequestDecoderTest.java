package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.bank.BankDetector;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.InMemoryBankStore;
import io.gardefou.model.Actor;
import io.gardefou.model.Decision;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.policy.PolicyPacks;
import io.gardefou.screen.Screener;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
  private static final ImageDecoder DECODER = ImageDecoder.create(ImageLimits.defaults());

  /** Counts the decodes it is asked for, by image name. */
  private static final class CountingDecode implements Function<InputImage, DecodedImage> {
    final ConcurrentLinkedQueue<String> decoded = new ConcurrentLinkedQueue<>();

    @Override
    public DecodedImage apply(InputImage image) {
      decoded.add(image.name());
      return DECODER.decode(image);
    }
  }

  private static ScreeningRequest output(InputImage... images) {
    return new ScreeningRequest(Operation.OUTPUT, "", List.of(images), Actor.anonymous(), Jurisdiction.global(),
        ScreeningRequest.DEFAULT_TENANT);
  }

  private static InputImage png(String pattern) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(SyntheticPatterns.decoded(pattern, 320, 240).image(), "png", out);
    return InputImage.of(pattern + ".png", out.toByteArray());
  }

  @Test
  void callersOfOneRequestAskingAtOnceShareOneDecode() throws Exception {
    CountingDecode counting = new CountingDecode();
    RequestDecoder decoder = new RequestDecoder(counting);
    InputImage image = png("gradient");
    ScreeningRequest request = output(image);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<DecodedImage>> asked = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        asked.add(threads.submit(() -> {
          start.await();
          return decoder.decode(request, image);
        }));
      }
      start.countDown();
      DecodedImage first = asked.getFirst().get();
      for (Future<DecodedImage> other : asked) {
        assertThat(other.get()).isSameAs(first);
      }
    }

    assertThat(counting.decoded).containsExactly("gradient.png");
  }

  @Test
  void eachRequestDecodesItsOwnImagesEvenWhenEqual() throws Exception {
    CountingDecode counting = new CountingDecode();
    RequestDecoder decoder = new RequestDecoder(counting);
    InputImage image = png("checkerboard");
    ScreeningRequest first = output(image);
    ScreeningRequest equal = output(image);

    DecodedImage once = decoder.decode(first, image);
    DecodedImage again = decoder.decode(equal, image);

    assertThat(first).isEqualTo(equal);
    assertThat(again).isNotSameAs(once);
    assertThat(counting.decoded).containsExactly("checkerboard.png", "checkerboard.png");
  }

  @Test
  void anImageThatCannotBeDecodedFailsEveryCallerWithTheDecodersErrorFromOneAttempt() {
    CountingDecode counting = new CountingDecode();
    RequestDecoder decoder = new RequestDecoder(counting);
    InputImage truncated = InputImage.of("truncated.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ScreeningRequest request = output(truncated);

    assertThatThrownBy(() -> decoder.decode(request, truncated)).isInstanceOf(ImageError.class);
    assertThatThrownBy(() -> decoder.decode(request, truncated)).isInstanceOf(ImageError.class);
    assertThat(counting.decoded).containsExactly("truncated.png");
  }

  @Test
  void decodesAreReleasedWithTheirRequest() throws Exception {
    RequestDecoder decoder = new RequestDecoder(DECODER::decode);
    InputImage image = png("gradient");
    decoder.decode(output(image), image);

    for (int i = 0; i < 100 && decoder.requestsHeld() > 0; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(decoder.requestsHeld()).isZero();
  }

  @Test
  void theScreenersHashingAndImageDetectorsDecodeEachImageOncePerRequest() throws Exception {
    CountingDecode counting = new CountingDecode();
    RequestDecoder decoder = new RequestDecoder(counting);
    try (Screener screener = Screener.builder()
        .detector(new BankDetector(decoder, HashBanks.open(new InMemoryBankStore(), Clock.systemUTC())))
        .detector(ImageDetector.create(decoder))
        .policy(PolicyPacks.bundled())
        .deadline(Duration.ofSeconds(30))
        .build()) {
      InputImage gradient = png("gradient");
      InputImage checkerboard = png("checkerboard");

      Verdict first = screener.screen(output(gradient, checkerboard));
      Verdict second = screener.screen(output(gradient));

      assertThat(first.signals().failures()).isEmpty();
      assertThat(second.signals().failures()).isEmpty();
      assertThat(first.decision()).isEqualTo(Decision.ALLOW);
      assertThat(first.signals().facts()).filteredOn(fact -> fact.name().equals(BankDetector.FACT_HASH)).hasSize(2);
      assertThat(counting.decoded).containsExactlyInAnyOrder("gradient.png", "checkerboard.png", "gradient.png");
    }
  }

  @Test
  void aDetectorFailsClosedWhenTheSharedDecodeFails() {
    AtomicInteger attempts = new AtomicInteger();
    RequestDecoder decoder = new RequestDecoder(image -> {
      attempts.incrementAndGet();
      return DECODER.decode(image);
    });
    InputImage garbage = InputImage.of("garbage.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
    try (Screener screener = Screener.builder()
        .detector(new BankDetector(decoder, HashBanks.open(new InMemoryBankStore(), Clock.systemUTC())))
        .detector(ImageDetector.create(decoder))
        .policy(PolicyPacks.bundled())
        .deadline(Duration.ofSeconds(30))
        .build()) {
      Verdict verdict = screener.screen(output(garbage));

      assertThat(verdict.signals().failures()).extracting(f -> f.detector()).containsExactlyInAnyOrder("hashes", "image");
      assertThat(verdict.decision()).isNotEqualTo(Decision.ALLOW);
      assertThat(attempts).hasValue(1);
    }
  }
}
