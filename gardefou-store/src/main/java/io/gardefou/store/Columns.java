package io.gardefou.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How values are written into columns the same way for both vendors: lists as JSON arrays (jsonb in
 * PostgreSQL, text in SQLite) and instants as fixed-width UTC text, which PostgreSQL reads as timestamptz.
 */
final class Columns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  // Fixed width so that SQLite's text order is time order; microseconds, PostgreSQL's timestamptz precision.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  private Columns() {}

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises to JSON", e);
    }
  }

  static List<String> strings(String json, String column) {
    try {
      return List.copyOf(JSON.readValue(json, STRINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("column " + column + " does not hold a JSON array of strings", e);
    }
  }
}
