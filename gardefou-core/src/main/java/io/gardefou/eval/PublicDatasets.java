package io.gardefou.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.gardefou.model.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the public labelled datasets: every {@code normalized*.csv} under a directory, in the shared schema
 * described in {@code ../shared/eval/external/README.md}. Malformed rows are counted, never fatal.
 */
public final class PublicDatasets {
  /** Where the shared data sits next to a checkout, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("..", "shared", "eval", "external");

  private static final List<String> COLUMNS = List.of(
      "dataset", "item_id", "text", "lang", "modality", "source_label", "our_category", "expected_action", "notes");
  private static final ObjectReader ROWS = new CsvMapper()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .readerFor(String[].class);

  private PublicDatasets() {}

  /** Loads every {@code normalized*.csv} under {@code dir}, in path order so that runs are reproducible. */
  public static CaseSet load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no public evaluation data directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(PublicDatasets::isNormalizedCsv).sorted().toList();
    }
    List<EvalCase> cases = new ArrayList<>();
    SourceStats.Tallies tallies = new SourceStats.Tallies();
    Set<String> texts = new HashSet<>();
    for (Path file : files) {
      readFile(dir.relativize(file), file, cases, tallies, texts);
    }
    return new CaseSet(cases, tallies.build());
  }

  private static boolean isNormalizedCsv(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("normalized") && name.endsWith(".csv") && Files.isRegularFile(path);
  }

  private static void readFile(Path name, Path file, List<EvalCase> cases, SourceStats.Tallies tallies,
      Set<String> texts) throws IOException {
    // Rows that cannot say which dataset they belong to are counted against the file's folder.
    String folder = file.getParent() == null ? name.toString() : file.getParent().getFileName().toString();
    try (MappingIterator<String[]> rows = ROWS.readValues(file.toFile())) {
      if (!rows.hasNextValue()) {
        tallies.of(folder).malformed(name.toString(), "empty file");
        return;
      }
      int[] index = columnIndex(rows.nextValue());
      if (index == null) {
        tallies.of(folder).malformed(name + " header", "expected the columns " + COLUMNS);
        return;
      }
      int number = 0;
      while (true) {
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          String[] row = rows.nextValue();
          number++;
          readRow(name + " row " + number, row, index, folder, cases, tallies, texts);
        } catch (JsonProcessingException e) {
          // Broken quoting leaves the parser lost; count it and keep the rows already read.
          long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
          tallies.of(folder).malformed(name + " line " + line, "unreadable CSV, rest of file skipped");
          return;
        }
      }
    }
  }

  /** Column positions in {@link #COLUMNS} order, or null when the header lacks one. */
  private static int[] columnIndex(String[] header) {
    List<String> names = Arrays.stream(header).map(String::strip).toList();
    int[] index = new int[COLUMNS.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = names.indexOf(COLUMNS.get(i));
      if (index[i] < 0) {
        return null;
      }
    }
    return index;
  }

  private static void readRow(String where, String[] row, int[] index, String folder, List<EvalCase> cases,
      SourceStats.Tallies tallies, Set<String> texts) {
    if (row.length != COLUMNS.size()) {
      SourceStats.Tally tally = tallies.of(folder);
      tally.row();
      tally.malformed(where, row.length + " fields, expected " + COLUMNS.size());
      return;
    }
    String dataset = row[index[0]].strip();
    SourceStats.Tally tally = tallies.of(dataset.isEmpty() ? folder : dataset);
    tally.row();
    String id = row[index[1]].strip();
    String text = row[index[2]];
    String lang = row[index[3]].strip().toLowerCase(Locale.ROOT);
    if (dataset.isEmpty() || id.isEmpty() || id.contains(EvalCase.VARIANT_MARK) || text.isBlank()) {
      tally.malformed(where, "blank dataset, id or text, or '~' in the id");
      return;
    }
    Operation operation = switch (row[index[4]].strip()) {
      case "t2i_prompt", "chat_text", "social_text" -> Operation.GENERATE;
      case "edit_instruction" -> Operation.EDIT;
      default -> null;
    };
    if (operation == null) {
      tally.malformed(where, "unknown modality");
      return;
    }
    if (lang.isEmpty()) {
      lang = "und";
    } else if (!EvalCase.isLanguage(lang)) {
      tally.malformed(where, "lang is not ISO 639-1");
      return;
    }
    switch (Labels.read(row[index[6]].strip(), row[index[7]].strip())) {
      case Labels.Keep keep -> {
        cases.add(new EvalCase(dataset, id, text, lang, operation, keep.expectation()));
        tally.loaded(!texts.add(text));
      }
      case Labels.Skip skip -> tally.skipped(skip.reason());
      case Labels.Bad bad -> tally.malformed(where, bad.reason());
    }
  }
}
