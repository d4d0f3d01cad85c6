package io.gardefou.server;

import io.gardefou.policy.PolicyPacks;
import io.gardefou.policy.SwappablePolicy;
import io.gardefou.policy.TenantSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a policy directory and swaps in its packs when they change, only after they load, compile and pass
 * every check: a bad pack is logged and never replaces a good one. Polls file names, sizes and times, which
 * works on every file system (WatchService misses changes on some network and container mounts).
 */
public final class PolicyReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyReloader.class);

  private final Path dir;
  private final List<TenantSettings> tenants;
  private final SwappablePolicy policy;
  private final Thread watcher;
  private volatile String seen;

  private PolicyReloader(Path dir, List<TenantSettings> tenants, SwappablePolicy policy, Duration every) {
    this.dir = dir;
    this.tenants = List.copyOf(tenants);
    this.policy = policy;
    this.seen = stamp();
    this.watcher = Thread.ofVirtual().name("gardefou-policy-reloader").unstarted(() -> poll(every));
  }

  /** Starts watching {@code dir}; the policy it swaps must already hold the packs loaded from it. */
  public static PolicyReloader watch(Path dir, List<TenantSettings> tenants, SwappablePolicy policy, Duration every) {
    PolicyReloader reloader = new PolicyReloader(dir, tenants, policy, every);
    reloader.watcher.start();
    return reloader;
  }

  /** Reloads now if the directory changed since the last look; true when a new policy was swapped in. */
  public boolean reloadIfChanged() {
    String now = stamp();
    if (now.equals(seen)) {
      return false;
    }
    seen = now;
    try {
      policy.swap(PolicyPacks.load(dir).withTenants(tenants));
      LOG.info("Policy packs reloaded from {}: {}", dir, policy.version());
      return true;
    } catch (RuntimeException e) {
      LOG.error("Policy packs in {} were not reloaded, the running policy {} stays: {}", dir, policy.version(),
          e.getMessage());
      return false;
    }
  }

  private void poll(Duration every) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(every);
        reloadIfChanged();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("Policy directory {} could not be read: {}", dir, e.toString());
      }
    }
  }

  /** What the directory holds now, by name, size and modification time. */
  private String stamp() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().map(file -> {
        try {
          return file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).reduce("", (a, b) -> a + "|" + b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    watcher.interrupt();
  }
}
