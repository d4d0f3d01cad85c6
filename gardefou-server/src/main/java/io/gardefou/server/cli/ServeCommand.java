package io.gardefou.server.cli;

import io.gardefou.server.Gardefou;
import io.gardefou.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gardefou serve}: runs the gateway until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves the moderation and images APIs, health checks and metrics (embedded defaults: SQLite under ./var).")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings; flags given here override it.")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default 127.0.0.1).")
  String host;

  @Option(names = "--data", paramLabel = "DIR", description = "Directory for the embedded database (default ./var).")
  Path data;

  @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the store, e.g. jdbc:postgresql://host/db.")
  String db;

  @Option(names = "--policy", paramLabel = "DIR",
      description = "Policy packs (*.yaml) over the bundled ones, validated at start; not yet reloaded while serving.")
  Path policy;

  @Option(names = "--upstream", paramLabel = "URL|demo",
      description = "The image model's OpenAI base URL (e.g. https://api.openai.com/v1; key from upstream_api_key or "
          + "GARDEFOU_UPSTREAM_API_KEY), or 'demo' for built-in synthetic images (the default).")
  String upstream;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig settings = Settings.resolve(config, data, db);
    if (policy != null) {
      settings = settings.withPolicyDir(policy);
    }
    if (upstream != null) {
      settings = settings.withGateway(settings.gateway().withUpstream(upstream));
    }
    if (port != null) {
      settings = settings.withPort(port);
    }
    if (host != null) {
      settings = settings.withHost(host);
    }
    Gardefou gardefou = Gardefou.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gardefou.close();
      stopped.countDown();
    }, "gardefou-shutdown"));
    LOG.info("Garde-fou listening on http://{}:{}", settings.host(), gardefou.port());
    stopped.await();
    return 0;
  }
}
