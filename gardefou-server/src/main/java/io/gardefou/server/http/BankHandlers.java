package io.gardefou.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gardefou.bank.Bank;
import io.gardefou.bank.BankEntry;
import io.gardefou.bank.BankFormat;
import io.gardefou.bank.BankName;
import io.gardefou.bank.HashBanks;
import io.gardefou.bank.UnknownBankException;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hash banks over HTTP: counts for staff, import and export for admins. Each handler is one call into core. */
final class BankHandlers {
  private static final int IMPORT_BATCH = 1_000;

  private final HashBanks banks;
  private final Clock clock;

  BankHandlers(HashBanks banks, Clock clock) {
    this.banks = banks;
    this.clock = clock;
  }

  /** {@code GET /v1/banks}: every bank with its action, PDQ threshold and number of entries. */
  void list(Context ctx) {
    Map<BankName, Long> counts = banks.counts();
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("object", "list");
    ArrayNode data = body.putArray("data");
    for (Bank bank : banks.banks()) {
      data.addObject()
          .put("name", bank.name().value())
          .put("action", bank.action().id())
          .put("pdq_threshold", bank.pdqThreshold())
          .put("count", counts.getOrDefault(bank.name(), 0L));
    }
    ctx.json(body);
  }

  /**
   * {@code POST /v1/banks/{bank}/import[?format=csv|hma]}: the body's entries added to the bank, those already there
   * skipped. CSV rows may leave the bank empty; a malformed file, or a row for another bank, is refused (400) and adds nothing.
   */
  void importEntries(Context ctx) throws IOException {
    BankName bank = bank(ctx);
    BankFormat format = format(ctx);
    List<BankEntry> batch = new ArrayList<>();
    int[] read = {0};
    int added = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8))) {
      List<List<BankEntry>> full = new ArrayList<>();
      format.read(in, Optional.of(bank), clock.instant(), entry -> {
        read[0]++;
        batch.add(entry);
        if (batch.size() == IMPORT_BATCH) {
          full.add(List.copyOf(batch));
          batch.clear();
        }
      });
      full.add(List.copyOf(batch));
      for (List<BankEntry> entries : full) {
        added += banks.addAll(entries);
      }
    }
    ctx.json(Map.of("bank", bank.value(), "read", read[0], "added", added));
  }

  /** {@code GET /v1/banks/{bank}/export[?format=csv|hma]}: the bank's entries, oldest first. */
  void export(Context ctx) throws IOException {
    BankName bank = bank(ctx);
    BankFormat format = format(ctx);
    ctx.contentType(format == BankFormat.CSV ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8");
    try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      banks.export(bank, format.writer(out));
    }
  }

  private BankName bank(Context ctx) {
    String name = ctx.pathParam("bank");
    try {
      BankName bank = BankName.of(name);
      banks.bank(bank).orElseThrow(() -> new UnknownBankException(bank));
      return bank;
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("unknown_bank", "bank", e.getMessage());
    }
  }

  private static BankFormat format(Context ctx) {
    String format = ctx.queryParam("format");
    try {
      return format == null ? BankFormat.CSV : BankFormat.fromId(format);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_format", "format", e.getMessage());
    }
  }
}
