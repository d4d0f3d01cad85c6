package io.gardefou.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JurisdictionResolverTest {
  private static final TenantSettings FRENCH_TENANT = new TenantSettings("t", false, Jurisdiction.of("FR"));

  @Test
  void theTrustedHeaderComesFirst() {
    assertThat(JurisdictionResolver.resolve(Optional.of("id"), FRENCH_TENANT))
        .isEqualTo(new JurisdictionResolver.Resolved(Jurisdiction.of("ID"), JurisdictionSource.HEADER));
  }

  @Test
  void anUnknownHeaderValueFallsBackToTheTenantDefault() {
    assertThat(JurisdictionResolver.resolve(Optional.of("XX"), FRENCH_TENANT))
        .isEqualTo(new JurisdictionResolver.Resolved(Jurisdiction.of("FR"), JurisdictionSource.TENANT_DEFAULT));
    assertThat(JurisdictionResolver.resolve(Optional.of("not a country"), FRENCH_TENANT).source())
        .isEqualTo(JurisdictionSource.TENANT_DEFAULT);
  }

  @Test
  void withNeitherItIsGlobal() {
    assertThat(JurisdictionResolver.resolve(Optional.empty(), TenantSettings.defaults("t")))
        .isEqualTo(new JurisdictionResolver.Resolved(Jurisdiction.global(), JurisdictionSource.GLOBAL));
  }

  @Test
  void acceptsASubdivision() {
    assertThat(JurisdictionResolver.resolve(Optional.of("us-ca"), FRENCH_TENANT).jurisdiction())
        .isEqualTo(Jurisdiction.of("US-CA"));
  }
}
