package io.gardefou.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small helpers that build canonical trees and table rows. */
final class Trees {
  private Trees() {}

  /** An object of alternating keys and values; a null value is kept as JSON null. */
  static TreeMap<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    TreeMap<String, Object> object = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  static String instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).toString();
  }

  static Object orNull(Optional<?> value) {
    return value.orElse(null);
  }

  /** Rows {@code key, value} of a flat object, nested objects as {@code key.sub}. */
  static List<List<String>> flatten(String prefix, SortedMap<String, Object> tree) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Object> member : tree.entrySet()) {
      String key = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
      if (member.getValue() instanceof SortedMap<?, ?> nested) {
        @SuppressWarnings("unchecked")
        SortedMap<String, Object> sub = (SortedMap<String, Object>) nested;
        rows.addAll(flatten(key, sub));
      } else {
        rows.add(List.of(key, text(member.getValue())));
      }
    }
    return rows;
  }

  static String text(Object value) {
    return switch (value) {
      case null -> "";
      case List<?> list -> String.join(" ", list.stream().map(Trees::text).toList());
      default -> value.toString();
    };
  }
}
