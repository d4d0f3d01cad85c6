package io.gardefou.gateway;

import io.gardefou.image.ImageDecoder;
import io.gardefou.model.InputImage;

/**
 * Decodes every input image within the limits before anything else looks at it: an image we cannot decode is one
 * we cannot screen, so it is refused as bad input ({@link io.gardefou.image.ImageError}, a 400), never passed on.
 */
final class DecodeInputs implements Stage {
  private final ImageDecoder decoder;

  DecodeInputs(ImageDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    for (InputImage image : call.request().inputs()) {
      decoder.decode(image);
    }
    return next.proceed(call);
  }
}
