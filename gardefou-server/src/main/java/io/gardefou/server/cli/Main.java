package io.gardefou.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

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
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::reportUsersError);
  }

  /** A missing file or a bad argument is the user's to fix: one line and exit 2; anything else is a bug to trace. */
  private static int reportUsersError(Exception e, CommandLine command, ParseResult parsed) throws Exception {
    Exception cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    String message = switch (cause) {
      case NoSuchFileException missing when missing.getReason() == null -> "no such file: " + missing.getFile();
      case IOException io -> io.getMessage();
      case IllegalArgumentException bad -> bad.getMessage();
      default -> throw e;
    };
    command.getErr().println("gardefou " + command.getCommandName() + ": " + message);
    return 2;
  }
}
