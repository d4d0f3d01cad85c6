package io.gardefou.gateway;

/**
 * The image model behind the gateway, spoken to in OpenAI's Images API. Called only with requests whose input was
 * allowed; what it returns is screened before anyone sees it.
 */
public interface Upstream {
  /** A stable name for logs and the {@code X-Gardefou-Upstream} header, e.g. {@code demo} or the upstream's host. */
  String name();

  /** Text-to-image; throws {@link UpstreamException} when the upstream fails, times out or refuses. */
  UpstreamImages generate(ImagesRequest request);

  /** Image editing; throws {@link UpstreamException} when the upstream fails, times out or refuses. */
  UpstreamImages edit(ImagesRequest request);
}
