package io.gardefou.bank;

import io.gardefou.hash.Pdq;
import io.gardefou.hash.PdqResult;
import io.gardefou.image.RequestDecoder;
import io.gardefou.model.Category;
import io.gardefou.model.Evidence;
import io.gardefou.model.InputImage;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.screen.Detector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one hashing detector: for every image, input or output, the MD5 and SHA-256 of its bytes and its PDQ hash, as
 * facts, and their matches in the hash banks. A match in a bank that scores a category scores it 1.0 (known CSAM is
 * {@code sexual/minors}, which every pack refuses); a {@code generated-outputs} match is a fact only. It vouches for
 * the categories its banks score, so an image it cannot decode, or a store it cannot read, leaves them unknown and
 * the policy refuses: a bank match must never be missed silently.
 */
public final class BankDetector implements Detector {
  public static final String NAME = "hashes";
  public static final String FACT_HASH = "pdq";
  public static final String FACT_QUALITY = "pdq_quality";
  public static final String FACT_MD5 = "md5";
  public static final String FACT_SHA256 = "sha256";
  /** One per match: {@code <bank> <kind> <distance> <label>} ({@link BankMatch#fact()}). */
  public static final String FACT_BANK_MATCH = "bank_match";

  private final RequestDecoder decoder;
  private final HashBanks banks;

  /** Hashes with the decoder the screener's image detector shares, so each image is decoded once per request. */
  public BankDetector(RequestDecoder decoder, HashBanks banks) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.banks = Objects.requireNonNull(banks, "banks");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Category> covers() {
    Set<Category> covered = EnumSet.noneOf(Category.class);
    banks.banks().forEach(bank -> bank.action().category().ifPresent(covered::add));
    return covered;
  }

  @Override
  public boolean appliesTo(ScreeningRequest request) {
    return !request.images().isEmpty();
  }

  @Override
  public Signals detect(ScreeningRequest request) {
    Signals.Builder signals = Signals.from(NAME);
    for (InputImage image : request.images()) {
      List<BankHash> digests = BankHash.digests(image.bytes());
      signals.fact(FACT_MD5, digests.get(0).hex()).fact(FACT_SHA256, digests.get(1).hex());
      List<BankMatch> matches = new ArrayList<>(banks.matchExact(digests));
      // Exact matches come first: they hold even for an image too broken to decode.
      PdqResult pdq = Pdq.hash(decoder.decode(request, image).image());
      signals.fact(FACT_HASH, pdq.hash().toHex()).fact(FACT_QUALITY, Integer.toString(pdq.quality()));
      matches.addAll(banks.match(pdq));
      for (BankMatch match : matches) {
        signals.fact(FACT_BANK_MATCH, match.fact());
        match.bank().action().category().ifPresent(category -> signals.score(category, 1.0, List.of(new Evidence(
            "BANK_MATCH", match.bank().name() + " " + match.entry().hash().kind().id() + " at distance "
                + match.distance(), -1, -1))));
      }
    }
    return signals.build();
  }
}
