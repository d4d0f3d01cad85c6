package io.gardefou.actor;

import io.gardefou.model.Actor;
import io.gardefou.model.Tier;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an operator's user id into the actor's pseudonym: HMAC-SHA-256 (RFC 2104) under an install secret, over
 * the tenant and the id, so that one user of two tenants gets two unlinkable pseudonyms, and nobody without
 * the secret can test a guessed id against the ledger. The raw id goes no further than this class.
 */
public final class Pseudonyms {
  /** The secret's length in bytes: the HMAC-SHA-256 block is longer, and RFC 2104 §3 asks for at least the output. */
  public static final int KEY_BYTES = 32;
  private static final String PREFIX = "act_";
  private static final Pattern FORM = Pattern.compile("act_[0-9a-f]{32}");
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  /** Initialised once; each call works on a clone, cheaper than a provider look-up and key set-up per request. */
  private final Mac prototype;

  private Pseudonyms(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.prototype = newMac();
  }

  /** Pseudonyms under {@code key}, {@value #KEY_BYTES} secret random bytes. */
  public static Pseudonyms withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the actor key must be " + KEY_BYTES + " bytes, was " + key.length);
    }
    return new Pseudonyms(key.clone());
  }

  /** Whether {@code text} has a pseudonym's form: {@code act_} and 32 lower-case hex digits. */
  public static boolean isPseudonym(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /** The pseudonym of {@code userId} at {@code tenant}: {@code act_} and the first 128 bits of the HMAC, in hex. */
  public String of(String tenant, String userId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(userId, "userId");
    Mac mac = mac();
    // Length-prefixed tenant, so that ("ab", "c") and ("a", "bc") cannot collide.
    byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
    mac.update(new byte[] {
        (byte) (tenantBytes.length >>> 24), (byte) (tenantBytes.length >>> 16),
        (byte) (tenantBytes.length >>> 8), (byte) tenantBytes.length});
    mac.update(tenantBytes);
    byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(); // A provider whose MACs cannot be cloned: set one up each time.
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  /**
   * The actor of a request at {@code tenant}: the pseudonym of {@code user} at {@code tier}, or the anonymous
   * actor when the operator named no user (anonymous requests share no standing, see docs/design/actors.md).
   */
  public Actor actor(String tenant, Optional<String> user, Tier tier) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(tier, "tier");
    return user.filter(id -> !id.isBlank())
        .map(id -> Actor.of(of(tenant, id), tier))
        .orElseGet(() -> tier == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of(Actor.anonymous().id(), tier));
  }
}
