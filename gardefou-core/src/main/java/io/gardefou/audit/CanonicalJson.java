package io.gardefou.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Canonical JSON after RFC 8785 (JCS) for the values a decision record holds: objects with sorted keys,
 * arrays, strings, integers, booleans and null; no whitespace; UTF-8. No floating-point numbers, so the
 * RFC's number serialisation reduces to integer decimal.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** The UTF-8 bytes of {@code value}: a {@link SortedMap} of String keys, a List, String, Long/Integer, Boolean or null. */
  public static byte[] encode(Object value) {
    StringBuilder out = new StringBuilder(512);
    write(out, value);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String text -> string(out, text);
      case Long number -> out.append(number.longValue());
      case Integer number -> out.append(number.intValue());
      case Boolean flag -> out.append(flag.booleanValue());
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(out, list.get(i));
        }
        out.append(']');
      }
      // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units, which is String's order.
      case SortedMap<?, ?> map when map.comparator() == null -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          string(out, (String) member.getKey());
          out.append(':');
          write(out, member.getValue());
        }
        out.append('}');
      }
      default -> throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getName());
    }
  }

  /** RFC 8785 §3.2.2.2: escape only '"', '\\' and controls, the short forms where JSON has them, else \\u00xx. */
  private static void string(StringBuilder out, String text) {
    out.append('"');
    int plain = 0;
    while (plain < text.length() && !needsEscape(text.charAt(plain))) {
      plain++;
    }
    out.append(text, 0, plain); // Digests, ids and names: usually the whole string.
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }
}
