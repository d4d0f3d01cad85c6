package io.gardefou.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Jurisdiction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path dir;

  @Test
  void readsEveryKeyOfTheConfigFile() throws Exception {
    ServerConfig config = ServerConfig.load(write("""
        host: 0.0.0.0
        port: 9999
        data: /srv/gardefou
        db: jdbc:postgresql://127.0.0.1/gardefou
        deadline_ms: 400
        max_json_bytes: 4096
        policy: /etc/gardefou/policy
        jurisdiction_header: CF-IPCountry
        tenants:
          - id: default
            adult_content: true
            default_jurisdiction: us
          - id: kids-app
        """));

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9999);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/gardefou"));
    assertThat(config.database()).startsWith("jdbc:postgresql:");
    assertThat(config.deadline()).isEqualTo(Duration.ofMillis(400));
    assertThat(config.maxJsonBytes()).isEqualTo(4096);
    assertThat(config.policyDir()).contains(Path.of("/etc/gardefou/policy"));
    assertThat(config.jurisdictionHeader()).isEqualTo("CF-IPCountry");
    assertThat(config.defaultTenant().adultContent()).isTrue();
    assertThat(config.defaultTenant().defaultJurisdiction()).isEqualTo(Jurisdiction.of("US"));
    assertThat(config.tenant("kids-app").adultContent()).isFalse();
    assertThat(config.tenant("unknown").defaultJurisdiction().isGlobal()).isTrue();
  }

  @Test
  void readsTheGatewayKeys() throws Exception {
    ServerConfig config = ServerConfig.load(write("""
        upstream: https://images.example/v1
        upstream_api_key: sk-secret
        upstream_timeout_ms: 30000
        max_images_n: 2
        max_image_bytes: 4194304
        max_concurrent_per_tenant: 3
        image_url_ttl_seconds: 600
        image_store_bytes: 16777216
        """));

    GatewaySettings gateway = config.gateway();
    assertThat(gateway.upstream()).isEqualTo("https://images.example/v1");
    assertThat(gateway.demo()).isFalse();
    assertThat(gateway.upstreamApiKey()).contains("sk-secret");
    assertThat(gateway.upstreamTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(gateway.maxImagesN()).isEqualTo(2);
    assertThat(gateway.maxImageBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(gateway.maxConcurrentPerTenant()).isEqualTo(3);
    assertThat(gateway.imageUrlTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(gateway.imageStoreBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(gateway.toString()).doesNotContain("sk-secret");
  }

  @Test
  void theDemoUpstreamIsTheDefaultSoThatServeNeedsNoSetUp() {
    assertThat(ServerConfig.defaults().gateway().demo()).isTrue();
  }

  @Test
  void badGatewayValuesAreErrorsThatNameTheSetting() {
    assertThatThrownBy(() -> ServerConfig.load(write("upstream: ftp://x\n"))).hasMessageContaining("upstream");
    assertThatThrownBy(() -> ServerConfig.load(write("max_images_n: 0\n"))).hasMessageContaining("max_images_n");
    assertThatThrownBy(() -> ServerConfig.load(write("max_image_bytes: 10\n"))).hasMessageContaining("max_image_bytes");
    assertThatThrownBy(() -> ServerConfig.load(write("upstream_timeout_ms: 0\n"))).hasMessageContaining("upstream_timeout_ms");
    assertThatThrownBy(() -> ServerConfig.load(write("max_concurrent_per_tenant: 0\n")))
        .hasMessageContaining("max_concurrent_per_tenant");
    assertThatThrownBy(() -> ServerConfig.load(write("image_url_ttl_seconds: 0\n"))).hasMessageContaining("image_url_ttl_seconds");
    assertThatThrownBy(() -> ServerConfig.load(write("image_store_bytes: 1000\n"))).hasMessageContaining("image_store_bytes");
  }

  @Test
  void anEmptyFileMeansTheDefaults() throws Exception {
    assertThat(ServerConfig.load(write(""))).isEqualTo(ServerConfig.defaults());
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> ServerConfig.load(write("prot: 80\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown setting 'prot'");
  }

  @Test
  void badValuesAreErrorsThatNameTheSetting() {
    assertThatThrownBy(() -> ServerConfig.load(write("deadline_ms: 0\n"))).hasMessageContaining("deadline_ms");
    assertThatThrownBy(() -> ServerConfig.load(write("port: 70000\n"))).hasMessageContaining("port");
    assertThatThrownBy(() -> ServerConfig.load(write("jurisdiction_header: 'a b'\n"))).hasMessageContaining("jurisdiction_header");
    assertThatThrownBy(() -> ServerConfig.load(write("tenants: [{id: a}, {id: a}]\n"))).hasMessageContaining("twice");
    assertThatThrownBy(() -> ServerConfig.load(write("tenants: [{id: a, default_jurisdiction: Atlantis}]\n")))
        .hasMessageContaining("default_jurisdiction").hasMessageContaining("ATLANTIS");
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("gardefou.yaml"), yaml);
  }
}
