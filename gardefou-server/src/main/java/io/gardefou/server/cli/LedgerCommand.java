package io.gardefou.server.cli;

import picocli.CommandLine.Command;

/** {@code gardefou ledger …}: tools for auditors of the decision ledger. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Audit the decision ledger.",
    subcommands = {LedgerVerifyCommand.class, LedgerReplayCommand.class})
final class LedgerCommand {}
