package io.gardefou.bank;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The file formats banks are imported from and exported to. {@link #CSV}: {@code hash,bank,label,added_at} (RFC 4180
 * quoting), a PDQ hash as 64 hex digits, an MD5 as 32, a SHA-256 prefixed {@code sha256:}. {@link #HMA}: the
 * python-threatexchange signal file, one {@code <signal type> <signal>} a line ({@code exchanges/impl/file_api.py}),
 * with the types {@code pdq}, {@code video_md5} and {@code video_sha256}; it names no bank and has no labels.
 */
public enum BankFormat {
  CSV,
  HMA;

  private static final String CSV_HEADER = "hash,bank,label,added_at";

  public static BankFormat fromId(String id) {
    try {
      return valueOf(id.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a bank file format is csv or hma, got '" + id + "'");
    }
  }

  /**
   * Reads the entries in order. {@code bank} is the bank of rows that name none (every HMA line); when given, a CSV
   * row naming another bank is refused. Rows without {@code added_at} were added {@code now}.
   *
   * @throws MalformedBankFileException naming the line, for anything unreadable
   */
  public void read(BufferedReader in, Optional<BankName> bank, Instant now, Consumer<BankEntry> sink)
      throws IOException {
    if (this == HMA && bank.isEmpty()) {
      throw new MalformedBankFileException(0, "an HMA signal file names no bank: say which bank it is for");
    }
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank() || number == 1 && this == CSV && line.strip().equalsIgnoreCase(CSV_HEADER)) {
        continue;
      }
      try {
        sink.accept(this == CSV ? csvRow(line, bank, now) : hmaLine(line.strip(), bank.orElseThrow(), now));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new MalformedBankFileException(number, e.getMessage());
      }
    }
  }

  /** A sink that writes each entry in this format (after the CSV header, written now). */
  public Consumer<BankEntry> writer(Writer out) {
    if (this == CSV) {
      write(out, CSV_HEADER + "\n");
    }
    return entry -> write(out, this == CSV ? csvRow(entry) : hmaLine(entry));
  }

  private static BankEntry csvRow(String line, Optional<BankName> bank, Instant now) {
    List<String> cells = csvCells(line);
    if (cells.size() > 4) {
      throw new IllegalArgumentException("a CSV row is hash,bank,label,added_at; got " + cells.size() + " cells");
    }
    BankName rowBank = cells.size() < 2 || cells.get(1).isBlank()
        ? bank.orElseThrow(() -> new IllegalArgumentException("the row names no bank"))
        : BankName.of(cells.get(1).strip());
    if (bank.isPresent() && !bank.get().equals(rowBank)) {
      throw new IllegalArgumentException("the row is for bank " + rowBank + ", not " + bank.get());
    }
    String label = cells.size() > 2 ? cells.get(2) : "";
    Instant addedAt = cells.size() > 3 && !cells.get(3).isBlank() ? Instant.parse(cells.get(3).strip()) : now;
    return new BankEntry(rowBank, csvHash(cells.get(0).strip()), label, addedAt);
  }

  private static BankHash csvHash(String cell) {
    int colon = cell.indexOf(':');
    if (colon >= 0) {
      return BankHash.of(BankHash.Kind.fromId(cell.substring(0, colon).toLowerCase(Locale.ROOT)), cell.substring(colon + 1));
    }
    return cell.length() == 32 ? BankHash.md5(cell) : BankHash.of(BankHash.Kind.PDQ, cell);
  }

  private static String csvRow(BankEntry entry) {
    String hash = entry.hash().kind() == BankHash.Kind.SHA256 ? "sha256:" + entry.hash().hex() : entry.hash().hex();
    return hash + "," + entry.bank() + "," + csvQuote(entry.label()) + "," + entry.addedAt() + "\n";
  }

  /** Splits one line into cells; RFC 4180: a quoted cell may hold commas, and "" in it is a quote. */
  private static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted cell is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String csvQuote(String s) {
    return s.contains(",") || s.contains("\"") || s.startsWith(" ") || s.endsWith(" ")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  private static BankEntry hmaLine(String line, BankName bank, Instant now) {
    int space = line.indexOf(' ');
    String type = space < 0 ? "pdq" : line.substring(0, space);
    String signal = space < 0 ? line : line.substring(space + 1).strip();
    BankHash hash = switch (type) {
      case "pdq" -> BankHash.of(BankHash.Kind.PDQ, signal);
      case "video_md5", "md5" -> BankHash.md5(signal);
      case "video_sha256", "sha256" -> BankHash.sha256(signal);
      default -> throw new IllegalArgumentException(
          "signal type '" + type + "' is not one banks hold (pdq, video_md5, video_sha256)");
    };
    return new BankEntry(bank, hash, "", now);
  }

  private static String hmaLine(BankEntry entry) {
    String type = switch (entry.hash().kind()) {
      case PDQ -> "pdq";
      case MD5 -> "video_md5";
      case SHA256 -> "video_sha256";
    };
    return type + " " + entry.hash().hex() + "\n";
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
