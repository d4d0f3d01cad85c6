package io.gardefou.server.cli;

import io.gardefou.account.Accounts;
import io.gardefou.account.ApiKey;
import io.gardefou.account.IssuedKey;
import io.gardefou.account.KeyId;
import io.gardefou.account.Role;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.NoteSigner;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.server.Gardefou;
import io.gardefou.server.LedgerKey;
import io.gardefou.server.ServerConfig;
import io.gardefou.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gardefou keys create|list|revoke}: API keys, in the store {@code serve} uses (same {@code --config},
 * {@code --data}, {@code --db}). Creation and revocation are recorded in the audit ledger, by {@code cli}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Creates, lists and revokes API keys, in the store 'serve' uses.",
    subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
final class KeysCommand {
  /** Who the audit ledger says created or revoked a key from the command line. */
  static final String BY = "cli";

  /** The settings that find the store, as {@code serve} takes them. */
  static final class Store {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings, as for serve.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default ./var).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", description = "The store's JDBC URL, if not SQLite under --data.")
    String db;

    <T> T withAccounts(Function<Accounts, T> work) {
      ServerConfig settings = Settings.resolve(config, data, db);
      try (Database database = Gardefou.database(settings)) {
        return work.apply(Gardefou.accounts(database, Gardefou.ledgerTrail(settings, database)));
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates a key and prints it once, alone on standard output; only its hash is kept.")
  static final class Create implements Callable<Integer> {
    @Mixin Store store;
    @Spec CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "operator (the service's key), moderator, auditor (read-only) or admin.")
    String role;

    @Option(names = "--tenant", paramLabel = "T", defaultValue = ScreeningRequest.DEFAULT_TENANT,
        description = "The tenant the key acts for (default: ${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--name", paramLabel = "N", defaultValue = "", description = "A label for people, e.g. the service's name.")
    String name;

    @Override
    public Integer call() {
      Role parsed;
      try {
        parsed = Role.fromWireName(role.toLowerCase(java.util.Locale.ROOT));
        ApiKey.checkTenant(tenant);
        ApiKey.checkName(name);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      }
      IssuedKey issued = store.withAccounts(accounts -> accounts.create(parsed, tenant, name, BY));
      spec.commandLine().getOut().println(issued.token());
      spec.commandLine().getErr().println("created " + parsed.wireName() + " key " + issued.key().id() + " for tenant '"
          + tenant + "'; it is shown this once: keep it secret, send it as 'Authorization: Bearer <key>'");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every key, revoked ones too; never a secret.")
  static final class List implements Callable<Integer> {
    @Mixin Store store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      java.util.List<ApiKey> keys = store.withAccounts(Accounts::list);
      PrintWriter out = spec.commandLine().getOut();
      String row = "%-16s  %-16s  %-9s  %-20s  %-20s  %-20s  %s%n";
      out.printf(row, "ID", "TENANT", "ROLE", "CREATED", "LAST USED", "REVOKED", "NAME");
      for (ApiKey key : keys) {
        out.printf(row, key.id(), key.tenant(), key.role().wireName(), time(Optional.of(key.createdAt())),
            time(key.lastUsedAt()), time(key.revokedAt()), key.name());
      }
      return 0;
    }

    private static String time(Optional<Instant> instant) {
      return instant.map(at -> at.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revokes a key: a running server refuses it within 30 s, at once if revoked through it.")
  static final class Revoke implements Callable<Integer> {
    @Mixin Store store;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The key id, as 'keys list' shows it.")
    String id;

    @Override
    public Integer call() {
      KeyId keyId;
      try {
        keyId = KeyId.of(id);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      }
      if (!store.withAccounts(accounts -> accounts.revoke(keyId, BY))) {
        spec.commandLine().getErr().println("no valid key " + keyId + ": unknown or revoked already");
        return 1;
      }
      spec.commandLine().getOut().println("revoked " + keyId);
      return 0;
    }
  }
}
