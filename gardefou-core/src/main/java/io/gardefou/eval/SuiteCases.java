package io.gardefou.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gardefou.model.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads Garde-fou's own red-team suite: {@code *.jsonl} files, one case a line,
 * {@code {"id", "text", "op": "generate"|"edit", "lang", "category", "expected": "block"|"allow", "notes"?}},
 * where {@code category} is one of the shared {@code our_category} names. Malformed lines are counted, never fatal.
 */
public final class SuiteCases {
  /** The dataset name of every suite case, which targets refer to. */
  public static final String DATASET = "suite";
  /** Where the suite lives, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("eval", "suite");
  /** The dataset name of the held-out set: same schema, written without sight of the lexicons or the suite. */
  public static final String HOLDOUT = "holdout";
  public static final Path HOLDOUT_DIR = Path.of("eval", "holdout");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SuiteCases() {}

  /** Loads every {@code *.jsonl} file directly in {@code dir}, in name order, as the dataset {@value #DATASET}. */
  public static CaseSet load(Path dir) throws IOException {
    return load(dir, DATASET);
  }

  /** Loads every {@code *.jsonl} file directly in {@code dir}, in name order, under the given dataset name. */
  public static CaseSet load(Path dir, String dataset) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no red-team suite directory");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
          .sorted().toList();
    }
    SourceStats.Tally tally = new SourceStats.Tally(dataset);
    List<EvalCase> cases = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          tally.row();
          readLine(dataset, file.getFileName() + " line " + (i + 1), lines.get(i), tally, cases, ids, texts);
        }
      }
    }
    return new CaseSet(cases, List.of(tally.build()));
  }

  private static void readLine(String dataset, String where, String line, SourceStats.Tally tally, List<EvalCase> cases,
      Set<String> ids, Set<String> texts) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      tally.malformed(where, "not JSON");
      return;
    }
    if (!node.isObject()) {
      tally.malformed(where, "not a JSON object");
      return;
    }
    String id = node.path("id").asText("").strip();
    String text = node.path("text").asText("");
    String lang = node.path("lang").asText("und").strip();
    if (id.isEmpty() || id.contains(EvalCase.VARIANT_MARK) || text.isBlank()) {
      tally.malformed(where, "blank id or text, or '~' in the id");
      return;
    }
    if (!EvalCase.isLanguage(lang)) {
      tally.malformed(where, "lang is not ISO 639-1 or 'und'");
      return;
    }
    Operation operation = switch (node.path("op").asText("")) {
      case "generate" -> Operation.GENERATE;
      case "edit" -> Operation.EDIT;
      default -> null;
    };
    String expected = node.path("expected").asText("");
    if (operation == null || !(expected.equals("block") || expected.equals("allow"))) {
      tally.malformed(where, "op must be generate or edit, expected must be block or allow");
      return;
    }
    switch (Labels.read(node.path("category").asText(""), expected)) {
      case Labels.Keep keep -> {
        if (!ids.add(id)) {
          tally.malformed(where, "duplicate id " + id);
          return;
        }
        cases.add(new EvalCase(dataset, id, text, lang, operation, keep.expectation()));
        tally.loaded(!texts.add(text));
      }
      case Labels.Skip skip -> tally.skipped(skip.reason());
      case Labels.Bad bad -> tally.malformed(where, bad.reason());
    }
  }
}
