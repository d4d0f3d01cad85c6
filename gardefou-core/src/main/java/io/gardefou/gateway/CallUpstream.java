package io.gardefou.gateway;

import io.gardefou.model.Operation;

/** The end of the walk: asks the upstream model, and holds it to the number of images asked for. */
final class CallUpstream implements Stage {
  private final Upstream upstream;

  CallUpstream(Upstream upstream) {
    this.upstream = upstream;
  }

  @Override
  public Outcome proceed(ImageCall call, Next next) {
    ImagesRequest request = call.request();
    UpstreamImages made = request.operation() == Operation.EDIT ? upstream.edit(request) : upstream.generate(request);
    if (made.images().isEmpty()) {
      throw UpstreamException.unavailable("the upstream returned no images");
    }
    // More than asked for would be more than the limits allowed for; the extra ones are never screened or shown.
    int kept = Math.min(made.images().size(), request.n());
    return new Outcome.Produced(call.requestId(), made.created(), made.images().subList(0, kept), java.util.List.of());
  }
}
