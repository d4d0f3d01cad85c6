package io.gardefou.server;

import io.gardefou.account.Accounts;
import io.gardefou.account.Role;
import io.gardefou.audit.AuditTrail;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.store.VerdictRecords;
import io.javalin.event.HandlerMetaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real Garde-fou on a free loopback port with its own SQLite file, and a plain HTTP client for it that sends
 * the admin key the first start wrote to {@code admin.key}, as a README user would (or an admin key of its own
 * when the store had keys already); {@link #as(String)} sends another key ({@link #newKey(Role)}) or none. Its
 * deadline is generous: these tests are about behaviour, and a loaded test machine must not make a detector
 * miss the production deadline and fail closed (the fail-closed tests set their own deadlines).
 */
public final class RunningGardefou implements AutoCloseable {
  /** The defaults on a free port, with a deadline no loaded test machine misses. */
  public static final ServerConfig TESTING = ServerConfig.defaults().withPort(0).withDeadline(Duration.ofSeconds(30));

  private final Gardefou gardefou;
  private final Path dataDir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Caller admin;

  private RunningGardefou(Gardefou gardefou, Path dataDir) {
    this.gardefou = gardefou;
    this.dataDir = dataDir;
    Path adminKey = dataDir.resolve(AdminKey.FILE);
    try {
      // No file when the store had keys before this server first started (made by 'gardefou keys create', or
      // by another node on the same database): the client then gets an admin key of its own.
      this.admin = new Caller(Optional.of(Files.exists(adminKey)
          ? Files.readString(adminKey).strip()
          : gardefou.accounts().create(Role.ADMIN, ScreeningRequest.DEFAULT_TENANT, "test client", "test").token()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunningGardefou start() {
    return start(config -> config);
  }

  /** A server whose defaults (port 0, a fresh data directory) are changed by {@code configure}. */
  public static RunningGardefou start(UnaryOperator<ServerConfig> configure) {
    try {
      Path dataDir = Files.createTempDirectory("gardefou-test");
      ServerConfig config = configure.apply(TESTING.withDataDir(dataDir));
      return new RunningGardefou(Gardefou.start(config), config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every route the server registered, with its Access. */
  public List<HandlerMetaInfo> routes() {
    return gardefou.http().routes();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + gardefou.port();
  }

  /** The ledger's audit trail, for tests that record accountable acts beside the decisions. */
  public AuditTrail auditTrail() {
    return gardefou.auditTrail();
  }

  public VerdictRecords verdicts() {
    return gardefou.verdicts();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The API keys the server checks. */
  public Accounts accounts() {
    return gardefou.accounts();
  }

  /** The token of the admin key the client sends: the one the first start wrote to {@code admin.key}, if it did. */
  public String adminKey() {
    return admin.token.orElseThrow();
  }

  /** The token of a new key with {@code role}, for the default tenant. */
  public String newKey(Role role) {
    return newKey(role, ScreeningRequest.DEFAULT_TENANT);
  }

  public String newKey(Role role, String tenant) {
    return accounts().create(role, tenant, "test", "test").token();
  }

  /** A client that sends {@code token} as its bearer key, or no key at all when it is null. */
  public Caller as(String token) {
    return new Caller(Optional.ofNullable(token));
  }

  public HttpResponse<String> get(String path) {
    return admin.get(path);
  }

  public HttpResponse<String> post(String path, String json) {
    return admin.post(path, json);
  }

  /** Sends the request with the admin key, unless it carries an {@code Authorization} of its own. */
  public HttpResponse<String> send(HttpRequest request) {
    return admin.send(request);
  }

  /** Requests with one key, or none. */
  public final class Caller {
    private final Optional<String> token;

    private Caller(Optional<String> token) {
      this.token = token;
    }

    public HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
      return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
      HttpRequest authorized = token.isEmpty() || request.headers().firstValue("Authorization").isPresent()
          ? request
          : HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token.get()).build();
      try {
        return client.send(authorized, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    gardefou.close();
    client.close();
  }
}
