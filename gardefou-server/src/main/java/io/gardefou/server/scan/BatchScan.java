package io.gardefou.server.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.gateway.Gateway;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.image.ImageLimits;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import io.gardefou.screen.Screener;
import io.gardefou.server.VerdictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Screens JSON Lines: one request per line in, one verdict per line out, in order. A line that cannot be
 * screened yields {@code {"id", "error"}} and the scan goes on.
 *
 * <p>In: {@code {id, text, op: generate|edit, jurisdiction?, tier?, image?, images?}}, where {@code image} is a path
 * and {@code images} an array of paths, relative to the input file's directory or absolute; each image is decoded
 * within the limits before screening, and a missing or undecodable one makes the line an error. Out: {@code {id, decision, categories,
 * scores, rules, legal_basis, language, policy_version, rule_hits, obligations}}.
 */
public final class BatchScan {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Screener screener;
  private final ImageDecoder decoder;
  private final Path imageDir;

  /** A scan whose image paths are relative to {@code imageDir}, decoded by {@code decoder}. */
  public BatchScan(Screener screener, ImageDecoder decoder, Path imageDir) {
    this.screener = java.util.Objects.requireNonNull(screener, "screener");
    this.decoder = java.util.Objects.requireNonNull(decoder, "decoder");
    this.imageDir = java.util.Objects.requireNonNull(imageDir, "imageDir");
  }

  /** A scan with the default image limits and image paths relative to the working directory. */
  public BatchScan(Screener screener) {
    this(screener, ImageDecoder.create(ImageLimits.defaults()), Path.of(""));
  }

  /** What a scan did: lines screened and lines that failed. */
  public record Summary(int screened, int failed) {}

  public Summary run(BufferedReader in, Writer out) {
    int screened = 0;
    int failed = 0;
    try {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result = screenLine(line, number);
        if (result.has("error")) {
          failed++;
        } else {
          screened++;
        }
        out.write(result.toString());
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(screened, failed);
  }

  private ObjectNode screenLine(String line, int number) {
    JsonNode item;
    try {
      item = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return error(null, "line " + number + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (item == null || !item.isObject()) {
      return error(null, "line " + number + ": expected a JSON object");
    }
    JsonNode id = item.get("id");
    try {
      return result(id, screener.screen(request(item)));
    } catch (IllegalArgumentException e) {
      return error(id, "line " + number + ": " + e.getMessage());
    }
  }

  private ScreeningRequest request(JsonNode item) {
    String text = requiredText(item, "text");
    Operation operation = Operation.fromWireName(optionalText(item, "op", "generate"));
    if (operation != Operation.GENERATE && operation != Operation.EDIT) {
      throw new IllegalArgumentException("op must be generate or edit, was " + operation.wireName());
    }
    Jurisdiction jurisdiction = Jurisdiction.of(optionalText(item, "jurisdiction", "global"));
    Tier tier = Tier.fromWireName(optionalText(item, "tier", "anonymous"));
    Actor actor = tier == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of("anonymous", tier);
    return new ScreeningRequest(operation, text, images(item), actor, jurisdiction, ScreeningRequest.DEFAULT_TENANT);
  }

  /** The line's {@code image} and {@code images}, read and decoded; named by their path as written. */
  private List<InputImage> images(JsonNode item) {
    List<String> paths = new ArrayList<>();
    JsonNode one = item.get("image");
    if (one != null && !one.isNull()) {
      paths.add(imagePath(one, "image"));
    }
    JsonNode many = item.get("images");
    if (many != null && !many.isNull()) {
      if (!many.isArray()) {
        throw new IllegalArgumentException("'images' must be an array of paths");
      }
      for (int i = 0; i < many.size(); i++) {
        paths.add(imagePath(many.get(i), "images[" + i + "]"));
      }
    }
    if (paths.size() > Gateway.MAX_INPUT_IMAGES) {
      throw new IllegalArgumentException("at most " + Gateway.MAX_INPUT_IMAGES + " images a line, was " + paths.size());
    }
    List<InputImage> images = new ArrayList<>(paths.size());
    for (String path : paths) {
      images.add(image(path));
    }
    return images;
  }

  private static String imagePath(JsonNode value, String field) {
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must be a path");
    }
    return value.asText();
  }

  private InputImage image(String written) {
    Path file;
    try {
      file = imageDir.resolve(written);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("image '" + written + "' is not a valid path");
    }
    byte[] bytes;
    try {
      // The size is checked before reading, so that a huge file is never loaded; the decoder checks it again.
      long size = Files.size(file);
      if (size > decoder.limits().maxBytes()) {
        throw new IllegalArgumentException("image '" + written + "': image_too_large: the image has " + size
            + " bytes; the limit is " + decoder.limits().maxBytes());
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("image '" + written + "' not found");
    } catch (IOException e) {
      throw new IllegalArgumentException("image '" + written + "' cannot be read: " + e.getMessage());
    }
    try {
      decoder.decode(bytes);
    } catch (ImageError e) {
      throw new IllegalArgumentException("image '" + written + "': " + e.code() + ": " + e.getMessage());
    }
    return InputImage.of(written, bytes);
  }

  private static String requiredText(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode item, String field, String fallback) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static ObjectNode result(JsonNode id, Verdict verdict) {
    ObjectNode out = MAPPER.createObjectNode();
    out.set("id", id);
    out.put("decision", verdict.decision().name());
    verdict.categories().stream().sorted().map(Category::wireName).forEach(out.putArray("categories")::add);
    ObjectNode scores = out.putObject("scores");
    for (Map.Entry<Category, Double> entry : verdict.signals().maxScores().entrySet()) {
      scores.put(entry.getKey().wireName(), entry.getValue());
    }
    verdict.ruleNames().forEach(out.putArray("rules")::add);
    verdict.legalBasis().forEach(out.putArray("legal_basis")::add);
    out.put("language", verdict.signals().fact(Fact.LANGUAGE).orElse("und"));
    out.put("policy_version", verdict.policyVersion());
    VerdictJson.explain(out, verdict);
    return out;
  }

  private static ObjectNode error(JsonNode id, String message) {
    ObjectNode out = MAPPER.createObjectNode();
    out.set("id", id);
    out.put("error", message);
    return out;
  }
}
