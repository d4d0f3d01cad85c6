package io.gardefou.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gardefou} command line. */
@Command(
    name = "gardefou",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Garde-fou: a self-hosted safety gateway for generative image AI.",
    subcommands = {ServeCommand.class, ScanCommand.class, EvalCommand.class, HashCommand.class, BanksCommand.class, PolicyCommand.class, LedgerCommand.class, LoadCommand.class, VaultCommand.class, KeysCommand.class, ReportCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "The launcher also runs the test suite with the right JDK: ./gardefou test"})
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
