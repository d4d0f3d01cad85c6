package io.gardefou.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.ledger.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reading decision ids out of moderation responses and out of ledger entries, for the tests that compare them. */
final class LedgerEntries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerEntries() {}

  /** The decision ids a 200 moderation response acknowledges; none for any other status. */
  static List<String> acknowledged(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    if (response.statusCode() == 200) {
      read(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("results")
          .forEach(result -> ids.add(result.path("gardefou").path("decision_id").asText()));
    }
    return ids;
  }

  /** The decision id of every decision entry in the store, in index order (audit events have none). */
  static List<String> decisionIds(LogStore store) {
    List<String> ids = new ArrayList<>();
    long size = store.size();
    for (long from = 0; from < size; from += 1_000) {
      for (byte[] entry : store.entries(from, (int) Math.min(1_000, size - from))) {
        JsonNode decision = read(entry).path("decision_id");
        if (!decision.isMissingNode()) {
          ids.add(decision.asText());
        }
      }
    }
    return ids;
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
