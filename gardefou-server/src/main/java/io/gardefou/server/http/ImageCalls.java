package io.gardefou.server.http;

import io.gardefou.actor.Pseudonyms;
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

/**
 * Places an images request: for which tenant (its API key's), who sent it ({@code user}, pseudonymised, also towards
 * the upstream; anonymous tier) and where they are.
 */
final class ImageCalls {
  private ImageCalls() {}

  static ImageCall of(Context ctx, ImagesRequest request, ServerConfig config, Pseudonyms pseudonyms) {
    TenantSettings tenant = config.tenant(AccessCheck.tenant(ctx));
    JurisdictionResolver.Resolved where = JurisdictionResolver.resolve(
        Optional.ofNullable(ctx.header(config.jurisdictionHeader())), tenant);
    Actor actor = pseudonyms.actor(tenant.id(), request.user(), Tier.ANONYMOUS);
    // The upstream's abuse monitoring gets the same stable id, not the person's: the raw id stops here.
    ImagesRequest forwarded = request.user().isEmpty() ? request : new ImagesRequest(request.operation(),
        request.prompt(), request.images(), request.mask(), request.model(), request.n(), request.options(),
        Optional.of(actor.id()));
    return ImageCall.start(forwarded, actor, where.jurisdiction(), where.source(), tenant.id(), Instant.now());
  }
}
