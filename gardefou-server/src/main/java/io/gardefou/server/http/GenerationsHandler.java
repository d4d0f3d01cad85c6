package io.gardefou.server.http;

import io.gardefou.actor.Pseudonyms;
import io.gardefou.gateway.Gateway;
import io.gardefou.model.Operation;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /v1/images/generations}: OpenAI's text-to-image call, through the gateway's walk. */
final class GenerationsHandler implements Handler {
  private final Gateway gateway;
  private final ServerConfig config;
  private final ImageFiles files;
  private final Pseudonyms pseudonyms;

  GenerationsHandler(Gateway gateway, ServerConfig config, ImageFiles files, Pseudonyms pseudonyms) {
    this.gateway = gateway;
    this.config = config;
    this.files = files;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public void handle(Context ctx) {
    Map<String, String> params = ImagesParams.fromJson(JsonBodies.readObject(ctx, config.maxJsonBytes()));
    var request = ImagesParams.request(Operation.GENERATE, params, List.of(), Optional.empty());
    ImageResponses.render(ctx, gateway.handle(ImageCalls.of(ctx, request, config, pseudonyms)), gateway.upstreamName(),
        ImagesParams.responseFormat(params), files);
  }
}
