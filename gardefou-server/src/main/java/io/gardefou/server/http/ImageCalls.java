package io.gardefou.server.http;

import io.gardefou.actor.Pseudonyms;
import io.gardefou.gateway.ImageCall;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.model.Actor;
import io.gardefou.model.Tier;
import io.gardefou.policy.JurisdictionResolver;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * Places an images request: who sent it ({@code user}, pseudonymised, also towards the upstream; anonymous tier
 * until API keys) and where they are.
 */
final class ImageCalls {
  private ImageCalls() {}

  static ImageCall of(Context ctx, ImagesRequest request, ServerConfig config, Pseudonyms pseudonyms) {
    JurisdictionResolver.Resolved where = JurisdictionResolver.resolve(
        Optional.ofNullable(ctx.header(config.jurisdictionHeader())), config.defaultTenant());
    Actor actor = pseudonyms.actor(config.defaultTenant().id(), request.user(), Tier.ANONYMOUS);
    // The upstream's abuse monitoring gets the same stable id, not the person's: the raw id stops here.
    ImagesRequest forwarded = request.user().isEmpty() ? request : new ImagesRequest(request.operation(),
        request.prompt(), request.images(), request.mask(), request.model(), request.n(), request.options(),
        Optional.of(actor.id()));
    return ImageCall.start(forwarded, actor, where.jurisdiction(), where.source(), config.defaultTenant().id(), Instant.now());
  }
}
