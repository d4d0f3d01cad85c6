package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class NudityDetectorTest {
  private static final NudityDetector DETECTOR = NudityDetector.create(ImageDecoder.create(ImageLimits.defaults()));

  private static ScreeningRequest withImages(List<InputImage> images) {
    return new ScreeningRequest(Operation.OUTPUT, "", images, Actor.anonymous(), Jurisdiction.global(),
        ScreeningRequest.DEFAULT_TENANT);
  }

  private static InputImage png(String pattern) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(SyntheticPatterns.decoded(pattern, 300, 200).image(), "png", out);
    return InputImage.of(pattern + ".png", out.toByteArray());
  }

  @Test
  void scoresSexualAndStatesTheClassesOfAnImage() throws Exception {
    Signals signals = DETECTOR.detect(withImages(List.of(png("gradient"))));

    // nsfwjs calls the smooth synthetic gradient a drawing (about 0.88, see nsfwjs-reference.json).
    assertThat(signals.score(Category.SEXUAL)).isBetween(0.0, 0.1);
    assertThat(signals.fact(NudityDetector.PHOTO)).contains("false");
    assertThat(Double.parseDouble(signals.fact("nsfw_drawing").orElseThrow())).isGreaterThan(0.8);
    assertThat(signals.facts()).extracting(f -> f.name())
        .containsExactly("photo", "nsfw_drawing", "nsfw_hentai", "nsfw_neutral", "nsfw_porn", "nsfw_sexy");
    assertThat(signals.scores()).allSatisfy(score -> assertThat(score.detector()).isEqualTo("nudity"));
  }

  @Test
  void anyPhotographicImageMakesTheRequestPhotographic() throws Exception {
    // The checkerboard reads as Neutral (about 0.98), i.e. not drawn.
    Signals signals = DETECTOR.detect(withImages(List.of(png("gradient"), png("checkerboard"))));

    assertThat(signals.fact(NudityDetector.PHOTO)).contains("true");
  }

  @Test
  void coversSexualOnlyAndAppliesOnlyToImages() {
    assertThat(DETECTOR.name()).isEqualTo("nudity");
    assertThat(DETECTOR.covers()).containsExactly(Category.SEXUAL);
    assertThat(DETECTOR.appliesTo(ScreeningRequest.ofText(Operation.GENERATE, "a cat"))).isFalse();
  }

  @Test
  void undecodableImageThrowsSoTheScreenerFailsClosed() {
    ScreeningRequest request = withImages(List.of(InputImage.of("junk", new byte[] {1, 2, 3})));

    assertThatThrownBy(() -> DETECTOR.detect(request)).isInstanceOf(ImageError.class);
  }

  @Test
  void unloadableModelFailsCreationWithAClearMessage() {
    assertThatThrownBy(() -> NudityClassifier.create(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ONNX Runtime cannot load the nudity model");
  }

  @Test
  void sexualFusionCountsExplicitFullyAndSuggestiveByHalf() {
    assertThat(new Nudity(0, 0.1, 0.2, 0.3, 0.4).sexual()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(new Nudity(0, 0, 0, 0, 1).sexual()).isEqualTo(0.5);
    assertThat(new Nudity(0, 0.6, 0, 0.4, 0).sexual()).isEqualTo(1.0);
  }
}
