package io.gardefou.server.cli;

import io.gardefou.bank.Bank;
import io.gardefou.bank.BankEntry;
import io.gardefou.bank.BankFormat;
import io.gardefou.bank.BankName;
import io.gardefou.bank.HashBanks;
import io.gardefou.hash.Pdq;
import io.gardefou.hash.PdqResult;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gardefou banks …}: the hash banks in the store — list, import, export, add images. */
@Command(name = "banks", mixinStandardHelpOptions = true, description = "Manage the hash banks.",
    subcommands = {BanksCommand.ListBanks.class, BanksCommand.Import.class, BanksCommand.Export.class, BanksCommand.Add.class})
final class BanksCommand {
  private BanksCommand() {}

  /** Where the banks are: the store of a data directory or a database URL, as {@code serve} finds it. */
  static final class Store {
    @Option(names = "--config", paramLabel = "FILE", description = "A config file (YAML).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default: as serve).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "The JDBC URL of the store, if not DIR's SQLite file.")
    String db;

    Database open() {
      ServerConfig settings = Settings.resolve(config, data, db);
      return settings.database().isEmpty() ? Database.openDefault(settings.dataDir()) : Database.open(settings.database());
    }
  }

  /** {@code gardefou banks list}: one line a bank: name, action, PDQ threshold, entries. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the banks and their entry counts.")
  static final class ListBanks implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Store store;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database database = store.open()) {
        HashBanks banks = HashBanks.open(database.bankStore(), Clock.systemUTC());
        Map<BankName, Long> counts = banks.counts();
        for (Bank bank : banks.banks()) {
          out.println(bank.name() + " " + bank.action().id() + " " + bank.pdqThreshold() + " " + counts.get(bank.name()));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code gardefou banks import FILE --format csv|hma [--bank NAME]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Adds a file's hashes to the banks; those already there are skipped. A bad line adds nothing.")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Store store;

    @Parameters(paramLabel = "FILE", description = "CSV (hash,bank,label,added_at) or HMA signal file.")
    Path file;

    @Option(names = "--format", paramLabel = "csv|hma", defaultValue = "csv", description = "The file's format.")
    String format;

    @Option(names = "--bank", paramLabel = "NAME",
        description = "The bank: required for HMA; for CSV, the bank of rows that name none, and the only one allowed.")
    String bank;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      List<BankEntry> entries = new ArrayList<>();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        BankFormat.fromId(format).read(in, Optional.ofNullable(bank).map(BankName::of), Clock.systemUTC().instant(), entries::add);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(file + ": " + e.getMessage());
        return 1;
      }
      try (Database database = store.open()) {
        HashBanks banks = HashBanks.open(database.bankStore(), Clock.systemUTC());
        int added = 0;
        for (int from = 0; from < entries.size(); from += 10_000) {
          added += banks.addAll(entries.subList(from, Math.min(entries.size(), from + 10_000)));
        }
        out.println("read " + entries.size() + ", added " + added + ", already present " + (entries.size() - added));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code gardefou banks export --bank NAME --format csv|hma}: to standard output. */
  @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes a bank's entries, oldest first.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Store store;

    @Option(names = "--bank", paramLabel = "NAME", required = true, description = "The bank.")
    String bank;

    @Option(names = "--format", paramLabel = "csv|hma", defaultValue = "csv", description = "The format.")
    String format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database database = store.open()) {
        HashBanks.open(database.bankStore(), Clock.systemUTC()).export(BankName.of(bank), BankFormat.fromId(format).writer(out));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code gardefou banks add --bank NAME FILE...}: each image's PDQ hash added, labelled with its file name. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Hashes image files with PDQ and adds them to a bank; exits 1 if any could not be added.")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Store store;

    @Option(names = "--bank", paramLabel = "NAME", required = true, description = "The bank.")
    String bank;

    @Option(names = "--label", paramLabel = "TEXT", description = "The entries' label (default: the file name).")
    String label;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files (JPEG, PNG, GIF, BMP, WebP).")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failed;
      try (Database database = store.open()) {
        HashBanks banks = HashBanks.open(database.bankStore(), Clock.systemUTC());
        BankName name = BankName.of(bank);
        failed = DecodedFiles.each(files, err, (file, decoded) -> {
          PdqResult pdq = Pdq.hash(decoded.image());
          HashBanks.Added added = banks.add(name, pdq, label == null ? file.getFileName().toString() : label);
          out.println(pdq.hash().toHex() + " " + pdq.quality() + " " + file + " " + switch (added) {
            case ADDED -> "added";
            case ALREADY_PRESENT -> "already present";
            case LOW_QUALITY -> "not added: quality under " + PdqResult.MIN_USEFUL_QUALITY;
          });
          return added != HashBanks.Added.LOW_QUALITY;
        });
      }
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }
}
