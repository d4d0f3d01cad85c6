package io.gardefou.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.bank.BankDetector;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.Score;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.screen.VerdictLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The screener every entry point shares looks at images, not only at text. */
class ScreenerWiringTest {

  @Test
  void classifiesAndHashesEveryOutputImage() throws Exception {
    ScreeningRequest output = new ScreeningRequest(Operation.OUTPUT, "a lighthouse at dusk",
        List.of(InputImage.of("output-0", gradientPng())), Actor.anonymous(),
        Jurisdiction.global(), ScreeningRequest.DEFAULT_TENANT);

    try (Screener screener = Gardefou.screener(RunningGardefou.TESTING, VerdictLog.discarding())) {
      Verdict verdict = screener.screen(output);

      assertThat(verdict.signals().failures()).isEmpty();
      assertThat(verdict.signals().scores()).filteredOn(s -> s.detector().equals("image"))
          .extracting(Score::category)
          .contains(Category.SEXUAL, Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
      assertThat(verdict.signals().facts()).extracting(Fact::detector).contains("image", BankDetector.NAME);
      assertThat(verdict.categories()).doesNotContain(Category.SEXUAL);
    }
  }

  private static byte[] gradientPng() throws Exception {
    BufferedImage image = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 2) << 16 | (y * 2) << 8 | 128);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }
}
