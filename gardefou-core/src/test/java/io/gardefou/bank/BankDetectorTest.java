package io.gardefou.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.hash.Pdq;
import io.gardefou.hash.PdqResult;
import io.gardefou.image.ImageDecoder;
import io.gardefou.image.ImageError;
import io.gardefou.image.ImageLimits;
import io.gardefou.image.RequestDecoder;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.PolicyPacks;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Images matched against the banks during screening, and what the bundled policy makes of a match. */
class BankDetectorTest {
  private static final ImageDecoder DECODER = ImageDecoder.create(ImageLimits.defaults());
  private final InMemoryBankStore store = new InMemoryBankStore();
  private final HashBanks banks = HashBanks.open(store, Clock.systemUTC());
  private final BankDetector detector = new BankDetector(RequestDecoder.over(DECODER), banks);

  private static ScreeningRequest edit(byte[] image, Jurisdiction jurisdiction) {
    return new ScreeningRequest(Operation.EDIT, "make it brighter", List.of(InputImage.of("upload", image)),
        Actor.anonymous(), jurisdiction, ScreeningRequest.DEFAULT_TENANT);
  }

  private static PdqResult pdqOf(byte[] image) {
    return Pdq.hash(DECODER.decode(InputImage.of("x", image)).image());
  }

  private static List<String> facts(Signals signals, String name) {
    return signals.facts().stream().filter(f -> f.name().equals(name)).map(Fact::value).toList();
  }

  @Test
  void aKnownCsamMatchScoresSexualMinorsAndEveryBundledPackRefusesIt() {
    byte[] image = Images.pattern(1);
    banks.add(BankName.KNOWN_CSAM, pdqOf(image), "ncmec 123");

    Signals signals = detector.detect(edit(image, Jurisdiction.global()));

    assertThat(signals.score(Category.SEXUAL_MINORS)).isEqualTo(1.0);
    assertThat(facts(signals, BankDetector.FACT_BANK_MATCH)).containsExactly("known-csam pdq 0 ncmec 123");
    PackPolicy policy = PolicyPacks.bundled();
    for (String code : List.of("global", "AU", "BR", "CA", "DE", "FR", "GB", "ID", "IN", "JP", "KR", "MY", "PH", "US", "US-CA")) {
      Jurisdiction jurisdiction = code.equals("global") ? Jurisdiction.global() : Jurisdiction.of(code);
      Instant now = Instant.now();
      assertThat(policy.decide(edit(image, jurisdiction), signals, DecisionId.generate(now), now).decision())
          .as(code).isEqualTo(Decision.REFUSE);
    }
  }

  @Test
  void anNciiMd5MatchScoresNonConsensualEvenForAnImageThatIsAlsoHashedByPdq() {
    byte[] image = Images.pattern(2);
    BankHash md5 = BankHash.digests(image).get(0);
    banks.addAll(List.of(new BankEntry(BankName.NCII_VICTIMS, md5, "stopncii", Instant.now())));

    Signals signals = detector.detect(edit(image, Jurisdiction.global()));

    assertThat(signals.score(Category.SEXUAL_NON_CONSENSUAL)).isEqualTo(1.0);
    assertThat(signals.score(Category.SEXUAL_MINORS)).isZero();
    assertThat(facts(signals, BankDetector.FACT_MD5)).containsExactly(md5.hex());
    assertThat(facts(signals, BankDetector.FACT_BANK_MATCH)).containsExactly("ncii-victims md5 0 stopncii");
  }

  @Test
  void aGeneratedOutputMatchIsAFactOnly() {
    byte[] image = Images.pattern(3);
    banks.add(BankName.GENERATED_OUTPUTS, pdqOf(image), "dec_1");

    Signals signals = detector.detect(edit(image, Jurisdiction.global()));

    assertThat(signals.scores()).isEmpty();
    assertThat(facts(signals, BankDetector.FACT_BANK_MATCH)).containsExactly("generated-outputs pdq 0 dec_1");
  }

  @Test
  void anUnmatchedImageGetsItsHashesAsFactsAndNoScore() {
    banks.add(BankName.KNOWN_CSAM, pdqOf(Images.pattern(4)), "other");
    byte[] image = Images.pattern(5);

    Signals signals = detector.detect(edit(image, Jurisdiction.global()));

    assertThat(signals.scores()).isEmpty();
    assertThat(signals.fact(BankDetector.FACT_HASH)).hasValue(pdqOf(image).hash().toHex());
    assertThat(signals.fact(BankDetector.FACT_QUALITY)).hasValueSatisfying(q -> assertThat(Integer.parseInt(q)).isGreaterThanOrEqualTo(50));
    assertThat(signals.fact(BankDetector.FACT_SHA256)).hasValue(BankHash.digests(image).get(1).hex());
    assertThat(facts(signals, BankDetector.FACT_BANK_MATCH)).isEmpty();
  }

  @Test
  void aFlatImageIsHashedButNotMatched() {
    byte[] image = Images.flat(0x808080);
    PdqResult pdq = pdqOf(image);
    assertThat(pdq.quality()).isLessThan(50);
    store.addAll(List.of(new BankEntry(BankName.KNOWN_CSAM, BankHash.pdq(pdq.hash()), "flat", Instant.now())));
    HashBanks withFlat = HashBanks.open(store, Clock.systemUTC());

    Signals signals = new BankDetector(RequestDecoder.over(DECODER), withFlat).detect(edit(image, Jurisdiction.global()));

    assertThat(signals.scores()).isEmpty();
    assertThat(signals.fact(BankDetector.FACT_HASH)).hasValue(pdq.hash().toHex());
  }

  @Test
  void vouchesForTheCategoriesItsBanksScoreSoThatItsFailureRefuses() {
    assertThat(detector.covers()).containsExactlyInAnyOrder(Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
    assertThatThrownBy(() -> detector.detect(edit(new byte[] {1, 2, 3}, Jurisdiction.global())))
        .isInstanceOf(ImageError.class);
  }

  @Test
  void aStoreThatCannotBeReadFailsTheDetectorRatherThanMissingAMatch() {
    byte[] image = Images.pattern(6);
    banks.add(BankName.KNOWN_CSAM, pdqOf(image), "x");
    BankStore broken = new BrokenFinds(store);
    BankDetector failing = new BankDetector(RequestDecoder.over(DECODER), HashBanks.open(broken, Clock.systemUTC()));

    assertThatThrownBy(() -> failing.detect(edit(image, Jurisdiction.global())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("store down");
  }

  /** A store that lists its entries but fails to read one back, as a database gone away mid-request. */
  private record BrokenFinds(BankStore delegate) implements BankStore {
    @Override
    public List<Bank> banks() {
      return delegate.banks();
    }

    @Override
    public void putBank(Bank bank) {
      delegate.putBank(bank);
    }

    @Override
    public List<BankEntry> addAll(Collection<BankEntry> entries) {
      return delegate.addAll(entries);
    }

    @Override
    public boolean remove(BankName bank, BankHash hash) {
      return delegate.remove(bank, hash);
    }

    @Override
    public Optional<BankEntry> find(BankName bank, BankHash hash) {
      throw new IllegalStateException("store down");
    }

    @Override
    public void forEach(Consumer<BankEntry> sink) {
      delegate.forEach(sink);
    }

    @Override
    public void forEach(BankName bank, Consumer<BankEntry> sink) {
      delegate.forEach(bank, sink);
    }
  }
}
