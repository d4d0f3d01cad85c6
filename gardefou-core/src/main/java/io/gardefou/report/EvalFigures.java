package io.gardefou.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.ledger.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The latest efficacy figures of {@code gardefou eval}, read from the JSON it saved, with the file's SHA-256
 * so that a reader can tie the figures to the file. Numbers become their decimal text: canonical JSON here
 * holds no floating-point numbers.
 */
public final class EvalFigures {
  /** Where {@code gardefou eval} keeps its latest report under a data directory. */
  public static final String LATEST = "eval/latest.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvalFigures() {}

  /** The figures in {@code file}, or empty when there is none. */
  public static Optional<SortedMap<String, Object>> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      TreeMap<String, Object> figures = new TreeMap<>();
      figures.put("source", file.getFileName().toString());
      figures.put("sha256", Hash.of(sha256(bytes)).hex());
      figures.put("report", canonical(MAPPER.readTree(bytes)));
      return Optional.of(figures);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the eval report " + file, e);
    }
  }

  private static Object canonical(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, Object> object = new TreeMap<>();
      node.properties().forEach(member -> object.put(member.getKey(), canonical(member.getValue())));
      return object;
    }
    if (node.isArray()) {
      List<Object> array = new ArrayList<>();
      node.forEach(element -> array.add(canonical(element)));
      return array;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
