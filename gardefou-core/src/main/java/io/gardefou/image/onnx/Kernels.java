package io.gardefou.image.onnx;

/** TF convolution kernels re-laid out for ONNX Conv, whose weight is OIHW. */
final class Kernels {
  private Kernels() {}

  /** Conv2D kernel HWIO {@code [kh, kw, I, O]} -> ONNX Conv weight OIHW {@code [O, I, kh, kw]}. */
  static float[] conv(LayersModel.Weight kernel) {
    int[] s = kernel.shape();
    int kh = s[0];
    int kw = s[1];
    int in = s[2];
    int out = s[3];
    float[] oihw = new float[kernel.values().length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            oihw[((o * in + i) * kh + y) * kw + x] = kernel.values()[((y * kw + x) * in + i) * out + o];
          }
        }
      }
    }
    return oihw;
  }

  /**
   * Depthwise kernel {@code [kh, kw, C, M]} -> ONNX Conv weight {@code [C*M, 1, kh, kw]} for {@code group = C};
   * output channel c*M + m, as in tf.nn.depthwise_conv2d.
   */
  static float[] depthwise(LayersModel.Weight kernel) {
    int[] s = kernel.shape();
    int kh = s[0];
    int kw = s[1];
    int channels = s[2];
    int multiplier = s[3];
    float[] oihw = new float[kernel.values().length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int c = 0; c < channels; c++) {
          for (int m = 0; m < multiplier; m++) {
            oihw[((c * multiplier + m) * kh + y) * kw + x] = kernel.values()[((y * kw + x) * channels + c) * multiplier + m];
          }
        }
      }
    }
    return oihw;
  }
}
