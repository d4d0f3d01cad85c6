package io.gardefou.server.http;

import io.gardefou.actor.Pseudonyms;
import io.gardefou.gateway.Gateway;
import io.gardefou.model.Operation;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;

/** {@code POST /v1/images/generations}: OpenAI's text-to-image call, through the gateway's walk. */
final class GenerationsHandler implements Handler {
  private final Gateway gateway;
  private final ServerConfig config;
  private final Pseudonyms pseudonyms;

  GenerationsHandler(Gateway gateway, ServerConfig config, Pseudonyms pseudonyms) {
    this.gateway = gateway;
    this.config = config;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public void handle(Context ctx) {
    var request = ImagesParams.request(Operation.GENERATE,
        ImagesParams.fromJson(JsonBodies.readObject(ctx, config.maxJsonBytes())), List.of(), Optional.empty());
    ImageResponses.render(ctx, gateway.handle(ImageCalls.of(ctx, request, config, pseudonyms)), gateway.upstreamName());
  }
}
