package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast aligned crop gives, to the last bit, what a plain reading of its definition gives. */
class AlignedCropTest {
  private static final DecodedImage NOISE = SyntheticPatterns.decoded("noise", 640, 480);

  /** A face box with level eyes turned by {@code roll} radians about the box's centre. */
  private static Face face(double x0, double y0, double x1, double y1, double roll) {
    double cx = (x0 + x1) / 2;
    double cy = (y0 + y1) / 2;
    double half = (x1 - x0) / 4;
    double[] keypoints = new double[12];
    keypoints[0] = cx - half * Math.cos(roll);
    keypoints[1] = cy - half * Math.sin(roll);
    keypoints[2] = cx + half * Math.cos(roll);
    keypoints[3] = cy + half * Math.sin(roll);
    return new Face(x0, y0, x1, y1, 0.9, keypoints);
  }

  @Test
  void matchesTheReferenceCropForFacesInsideAcrossAndOutsideTheImage() {
    List<Face> faces = List.of(
        face(300, 200, 340, 240, 0),          // small: one sample a pixel
        face(100, 50, 400, 350, 0),           // large: 4x4 samples a pixel
        face(250, 150, 400, 300, 0.5),        // tilted
        face(250, 150, 400, 300, Math.PI),    // upside down
        face(-40, -30, 90, 100, 0.2),         // across the top-left corner
        face(560, 400, 700, 540, -0.3),       // across the bottom-right corner
        face(-500, -500, -400, -400, 0));     // wholly outside: black
    RgbRaster raster = RgbRaster.of(NOISE);
    for (Face face : faces) {
      assertThat(AgeEstimator.alignedCrop(raster, face)).as(face.toString()).isEqualTo(reference(raster, face));
    }
  }

  /** The crop as documented on {@link AgeEstimator#alignedCrop}, every sample read through the bounds check. */
  private static int[] reference(RgbRaster raster, Face face) {
    int size = AgeEstimator.SIZE;
    double side = Math.max(face.width(), face.height()) * AgeEstimator.CROP_SCALE;
    double step = side / size;
    int n = Math.max(1, (int) Math.ceil(step));
    double cos = Math.cos(face.roll());
    double sin = Math.sin(face.roll());
    int[] out = new int[size * size * 3];
    int i = 0;
    for (int v = 0; v < size; v++) {
      for (int u = 0; u < size; u++) {
        double[] sum = new double[3];
        for (int sv = 0; sv < n; sv++) {
          double dy = (v + (sv + 0.5) / n) * step - side / 2;
          for (int su = 0; su < n; su++) {
            double dx = (u + (su + 0.5) / n) * step - side / 2;
            double x = face.centerX() + dx * cos - dy * sin - 0.5;
            double y = face.centerY() + dx * sin + dy * cos - 0.5;
            int left = (int) Math.floor(x);
            int top = (int) Math.floor(y);
            double fx = x - left;
            double fy = y - top;
            for (int band = 0; band < 3; band++) {
              double upper = at(raster, left, top, band) * (1 - fx) + at(raster, left + 1, top, band) * fx;
              double lower = at(raster, left, top + 1, band) * (1 - fx) + at(raster, left + 1, top + 1, band) * fx;
              sum[band] += upper * (1 - fy) + lower * fy;
            }
          }
        }
        for (int band = 0; band < 3; band++) {
          out[i++] = (int) Math.round(sum[band] / (n * n));
        }
      }
    }
    return out;
  }

  private static int at(RgbRaster raster, int x, int y, int band) {
    return x >= 0 && y >= 0 && x < raster.width && y < raster.height ? raster.sample(x, y, band) : 0;
  }
}
