/**
 * Bounded, safe decoding of untrusted images: {@link io.gardefou.image.ImageDecoder} turns JPEG, PNG, GIF, BMP
 * and WebP bytes into an upright 8-bit RGB {@link io.gardefou.image.DecodedImage} within
 * {@link io.gardefou.image.ImageLimits}, or throws {@link io.gardefou.image.ImageError} (HTTP 400). Decoding
 * rules: {@code docs/design/image-decoding.md}. {@link io.gardefou.image.ImageDetector} judges each image with the
 * nsfwjs classifier ({@code docs/design/nudity-model.md}), BlazeFace and AgeGenderNet
 * ({@code docs/design/faces-and-age.md}) for {@code sexual}, {@code sexual/minors} and {@code sexual/non-consensual}.
 */
package io.gardefou.image;
