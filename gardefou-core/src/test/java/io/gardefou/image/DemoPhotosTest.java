package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.gardefou.model.InputImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The face and age path on the six demo photos that ship in {@code @vladmandic/face-api} (clothed adults), read
 * from {@code target/face-api} where the build extracted them; never committed.
 */
class DemoPhotosTest {
  private static final Path DEMO = Path.of("target/face-api/package/demo");
  private static final ImageDecoder DECODER = ImageDecoder.create(ImageLimits.defaults());
  private static BlazeFace blazeFace;
  private static AgeEstimator ages;

  @BeforeAll
  static void load() {
    Assumptions.assumeTrue(Files.isRegularFile(DEMO.resolve("sample1.jpg")),
        "face-api demo photos not extracted under " + DEMO.toAbsolutePath() + "; build gardefou-core first");
    blazeFace = BlazeFace.create();
    ages = AgeEstimator.create();
  }

  @AfterAll
  static void close() throws Exception {
    if (blazeFace != null) {
      blazeFace.close();
      ages.close();
    }
  }

  @Test
  void findsTheFacesOfEveryDemoPhotoAndEstimatesAdultAges() throws Exception {
    List<String> report = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      String name = "sample" + n + ".jpg";
      DecodedImage image = DECODER.decode(InputImage.of(name, Files.readAllBytes(DEMO.resolve(name))));
      List<Face> faces = blazeFace.detect(image);
      List<String> estimates = new ArrayList<>();
      for (Face face : faces) {
        double age = ages.estimate(image, face).age();
        all.add(age);
        estimates.add(String.format(Locale.ROOT, "%.1f (score %.2f, roll %.0f deg, %.0f px)", age, face.score(),
            Math.toDegrees(face.roll()), face.width()));
      }
      report.add(name + ": " + faces.size() + " faces, ages " + estimates);
      assertThat(faces).as(name).isNotEmpty();
    }
    System.out.println("demo photos:\n  " + String.join("\n  ", report));
    assertThat(all).as(String.join("\n", report)).allSatisfy(age -> assertThat(age).isGreaterThanOrEqualTo(18.0));
  }
}
