package io.gardefou.server.http;

import io.gardefou.actor.Pseudonyms;
import io.gardefou.gateway.Gateway;
import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import io.gardefou.server.ServerConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/images/edits}: OpenAI's multipart edit call ({@code image} or {@code image[]}, one or many;
 * {@code mask}; text fields), through the gateway's walk. Every upload is bounded in size before it is read whole.
 */
final class EditsHandler implements Handler {
  private final Gateway gateway;
  private final ServerConfig config;
  private final ImageFiles files;
  private final Pseudonyms pseudonyms;

  EditsHandler(Gateway gateway, ServerConfig config, ImageFiles files, Pseudonyms pseudonyms) {
    this.gateway = gateway;
    this.config = config;
    this.files = files;
    this.pseudonyms = pseudonyms;
  }

  /** The largest multipart body: every source image and the mask at their limit, plus the text fields. */
  static long maxBodyBytes(ServerConfig config) {
    return (long) config.gateway().maxImageBytes() * (Gateway.MAX_INPUT_IMAGES + 1) + config.maxJsonBytes();
  }

  @Override
  public void handle(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      throw ApiException.invalid("invalid_content_type", null, "an edit must be sent as multipart/form-data");
    }
    if (ctx.req().getContentLengthLong() > maxBodyBytes(config)) {
      throw ApiException.tooLarge(maxBodyBytes(config));
    }
    List<InputImage> images = new ArrayList<>();
    List<InputImage> masks = new ArrayList<>();
    Map<String, List<String>> fields = new HashMap<>();
    // Parts are told apart by name, not by a filename: some clients (the OpenAI SDK sending bytes) give none.
    for (Part part : parts(ctx)) {
      String name = part.getName();
      switch (name) {
        case "image", "image[]" -> images.add(image(part, name));
        case "mask" -> masks.add(image(part, name));
        default -> fields.computeIfAbsent(name, n -> new ArrayList<>()).add(text(part, name));
      }
    }
    if (images.isEmpty()) {
      throw ApiException.invalid("missing_required_parameter", "image", "an edit needs at least one 'image'");
    }
    if (masks.size() > 1) {
      throw ApiException.invalid("duplicate_parameter", "mask", "at most one 'mask'");
    }
    Map<String, String> params = ImagesParams.fromForm(fields);
    var request = ImagesParams.request(Operation.EDIT, params, images, masks.stream().findFirst());
    ImageResponses.render(ctx, gateway.handle(ImageCalls.of(ctx, request, config, pseudonyms)), gateway.upstreamName(),
        ImagesParams.responseFormat(params), files);
  }

  private Collection<Part> parts(Context ctx) {
    try {
      ctx.uploadedFileMap(); // applies Javalin's multipart configuration (size limits, spill directory)
      return ctx.req().getParts();
    } catch (IllegalStateException e) {
      // Jetty's multipart parser enforces the total size while streaming, for bodies sent without a length.
      throw ApiException.tooLarge(maxBodyBytes(config));
    } catch (IOException | ServletException e) {
      throw ApiException.invalid("invalid_multipart", null, "the multipart body could not be read: " + e.getMessage());
    }
  }

  private InputImage image(Part part, String field) {
    byte[] bytes = bounded(part, field, config.gateway().maxImageBytes(), true);
    return InputImage.of(part.getSubmittedFileName() == null ? field : part.getSubmittedFileName(), bytes);
  }

  private String text(Part part, String field) {
    return new String(bounded(part, field, config.maxJsonBytes(), false), StandardCharsets.UTF_8);
  }

  private static byte[] bounded(Part part, String field, int limit, boolean image) {
    if (part.getSize() > limit) {
      throw image ? ApiException.imageTooLarge(field, limit) : ApiException.tooLarge(limit);
    }
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw image ? ApiException.imageTooLarge(field, limit) : ApiException.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.invalid("unreadable_body", field, "'" + field + "' could not be read: " + e.getMessage());
    }
  }
}
