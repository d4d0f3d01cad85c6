package io.gardefou.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gardefou version}: the build's version and the Java runtime. */
@Command(name = "version", description = "Prints the version of Garde-fou and of the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties build = new Properties();
      try (InputStream in = VersionCommand.class.getResourceAsStream("/gardefou-build.properties")) {
        if (in != null) {
          build.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
        "gardefou " + build.getProperty("version", "unknown"),
        "java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
      };
    }
  }
}
