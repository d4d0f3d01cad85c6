package io.gardefou.gateway;

/** Refuses more images than configured ({@code n}) or more input images than the gateway screens per edit. */
final class CheckLimits implements Stage {
  private final int maxN;
  private final int maxInputImages;

  CheckLimits(int maxN, int maxInputImages) {
    this.maxN = maxN;
    this.maxInputImages = maxInputImages;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    ImagesRequest request = call.request();
    if (request.n() > maxN) {
      throw new InvalidImagesRequest("n_too_large", "n", "n is " + request.n() + "; at most " + maxN + " images a request");
    }
    if (request.images().size() > maxInputImages) {
      throw new InvalidImagesRequest("too_many_images", "image",
          request.images().size() + " images were sent; at most " + maxInputImages);
    }
    return next.proceed(call);
  }
}
