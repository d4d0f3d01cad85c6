package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ImageDetectorTest {
  private static final ImageDetector DETECTOR = ImageDetector.create(RequestDecoder.over(ImageDecoder.create(ImageLimits.defaults())));
  private static final Path DEMO = Path.of("target/face-api/package/demo/sample3.jpg");
  private static final double NO_FACE = Double.POSITIVE_INFINITY;

  private static ScreeningRequest request(Operation operation, List<InputImage> images) {
    return new ScreeningRequest(operation, "", images, Actor.anonymous(), Jurisdiction.global(),
        ScreeningRequest.DEFAULT_TENANT);
  }

  private static InputImage png(String pattern) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(SyntheticPatterns.decoded(pattern, 300, 200).image(), "png", out);
    return InputImage.of(pattern + ".png", out.toByteArray());
  }

  private static ImageFindings findings(String name, Nudity nudity, int faces, double minAge) {
    return new ImageFindings(name, nudity, faces, minAge);
  }

  @Test
  void statesTheClassesAndNoFaceForASyntheticDrawing() throws Exception {
    Signals signals = DETECTOR.detect(request(Operation.OUTPUT, List.of(png("gradient"))));

    // nsfwjs calls the smooth synthetic gradient a drawing (about 0.88, see nsfwjs-reference.json).
    assertThat(signals.score(Category.SEXUAL)).isBetween(0.0, 0.1);
    assertThat(signals.score(Category.SEXUAL_MINORS)).isZero();
    assertThat(signals.score(Category.SEXUAL_NON_CONSENSUAL)).isZero();
    assertThat(signals.fact(ImageDetector.PHOTO)).contains("false");
    assertThat(signals.fact(ImageDetector.FACES)).contains("0");
    assertThat(signals.fact(ImageDetector.MINOR_LIKELY)).contains("false");
    assertThat(signals.fact(ImageDetector.MIN_ESTIMATED_AGE)).isEmpty();
    assertThat(Double.parseDouble(signals.fact("nsfw_drawing").orElseThrow())).isGreaterThan(0.8);
    assertThat(signals.facts()).extracting(Fact::name).containsExactly("photo", "faces", "minor_likely",
        "photo_with_face", "nsfw_drawing", "nsfw_hentai", "nsfw_neutral", "nsfw_porn", "nsfw_sexy");
    assertThat(signals.scores()).allSatisfy(score -> assertThat(score.detector()).isEqualTo("image"));
  }

  @Test
  void findsTheFacesAndAgesOfADemoPhotoOfClothedAdults() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(DEMO), "face-api demo photos not extracted; build gardefou-core first");
    InputImage photo = InputImage.of("sample3.jpg", Files.readAllBytes(DEMO));

    Signals input = DETECTOR.detect(request(Operation.EDIT, List.of(photo)));

    assertThat(input.fact(ImageDetector.FACES)).contains("3");
    assertThat(input.fact(ImageDetector.PHOTO_WITH_FACE)).contains("true");
    assertThat(Double.parseDouble(input.fact(ImageDetector.MIN_ESTIMATED_AGE).orElseThrow())).isGreaterThan(18);
    assertThat(input.score(Category.SEXUAL)).isLessThan(0.5);
    assertThat(input.score(Category.SEXUAL_NON_CONSENSUAL)).isZero();
  }

  @Test
  void anOutputIsJudgedAgainstTheInputFactsItCarries() throws Exception {
    ScreeningRequest output = request(Operation.OUTPUT, List.of(png("checkerboard")));

    Signals alone = DETECTOR.detect(output);
    Signals afterPhoto = DETECTOR.detect(output.withContext(
        List.of(new Fact(ImageDetector.PHOTO_WITH_FACE, "true", ImageDetector.NAME))));

    double revealing = Double.parseDouble(afterPhoto.fact("nsfw_porn").orElseThrow())
        + Double.parseDouble(afterPhoto.fact("nsfw_hentai").orElseThrow())
        + Double.parseDouble(afterPhoto.fact("nsfw_sexy").orElseThrow());
    assertThat(alone.score(Category.SEXUAL_NON_CONSENSUAL)).isZero();
    assertThat(afterPhoto.score(Category.SEXUAL_NON_CONSENSUAL)).isPositive().isCloseTo(revealing, Offset.offset(1e-3));
  }

  @Test
  void sexualCountsExplicitFullyAndSuggestiveByHalf() {
    Signals signals = ImageDetector.fuse(List.of(findings("a", new Nudity(0, 0.1, 0.2, 0.3, 0.4), 0, NO_FACE)), false);

    assertThat(signals.score(Category.SEXUAL)).isCloseTo(0.6, Offset.offset(1e-12));
    assertThat(new Nudity(0, 0, 0, 0, 1).sexual()).isEqualTo(0.5);
  }

  @Test
  void suggestiveImageWithAFaceUnder25IsSexualMinorsThoughNotSexual() {
    Nudity suggestive = new Nudity(0, 0, 0.3, 0, 0.7);

    Signals young = ImageDetector.fuse(List.of(findings("a", suggestive, 1, 21.4)), false);
    Signals older = ImageDetector.fuse(List.of(findings("a", suggestive, 1, 31.0)), false);

    assertThat(young.score(Category.SEXUAL)).isLessThan(0.5);
    assertThat(young.score(Category.SEXUAL_MINORS)).isCloseTo(0.7, Offset.offset(1e-12));
    assertThat(young.fact(ImageDetector.MINOR_LIKELY)).contains("true");
    assertThat(young.fact(ImageDetector.MIN_ESTIMATED_AGE)).contains("21.4");
    assertThat(older.score(Category.SEXUAL_MINORS)).isZero();
    assertThat(older.fact(ImageDetector.MINOR_LIKELY)).contains("false");
  }

  @Test
  void minorsAreJudgedOnTheImageThatShowsThemNotAcrossImages() {
    // A young face on a neutral photo and a revealing image without a face: neither image is both.
    Signals signals = ImageDetector.fuse(List.of(
        findings("portrait", new Nudity(0, 0, 1, 0, 0), 1, 15.0),
        findings("beach", new Nudity(0, 0, 0.1, 0, 0.9), 0, NO_FACE)), false);

    assertThat(signals.score(Category.SEXUAL_MINORS)).isZero();
    assertThat(signals.fact(ImageDetector.MINOR_LIKELY)).contains("true");
    assertThat(signals.fact(ImageDetector.FACES)).contains("1");
  }

  @Test
  void nonConsensualNeedsAnEditOfAPhotoWithAFace() {
    List<ImageFindings> revealing = List.of(findings("out", new Nudity(0, 0, 0.4, 0.1, 0.5), 0, NO_FACE));

    assertThat(ImageDetector.fuse(revealing, true).score(Category.SEXUAL_NON_CONSENSUAL)).isCloseTo(0.6, Offset.offset(1e-12));
    assertThat(ImageDetector.fuse(revealing, false).score(Category.SEXUAL_NON_CONSENSUAL)).isZero();
  }

  @Test
  void aPhotoWithAFaceIsOneImageBothPhotographicAndWithAFace() {
    Signals split = ImageDetector.fuse(List.of(
        findings("drawn face", new Nudity(0.9, 0, 0.1, 0, 0), 1, 30),
        findings("photo", new Nudity(0, 0, 1, 0, 0), 0, NO_FACE)), false);

    assertThat(split.fact(ImageDetector.PHOTO)).contains("true");
    assertThat(split.fact(ImageDetector.PHOTO_WITH_FACE)).contains("false");
  }

  @Test
  void coversTheThreeSexualCategoriesAndAppliesOnlyToImages() {
    assertThat(DETECTOR.name()).isEqualTo("image");
    assertThat(DETECTOR.covers())
        .containsExactlyInAnyOrder(Category.SEXUAL, Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
    assertThat(DETECTOR.appliesTo(ScreeningRequest.ofText(Operation.GENERATE, "a cat"))).isFalse();
  }

  @Test
  void undecodableImageThrowsSoTheScreenerFailsClosed() {
    ScreeningRequest request = request(Operation.OUTPUT, List.of(InputImage.of("junk", new byte[] {1, 2, 3})));

    assertThatThrownBy(() -> DETECTOR.detect(request)).isInstanceOf(ImageError.class);
  }

  @Test
  void unloadableModelsFailCreationWithAClearMessage() {
    assertThatThrownBy(() -> NudityClassifier.create(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ONNX Runtime cannot load the nudity model");
    assertThatThrownBy(() -> BlazeFace.create(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ONNX Runtime cannot load the face detection model");
    assertThatThrownBy(() -> AgeEstimator.create(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ONNX Runtime cannot load the age estimation model");
  }
}
