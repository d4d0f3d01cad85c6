/**
 * Bounded, safe decoding of untrusted images: {@link io.gardefou.image.ImageDecoder} turns JPEG, PNG, GIF, BMP
 * and WebP bytes into an upright 8-bit RGB {@link io.gardefou.image.DecodedImage} within
 * {@link io.gardefou.image.ImageLimits}, or throws {@link io.gardefou.image.ImageError} (HTTP 400). Decoding
 * rules: {@code docs/design/image-decoding.md}. {@link io.gardefou.image.NudityDetector} scores {@code sexual}
 * with the nsfwjs classifier ({@code docs/design/nudity-model.md}).
 */
package io.gardefou.image;
