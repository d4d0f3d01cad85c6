package io.gardefou.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private static final Instant START = Instant.parse("2026-11-22T05:00:00Z");

  private final InMemoryKeyStore store = new InMemoryKeyStore();
  private final RecordingTrail trail = new RecordingTrail();
  private final MovableClock clock = new MovableClock();
  private final Accounts accounts = accountsOver(store);

  @Test
  void aNewKeyAuthenticatesAsItsTenantAndRole() {
    IssuedKey issued = accounts.create(Role.OPERATOR, "acme", "billing", "cli");

    assertThat(issued.token()).matches("gf_[a-z2-7]{16}_[a-z2-7]{52}").contains(issued.key().id().value());
    assertThat(accounts.authenticate(issued.token())).hasValueSatisfying(key -> {
      assertThat(key.id()).isEqualTo(issued.key().id());
      assertThat(key.tenant()).isEqualTo("acme");
      assertThat(key.role()).isEqualTo(Role.OPERATOR);
      assertThat(key.lastUsedAt()).hasValue(START);
    });
    assertThat(store.list()).singleElement().satisfies(key -> assertThat(key.lastUsedAt()).hasValue(START));
  }

  @Test
  void keepsOnlyASaltedHashOfTheSecret() {
    IssuedKey first = accounts.create(Role.OPERATOR, "acme", "", "cli");
    IssuedKey second = accounts.create(Role.OPERATOR, "acme", "", "cli");

    KeyHash hash = store.find(first.key().id()).orElseThrow().hash();
    String secret = first.token().substring(first.token().lastIndexOf('_') + 1);
    assertThat(hash.algorithm()).isEqualTo(KeyHash.PBKDF2_SHA256);
    assertThat(hash.iterations()).isEqualTo(Accounts.DEFAULT_ITERATIONS);
    assertThat(hash.matches(secret)).isTrue();
    assertThat(hash.matches(secret.substring(1) + "a")).isFalse();
    assertThat(hash.salt()).isNotEqualTo(store.find(second.key().id()).orElseThrow().hash().salt());
    assertThat(first.toString()).doesNotContain(secret);
  }

  @Test
  void refusesAWrongSecretForARealKeyId() {
    IssuedKey issued = accounts.create(Role.OPERATOR, "acme", "", "cli");
    String token = issued.token();
    String wrongLast = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
    String wrongFirst = token.substring(0, 20) + (token.charAt(20) == 'a' ? 'b' : 'a') + token.substring(21);

    assertThat(accounts.authenticate(wrongLast)).isEmpty();
    assertThat(accounts.authenticate(wrongFirst)).isEmpty();
    assertThat(accounts.authenticate(token)).isPresent();
    assertThat(accounts.authenticate(wrongLast)).as("a verified token does not vouch for its neighbours").isEmpty();
  }

  @Test
  void refusesUnknownIdsAndMalformedTokens() {
    IssuedKey issued = accounts.create(Role.ADMIN, "acme", "", "cli");
    String unknownId = "gf_aaaaaaaaaaaaaaaa_" + issued.token().substring(issued.token().lastIndexOf('_') + 1);

    assertThat(accounts.authenticate(unknownId)).isEmpty();
    assertThat(accounts.authenticate("")).isEmpty();
    assertThat(accounts.authenticate("sk-proj-abc")).isEmpty();
    assertThat(accounts.authenticate(issued.token().toUpperCase())).isEmpty();
    assertThat(accounts.authenticate(issued.token() + "a")).isEmpty();
    assertThat(accounts.authenticate(issued.token().replace('_', '-'))).isEmpty();
  }

  @Test
  void aRevokedKeyIsRefusedAtOnceThoughItWasCached() {
    IssuedKey issued = accounts.create(Role.OPERATOR, "acme", "", "cli");
    assertThat(accounts.authenticate(issued.token())).isPresent();
    assertThat(accounts.cachedTokens()).isEqualTo(1);

    assertThat(accounts.revoke(issued.key().id(), "cli")).isTrue();

    assertThat(accounts.cachedTokens()).isZero();
    assertThat(accounts.authenticate(issued.token())).isEmpty();
    assertThat(accounts.list()).singleElement().satisfies(key -> assertThat(key.revokedAt()).hasValue(START));
    assertThat(accounts.revoke(issued.key().id(), "cli")).as("revoked already").isFalse();
  }

  @Test
  void aRevocationByAnotherProcessIsSeenOnceTheCachedCheckIsStale() {
    Accounts elsewhere = accountsOver(store);
    IssuedKey issued = accounts.create(Role.OPERATOR, "acme", "", "cli");
    assertThat(accounts.authenticate(issued.token())).isPresent();

    elsewhere.revoke(issued.key().id(), "cli");
    clock.advance(Accounts.REVALIDATE_AFTER);

    assertThat(accounts.authenticate(issued.token())).isEmpty();
    assertThat(accounts.cachedTokens()).isZero();
  }

  @Test
  void aCachedKeyIsReadAgainAndMarkedUsedOncePerRevalidation() {
    IssuedKey issued = accounts.create(Role.AUDITOR, "acme", "", "cli");
    accounts.authenticate(issued.token());
    clock.advance(Duration.ofSeconds(5));
    accounts.authenticate(issued.token());
    assertThat(store.list().getFirst().lastUsedAt()).hasValue(START);

    clock.advance(Accounts.REVALIDATE_AFTER);

    assertThat(accounts.authenticate(issued.token())).isPresent();
    assertThat(store.list().getFirst().lastUsedAt()).hasValue(START.plus(Duration.ofSeconds(5)).plus(Accounts.REVALIDATE_AFTER));
  }

  @Test
  void recordsCreationAndRevocationInTheAuditTrail() {
    IssuedKey issued = accounts.create(Role.MODERATOR, "acme", "review desk", "cli");
    accounts.revoke(issued.key().id(), "gf-admin-1");

    assertThat(trail.events).extracting(AuditEvent::kind).containsExactly("key.created", "key.revoked");
    AuditEvent created = trail.events.getFirst();
    assertThat(created.subject()).isEqualTo(issued.key().id().value());
    assertThat(created.by()).isEqualTo("cli");
    assertThat(created.details()).containsEntry("tenant", "acme").containsEntry("role", "moderator")
        .containsEntry("name", "review desk");
    assertThat(trail.events.get(1).by()).isEqualTo("gf-admin-1");
    assertThat(new String(created.canonicalJson(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(issued.token().substring(20));
  }

  @Test
  void anActTheTrailCannotRecordDoesNotHappen() {
    IssuedKey issued = accounts.create(Role.OPERATOR, "acme", "", "cli");
    trail.failing = true;

    assertThatThrownBy(() -> accounts.create(Role.ADMIN, "acme", "", "cli")).hasMessageContaining("ledger down");
    assertThatThrownBy(() -> accounts.revoke(issued.key().id(), "cli")).hasMessageContaining("ledger down");

    assertThat(store.list()).singleElement().satisfies(key -> assertThat(key.revoked()).isFalse());
  }

  @Test
  void issuesTheFirstAdminKeyOnlyIntoAnEmptyStore() {
    assertThat(accounts.createFirstAdmin("default")).hasValueSatisfying(issued -> {
      assertThat(issued.key().role()).isEqualTo(Role.ADMIN);
      assertThat(issued.key().tenant()).isEqualTo("default");
    });
    assertThat(trail.events.getFirst().by()).isEqualTo(Accounts.SYSTEM);

    assertThat(accounts.createFirstAdmin("default")).isEmpty();
    assertThat(store.list()).hasSize(1);
  }

  @Test
  void rejectsBadTenantsAndNames() {
    assertThatThrownBy(() -> accounts.create(Role.OPERATOR, "a b", "", "cli")).hasMessageContaining("tenant id");
    assertThatThrownBy(() -> accounts.create(Role.OPERATOR, "acme", "line\nbreak", "cli")).hasMessageContaining("control");
    assertThat(store.list()).isEmpty();
    assertThat(trail.events).isEmpty();
  }

  private Accounts accountsOver(KeyStore keys) {
    return Accounts.builder().store(keys).auditTrail(trail).clock(clock).build();
  }

  /** Records events, or fails like a ledger that is down. */
  private static final class RecordingTrail implements AuditTrail {
    final List<AuditEvent> events = new ArrayList<>();
    boolean failing;

    @Override
    public long record(AuditEvent event) {
      if (failing) {
        throw new IllegalStateException("ledger down");
      }
      events.add(event);
      return events.size() - 1;
    }
  }

  private static final class MovableClock implements InstantSource {
    private Instant now = START;

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }
}
