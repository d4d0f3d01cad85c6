package io.gardefou.image;

import java.util.Arrays;

/**
 * A face BlazeFace found, in the image's pixel coordinates (x right, y down).
 *
 * @param score the detection confidence, sigmoid of the model's logit, in [0, 1]
 * @param keypoints six points as x0, y0, … x5, y5, in MediaPipe's order: right eye, left eye (the subject's), nose
 *     tip, mouth centre, right ear tragion, left ear tragion
 */
public record Face(double x0, double y0, double x1, double y1, double score, double[] keypoints) {
  public Face {
    if (keypoints.length != 12) {
      throw new IllegalArgumentException("expected 6 keypoints (12 coordinates), got " + keypoints.length);
    }
    keypoints = keypoints.clone();
  }

  @Override
  public double[] keypoints() {
    return keypoints.clone();
  }

  public double width() {
    return x1 - x0;
  }

  public double height() {
    return y1 - y0;
  }

  public double centerX() {
    return (x0 + x1) / 2;
  }

  public double centerY() {
    return (y0 + y1) / 2;
  }

  /**
   * The angle, in radians, of the line from the subject's right eye to the left eye: 0 when the eyes are level in
   * an upright face, pi when the face is upside down. Turning the image by minus this angle makes the face upright.
   */
  public double roll() {
    return Math.atan2(keypoints[3] - keypoints[1], keypoints[2] - keypoints[0]);
  }

  /** Intersection over union of the two boxes, in [0, 1]. */
  double iou(Face other) {
    double w = Math.min(x1, other.x1) - Math.max(x0, other.x0);
    double h = Math.min(y1, other.y1) - Math.max(y0, other.y0);
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double intersection = w * h;
    return intersection / (width() * height() + other.width() * other.height() - intersection);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Face f && x0 == f.x0 && y0 == f.y0 && x1 == f.x1 && y1 == f.y1 && score == f.score
        && Arrays.equals(keypoints, f.keypoints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {x0, y0, x1, y1, score}) * 31 + Arrays.hashCode(keypoints);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "Face[%.1f,%.1f-%.1f,%.1f score=%.3f]", x0, y0, x1, y1, score);
  }
}
