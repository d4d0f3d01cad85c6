package io.gardefou.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.model.Actor;
import io.gardefou.model.Tier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  private static final byte[] KEY = new byte[Pseudonyms.KEY_BYTES];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private final Pseudonyms pseudonyms = Pseudonyms.withKey(KEY);

  @Test
  void oneUserOfTwoTenantsGetsTwoPseudonymsNeitherOfThemTheRawId() {
    String atA = pseudonyms.of("tenant-a", "user-42");
    String atB = pseudonyms.of("tenant-b", "user-42");

    assertThat(atA).isNotEqualTo(atB);
    assertThat(atA).doesNotContain("user-42").matches("act_[0-9a-f]{32}");
    assertThat(atB).doesNotContain("user-42");
    assertThat(Pseudonyms.isPseudonym(atA)).isTrue();
    assertThat(Pseudonyms.isPseudonym("user-42")).isFalse();
  }

  @Test
  void theSameUserAtTheSameTenantKeepsItsPseudonym() {
    assertThat(pseudonyms.of("t", "user-42")).isEqualTo(Pseudonyms.withKey(KEY.clone()).of("t", "user-42"));
  }

  @Test
  void anotherKeyGivesUnlinkablePseudonyms() {
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThat(Pseudonyms.withKey(other).of("t", "user-42")).isNotEqualTo(pseudonyms.of("t", "user-42"));
  }

  @Test
  void tenantAndIdCannotTradeCharacters() {
    assertThat(pseudonyms.of("ab", "c")).isNotEqualTo(pseudonyms.of("a", "bc"));
  }

  @Test
  void knownAnswerAgainstPythonHmac() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'\x07'*32,b'\0\0\0\x01t'+b'user-42',hashlib.sha256).hexdigest()[:32])"
    assertThat(pseudonyms.of("t", "user-42")).isEqualTo("act_5062c99481d729a3b7bf678c78ee1157");
  }

  @Test
  void noUserIsTheAnonymousActorWithoutStanding() {
    Actor anonymous = pseudonyms.actor("t", Optional.empty(), Tier.REGISTERED);

    assertThat(anonymous.id()).isEqualTo(Actor.anonymous().id());
    assertThat(anonymous.tier()).isEqualTo(Tier.REGISTERED);
    assertThat(pseudonyms.actor("t", Optional.of("user-42"), Tier.PAID))
        .isEqualTo(Actor.of(pseudonyms.of("t", "user-42"), Tier.PAID));
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    assertThatThrownBy(() -> Pseudonyms.withKey(new byte[16])).hasMessageContaining("32 bytes");
  }
}
