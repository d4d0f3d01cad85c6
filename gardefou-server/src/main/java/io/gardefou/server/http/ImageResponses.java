package io.gardefou.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.gateway.GeneratedImage;
import io.gardefou.gateway.Outcome;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.Optional;

/**
 * Renders how an exchange ended in OpenAI's shapes: {@code {created, data: [{b64_json | url, revised_prompt?}]}}, or
 * the refusal error. Headers name the exchange, the upstream and how many outputs were withheld.
 */
final class ImageResponses {
  static final String REQUEST_ID = "X-Gardefou-Request-Id";
  static final String UPSTREAM = "X-Gardefou-Upstream";
  static final String WITHHELD = "X-Gardefou-Withheld";

  private ImageResponses() {}

  /** How the client asked for the images: inline, or at a URL served by the gateway ({@link ImageFiles}). */
  enum Format {
    B64_JSON,
    URL
  }

  static void render(Context ctx, Outcome outcome, String upstream, Format format, ImageFiles files) {
    ctx.header(REQUEST_ID, outcome.requestId()).header(UPSTREAM, upstream);
    switch (outcome) {
      case Outcome.Refused refused -> ErrorTable.refusal(ctx, refused);
      case Outcome.Produced produced -> {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("created", produced.created());
        ArrayNode data = body.putArray("data");
        for (GeneratedImage image : produced.images()) {
          ObjectNode item = data.addObject();
          switch (format) {
            case B64_JSON -> item.put("b64_json", Base64.getEncoder().encodeToString(image.image().bytes()));
            case URL -> item.put("url", baseUrl(ctx) + ImageFilesHandler.PATH + files.put(image.image().bytes()));
          }
          image.revisedPrompt().ifPresent(revised -> item.put("revised_prompt", revised));
        }
        ctx.header(WITHHELD, Integer.toString(produced.withheld().size()))
            .contentType("application/json").result(body.toString());
      }
    }
  }

  /**
   * Where the client reached us: its {@code Host} (else the address it connected to); a TLS-terminating proxy says so
   * with {@code X-Forwarded-Proto}.
   */
  private static String baseUrl(Context ctx) {
    String scheme = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).filter(p -> p.equals("https"))
        .orElse(ctx.scheme());
    String host = Optional.ofNullable(ctx.host()).filter(h -> !h.isBlank())
        .orElseGet(() -> ctx.req().getLocalName() + ":" + ctx.req().getLocalPort());
    return scheme + "://" + host;
  }
}
