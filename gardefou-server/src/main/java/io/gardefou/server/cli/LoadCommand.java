package io.gardefou.server.cli;

import io.gardefou.account.Role;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.gateway.DemoUpstream;
import io.gardefou.gateway.ImagesRequest;
import io.gardefou.server.Gardefou;
import io.gardefou.server.GatewaySettings;
import io.gardefou.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gardefou load}: a bounded load test of the images gateway on loopback. Starts a server with the demo upstream
 * (throw-away data dir), drives {@code /v1/images/generations} with benign prompts from closed-loop clients, and
 * reports req/s, latency and the gateway's overhead: its latency percentiles less those of the demo upstream called
 * directly, in this process, at the same concurrency. Exits 1 if any answer is an error other than a 429.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Load-tests the images gateway on loopback with the demo upstream and reports its overhead.")
final class LoadCommand implements Callable<Integer> {
  private static final List<String> PROMPTS = List.of(
      "a lighthouse at dusk", "a red bicycle against a wall", "a bowl of lemons on a table", "a paper kite over a field",
      "a snowy mountain village", "a sailing boat on a calm lake", "a watercolour of a fox", "a cup of tea by a window");
  private static final Pattern ERROR_CODE = Pattern.compile("\"code\":\"([a-z_]+)\"");

  @Option(names = "--seconds", description = "How long to drive the gateway (default ${DEFAULT-VALUE}).", defaultValue = "30")
  int seconds;

  @Option(names = "--concurrency", description = "Clients, each with one request in flight (default ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int concurrency;

  @Option(names = "--warmup-seconds", description = "Unmeasured load first, for the JIT (default ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int warmupSeconds;

  @Option(names = "--max-concurrent-per-tenant", paramLabel = "N",
      description = "The bulkhead (default: no lower than --concurrency, so no 429); lower it to see deliberate 429s.")
  Integer maxConcurrentPerTenant;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings (deadline, limits); the upstream is always the demo.")
  Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Error answers by status and OpenAI error code, for the report: a 400 here is a withheld output, not bad input. */
  private final Map<String, Integer> errorCodes = new ConcurrentSkipListMap<>();

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || concurrency < 1 || warmupSeconds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seconds and --concurrency must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path data = Files.createTempDirectory("gardefou-load");
    ServerConfig base = config == null ? ServerConfig.defaults() : ServerConfig.load(config);
    GatewaySettings gateway = base.gateway().withUpstream(GatewaySettings.DEMO).withMaxConcurrentPerTenant(
        maxConcurrentPerTenant != null ? maxConcurrentPerTenant : Math.max(concurrency, base.gateway().maxConcurrentPerTenant()));
    ServerConfig settings = base.withPort(0).withHost("127.0.0.1").withDataDir(data).withDatabase("").withGateway(gateway);
    try (Gardefou server = Gardefou.start(settings);
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io).build()) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/images/generations");
      String key = server.accounts().create(Role.OPERATOR, ScreeningRequest.DEFAULT_TENANT, "load test", "load").token();
      IntFunction<Integer> viaGateway = i -> post(client, uri, key, PROMPTS.get(i % PROMPTS.size()));
      DemoUpstream demo = DemoUpstream.create();
      IntFunction<Integer> direct = i -> {
        demo.generate(ImagesRequest.generation(PROMPTS.get(i % PROMPTS.size()), 1));
        return 200;
      };
      drive(direct, Duration.ofSeconds(warmupSeconds));
      Result upstream = drive(direct, Duration.ofSeconds(Math.max(1, seconds / 3)));
      drive(viaGateway, Duration.ofSeconds(warmupSeconds));
      errorCodes.clear();
      Result total = drive(viaGateway, Duration.ofSeconds(seconds));
      report(out, settings, total, upstream);
      return total.statuses().keySet().stream().allMatch(status -> status == 200 || status == 429) ? 0 : 1;
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String errorCode(String body) {
    Matcher code = ERROR_CODE.matcher(body);
    return code.find() ? code.group(1) : "?";
  }

  private int post(HttpClient client, URI uri, String key, String prompt) {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"" + prompt + "\", \"n\": 1}")).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        errorCodes.merge(response.statusCode() + " " + errorCode(response.body()), 1, Integer::sum);
      }
      return response.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Latencies of successful calls (ns, sorted), answers by status (−1: the call threw), and the wall time. */
  private record Result(long[] latencies, Map<Integer, Integer> statuses, Duration elapsed) {
    double perSecond() {
      return latencies.length / (elapsed.toNanos() / 1e9);
    }

    double percentileMs(double p) {
      return latencies.length == 0 ? Double.NaN
          : latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)] / 1e6;
    }
  }

  /** {@code concurrency} closed-loop clients for {@code duration}, each sending its next call when one returns. */
  private Result drive(IntFunction<Integer> call, Duration duration) throws Exception {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<long[]>>> running = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          List<long[]> calls = new ArrayList<>();
          for (int i = client; System.nanoTime() < end; i += concurrency) {
            long sent = System.nanoTime();
            int status;
            try {
              status = call.apply(i);
            } catch (RuntimeException e) {
              status = -1;
            }
            calls.add(new long[] {status, System.nanoTime() - sent});
          }
          return calls;
        }));
      }
      List<Long> latencies = new ArrayList<>();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<List<long[]>> client : running) {
        for (long[] done : client.get()) {
          statuses.merge((int) done[0], 1, Integer::sum);
          if (done[0] == 200) {
            latencies.add(done[1]);
          }
        }
      }
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Result(sorted, statuses, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void report(PrintWriter out, ServerConfig settings, Result total, Result upstream) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    out.printf(Locale.ROOT, "gardefou load: %d s, %d clients, demo upstream, deadline %d ms, bulkhead %d/tenant%n",
        seconds, concurrency, settings.deadline().toMillis(), settings.gateway().maxConcurrentPerTenant());
    out.printf(Locale.ROOT, "machine: %d CPUs, load average %.2f at the end%n",
        os.getAvailableProcessors(), os.getSystemLoadAverage());
    out.printf(Locale.ROOT, "gateway:   %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  (%d ok)%n",
        total.perSecond(), total.percentileMs(0.50), total.percentileMs(0.90), total.percentileMs(0.99),
        total.latencies().length);
    out.printf(Locale.ROOT, "upstream:  %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  (demo called directly)%n",
        upstream.perSecond(), upstream.percentileMs(0.50), upstream.percentileMs(0.90), upstream.percentileMs(0.99));
    out.printf(Locale.ROOT, "overhead:  p50 %7.2f ms  p99 %7.2f ms  (gateway less upstream)%n",
        total.percentileMs(0.50) - upstream.percentileMs(0.50), total.percentileMs(0.99) - upstream.percentileMs(0.99));
    out.printf(Locale.ROOT, "answers:   %s%n", Arrays.toString(total.statuses().entrySet().stream()
        .map(e -> (e.getKey() == -1 ? "failed" : "HTTP " + e.getKey()) + " × " + e.getValue()).toArray()));
    if (!errorCodes.isEmpty()) {
      out.printf(Locale.ROOT, "errors:    %s%n", errorCodes);
    }
    out.flush();
  }
}
