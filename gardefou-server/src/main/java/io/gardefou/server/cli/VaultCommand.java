package io.gardefou.server.cli;

import picocli.CommandLine.Command;

/** {@code gardefou vault …}: the evidence vault of refused requests. */
@Command(name = "vault", mixinStandardHelpOptions = true,
    description = "Manage the evidence vault of refused requests.",
    subcommands = {VaultPurgeCommand.class})
final class VaultCommand {}
