package io.gardefou.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gardefou.actor.StrikeRules;
import io.gardefou.model.Category;
import io.gardefou.model.Durations;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.policy.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code gardefou serve} and {@code gardefou scan} can be told, with embedded defaults so that
 * neither needs any set-up. Validated once, here.
 *
 * @param database a JDBC URL; empty means the SQLite file {@code gardefou.db} under {@code dataDir}
 * @param policyDir policy packs over the bundled ones ({@code --policy DIR}); empty for the bundled packs only
 * @param jurisdictionHeader the request header the operator's edge sets to the user's country, trusted first
 * @param tenants tenants' settings (adult-content opt-in, default jurisdiction); others get the defaults
 * @param gateway the images gateway: upstream, its key and timeout, limits on n and image size
 * @param strikes how refusals count against actors: weights per category, half-life, suspension threshold and period
 * @param vault the evidence vault: master key, default retention, purge interval
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String database,
    Duration deadline,
    int maxJsonBytes,
    Optional<Path> policyDir,
    String jurisdictionHeader,
    List<TenantSettings> tenants,
    GatewaySettings gateway,
    StrikeRules strikes,
    VaultSettings vault) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_JSON_BYTES = 1 << 20;
  public static final String DEFAULT_JURISDICTION_HEADER = "X-Gardefou-Jurisdiction";

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(policyDir, "policyDir");
    Objects.requireNonNull(jurisdictionHeader, "jurisdictionHeader");
    tenants = List.copyOf(tenants);
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(vault, "vault");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline_ms must be positive, was " + deadline.toMillis());
    }
    if (maxJsonBytes < 1024) {
      throw new IllegalArgumentException("max_json_bytes must be at least 1024, was " + maxJsonBytes);
    }
    if (!jurisdictionHeader.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("jurisdiction_header must be an HTTP header name, was '" + jurisdictionHeader + "'");
    }
    Set<String> ids = new HashSet<>();
    for (TenantSettings tenant : tenants) {
      if (!ids.add(tenant.id())) {
        throw new IllegalArgumentException("tenant '" + tenant.id() + "' is configured twice");
      }
    }
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, Path.of("var"), "", Duration.ofMillis(250),
        DEFAULT_MAX_JSON_BYTES, Optional.empty(), DEFAULT_JURISDICTION_HEADER, List.of(),
        GatewaySettings.defaults(), StrikeRules.defaults(), VaultSettings.defaults());
  }

  /** Reads a YAML file whose keys override the defaults; an unknown key is an error that names it. */
  public static ServerConfig load(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      if (Files.size(file) == 0) {
        return defaults();
      }
      return yaml.readValue(file.toFile(), FileForm.class).over(defaults());
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          file + ": unknown setting '" + e.getPropertyName() + "'; known: " + e.getKnownPropertyIds(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** The settings of the tenant, or the defaults when it was not configured. */
  public TenantSettings tenant(String id) {
    return tenants.stream().filter(t -> t.id().equals(id)).findFirst().orElseGet(() -> TenantSettings.defaults(id));
  }

  /** The tenant requests are screened for until API keys name one. */
  public TenantSettings defaultTenant() {
    return tenant(ScreeningRequest.DEFAULT_TENANT);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(newHost, port, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  public ServerConfig withDataDir(Path newDataDir) {
    return new ServerConfig(host, port, newDataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  public ServerConfig withDatabase(String newDatabase) {
    return new ServerConfig(host, port, dataDir, newDatabase, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  public ServerConfig withDeadline(Duration newDeadline) {
    return new ServerConfig(host, port, dataDir, database, newDeadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  /** Policy packs from {@code dir} over the bundled ones, loaded and validated when the screener is built. */
  public ServerConfig withPolicyDir(Path dir) {
    return new ServerConfig(host, port, dataDir, database, deadline, maxJsonBytes, Optional.of(dir), jurisdictionHeader, tenants, gateway, strikes, vault);
  }

  public ServerConfig withTenants(List<TenantSettings> newTenants) {
    return new ServerConfig(host, port, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, newTenants, gateway, strikes, vault);
  }

  public ServerConfig withGateway(GatewaySettings newGateway) {
    return new ServerConfig(host, port, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants,
        newGateway, strikes, vault);
  }

  public ServerConfig withStrikes(StrikeRules newStrikes) {
    return new ServerConfig(host, port, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants,
        gateway, newStrikes, vault);
  }

  public ServerConfig withVault(VaultSettings newVault) {
    return new ServerConfig(host, port, dataDir, database, deadline, maxJsonBytes, policyDir, jurisdictionHeader, tenants,
        gateway, strikes, newVault);
  }

  /** The config file's shape: every key optional. */
  private record FileForm(
      String host,
      Integer port,
      String data,
      String db,
      @JsonProperty("deadline_ms") Long deadlineMs,
      @JsonProperty("max_json_bytes") Integer maxJsonBytes,
      String policy,
      @JsonProperty("jurisdiction_header") String jurisdictionHeader,
      List<TenantForm> tenants,
      String upstream,
      @JsonProperty("upstream_api_key") String upstreamApiKey,
      @JsonProperty("upstream_timeout_ms") Long upstreamTimeoutMs,
      @JsonProperty("max_images_n") Integer maxImagesN,
      @JsonProperty("max_image_bytes") Integer maxImageBytes,
      @JsonProperty("max_concurrent_per_tenant") Integer maxConcurrentPerTenant,
      @JsonProperty("image_url_ttl_seconds") Long imageUrlTtlSeconds,
      @JsonProperty("image_store_bytes") Long imageStoreBytes,
      @JsonProperty("strike_weights") Map<String, Double> strikeWeights,
      @JsonProperty("strike_half_life") String strikeHalfLife,
      @JsonProperty("suspension_threshold") Double suspensionThreshold,
      @JsonProperty("suspension_period") String suspensionPeriod,

      @JsonProperty("vault_master_key") String vaultMasterKey,
      @JsonProperty("vault_default_retention") String vaultDefaultRetention) {

    ServerConfig over(ServerConfig base) {
      return new ServerConfig(
          host != null ? host : base.host(),
          port != null ? port : base.port(),
          data != null ? Path.of(data) : base.dataDir(),
          db != null ? db : base.database(),
          deadlineMs != null ? Duration.ofMillis(deadlineMs) : base.deadline(),
          maxJsonBytes != null ? maxJsonBytes : base.maxJsonBytes(),
          policy != null ? Optional.of(Path.of(policy)) : base.policyDir(),
          jurisdictionHeader != null ? jurisdictionHeader : base.jurisdictionHeader(),
          tenants != null ? tenants.stream().map(TenantForm::settings).toList() : base.tenants(),
          gateway(base.gateway()),
          strikes(base.strikes()),
          vault(base.vault()));
    }

    /** Weights given by category wire name override the defaults one by one; durations are ISO-8601 ({@code P30D}). */
    private StrikeRules strikes(StrikeRules base) {
      Map<Category, Double> weights = new EnumMap<>(Category.class);
      weights.putAll(base.weights());
      if (strikeWeights != null) {
        strikeWeights.forEach((name, weight) -> {
          try {
            weights.put(Category.fromWireName(name), weight);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strike_weights: " + e.getMessage(), e);
          }
        });
      }
      return new StrikeRules(weights,
          strikeHalfLife != null ? duration("strike_half_life", strikeHalfLife) : base.halfLife(),
          suspensionThreshold != null ? suspensionThreshold : base.threshold(),
          suspensionPeriod != null ? duration("suspension_period", suspensionPeriod) : base.suspension());
    }

    private VaultSettings vault(VaultSettings base) {
      VaultSettings vault = vaultMasterKey != null ? base.withMasterKey(vaultMasterKey) : base;
      return vaultDefaultRetention != null
          ? vault.withDefaultRetention(duration("vault_default_retention", vaultDefaultRetention)) : vault;
    }

    /** An ISO-8601 duration ({@code PT12H}, {@code P30D}) or, as the policy packs write it, a period ({@code P6M}). */
    private static Duration duration(String key, String text) {
      try {
        return Durations.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P30D, was '" + text + "'", e);
      }
    }

    private GatewaySettings gateway(GatewaySettings base) {
      return new GatewaySettings(
          upstream != null ? upstream : base.upstream(),
          upstreamApiKey != null ? Optional.of(upstreamApiKey) : base.upstreamApiKey(),
          upstreamTimeoutMs != null ? Duration.ofMillis(upstreamTimeoutMs) : base.upstreamTimeout(),
          maxImagesN != null ? maxImagesN : base.maxImagesN(),
          maxImageBytes != null ? maxImageBytes : base.maxImageBytes(),
          maxConcurrentPerTenant != null ? maxConcurrentPerTenant : base.maxConcurrentPerTenant(),
          imageUrlTtlSeconds != null ? Duration.ofSeconds(imageUrlTtlSeconds) : base.imageUrlTtl(),
          imageStoreBytes != null ? imageStoreBytes : base.imageStoreBytes());
    }
  }

  /** One tenant in the config file: {@code {id, adult_content?, default_jurisdiction?}}. */
  private record TenantForm(
      String id,
      @JsonProperty("adult_content") Boolean adultContent,
      @JsonProperty("default_jurisdiction") String defaultJurisdiction) {

    TenantSettings settings() {
      if (id == null) {
        throw new IllegalArgumentException("every tenant needs an id");
      }
      try {
        return new TenantSettings(id, Boolean.TRUE.equals(adultContent),
            defaultJurisdiction == null ? Jurisdiction.global() : Jurisdiction.of(defaultJurisdiction));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tenant '" + id + "': default_jurisdiction: " + e.getMessage(), e);
      }
    }
  }
}
