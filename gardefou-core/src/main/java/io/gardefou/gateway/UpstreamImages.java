package io.gardefou.gateway;

import java.util.List;

/** What the upstream answered: its {@code created} time (Unix seconds) and the images, in its order. */
public record UpstreamImages(long created, List<GeneratedImage> images) {
  public UpstreamImages {
    images = List.copyOf(images);
  }
}
