package io.gardefou.server.http;

import io.gardefou.gateway.ImageCall;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.model.Actor;
import io.gardefou.model.Tier;
import io.gardefou.policy.JurisdictionResolver;
import io.gardefou.policy.TenantSettings;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/** Places an images request: for which tenant (its API key's), who sent it ({@code user}, anonymous tier) and where they are. */
final class ImageCalls {
  private ImageCalls() {}

  static ImageCall of(Context ctx, ImagesRequest request, ServerConfig config) {
    TenantSettings tenant = config.tenant(AccessCheck.tenant(ctx));
    JurisdictionResolver.Resolved where = JurisdictionResolver.resolve(
        Optional.ofNullable(ctx.header(config.jurisdictionHeader())), tenant);
    Actor actor = request.user().map(user -> Actor.of(user, Tier.ANONYMOUS)).orElseGet(Actor::anonymous);
    return ImageCall.start(request, actor, where.jurisdiction(), where.source(), tenant.id(), Instant.now());
  }
}
