package io.gardefou.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.hash.PdqHash;
import io.gardefou.hash.PdqResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The banks' public surface over an in-memory store: add, match, remove, rebuild, counts. */
class HashBanksTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC);
  private final RandomHashes random = new RandomHashes(3);
  private final InMemoryBankStore store = new InMemoryBankStore();
  private final HashBanks banks = HashBanks.open(store, CLOCK);

  private static PdqResult good(PdqHash hash) {
    return new PdqResult(hash, 90);
  }

  @Test
  void definesTheDefaultBanksInAnEmptyStore() {
    assertThat(store.banks()).extracting(Bank::name).containsExactlyInAnyOrder(
        BankName.KNOWN_CSAM, BankName.NCII_VICTIMS, BankName.TAKEDOWNS, BankName.GENERATED_OUTPUTS);
    assertThat(banks.counts()).containsOnlyKeys(store.banks().stream().map(Bank::name).toList()).allSatisfy((b, n) -> assertThat(n).isZero());
  }

  @Test
  void matchesAnAddedHashWithinTheBanksThresholdAndNotBeyond() {
    PdqHash stored = random.next();
    assertThat(banks.add(BankName.NCII_VICTIMS, good(stored), "case 17")).isEqualTo(HashBanks.Added.ADDED);

    List<BankMatch> near = banks.match(good(random.flip(stored, 31)));
    List<BankMatch> far = banks.match(good(random.flip(stored, 32)));

    assertThat(near).singleElement().satisfies(match -> {
      assertThat(match.bank().name()).isEqualTo(BankName.NCII_VICTIMS);
      assertThat(match.entry().label()).isEqualTo("case 17");
      assertThat(match.entry().addedAt()).isEqualTo(CLOCK.instant());
      assertThat(match.distance()).isEqualTo(31);
    });
    assertThat(far).isEmpty();
  }

  @Test
  void aBankWithATighterThresholdMatchesLess() {
    banks.define(new Bank(BankName.TAKEDOWNS, BankAction.factOnly(), 10));
    PdqHash stored = random.next();
    banks.add(BankName.TAKEDOWNS, good(stored), "order 1");

    assertThat(banks.match(good(random.flip(stored, 10)))).hasSize(1);
    assertThat(banks.match(good(random.flip(stored, 11)))).isEmpty();
  }

  @Test
  void neitherAddsNorMatchesALowQualityHash() {
    PdqHash stored = random.next();
    assertThat(banks.add(BankName.KNOWN_CSAM, new PdqResult(stored, 49), "x")).isEqualTo(HashBanks.Added.LOW_QUALITY);
    banks.add(BankName.KNOWN_CSAM, good(stored), "x");

    assertThat(banks.match(new PdqResult(stored, 49))).isEmpty();
    assertThat(banks.match(new PdqResult(stored, 50))).hasSize(1);
  }

  @Test
  void addingTheSameHashTwiceKeepsOneEntry() {
    PdqHash stored = random.next();

    banks.add(BankName.GENERATED_OUTPUTS, good(stored), "a");
    HashBanks.Added again = banks.add(BankName.GENERATED_OUTPUTS, good(stored), "b");

    assertThat(again).isEqualTo(HashBanks.Added.ALREADY_PRESENT);
    assertThat(banks.counts().get(BankName.GENERATED_OUTPUTS)).isEqualTo(1);
    assertThat(banks.match(good(stored))).hasSize(1);
  }

  @Test
  void aHashInTwoBanksMatchesInBoth() {
    PdqHash stored = random.next();
    banks.add(BankName.GENERATED_OUTPUTS, good(stored), "output");
    banks.add(BankName.TAKEDOWNS, good(stored), "order");

    assertThat(banks.match(good(stored))).extracting(m -> m.bank().name())
        .containsExactlyInAnyOrder(BankName.GENERATED_OUTPUTS, BankName.TAKEDOWNS);
    assertThat(banks.madeHere(good(stored))).hasValueSatisfying(m -> assertThat(m.entry().label()).isEqualTo("output"));
  }

  @Test
  void aRemovedHashNoLongerMatchesWhetherPendingOrIndexed() {
    HashBanks banks = HashBanks.open(store, CLOCK, Runnable::run); // rebuilds inline
    List<PdqHash> hashes = addMany(banks, 5_000); // past the pending limit: the first ones are in a rebuilt index
    PdqHash indexed = hashes.get(0);
    PdqHash pending = hashes.get(hashes.size() - 1);

    assertThat(banks.remove(BankName.KNOWN_CSAM, BankHash.pdq(indexed))).isTrue();
    assertThat(banks.remove(BankName.KNOWN_CSAM, BankHash.pdq(pending))).isTrue();
    assertThat(banks.remove(BankName.KNOWN_CSAM, BankHash.pdq(pending))).isFalse();

    assertThat(banks.match(good(indexed))).isEmpty();
    assertThat(banks.match(good(pending))).isEmpty();
    assertThat(banks.match(good(hashes.get(1)))).hasSize(1);
    assertThat(banks.counts().get(BankName.KNOWN_CSAM)).isEqualTo(4_998);
  }

  @Test
  void changesMadeWhileTheIndexRebuildsSurviveIt() {
    List<Runnable> held = new ArrayList<>();
    HashBanks banks = HashBanks.open(store, CLOCK, held::add);
    List<PdqHash> before = addMany(banks, 4_100); // one past the pending limit: a rebuild starts and is held
    assertThat(held).hasSize(1);
    PdqHash during = random.next();
    banks.add(BankName.TAKEDOWNS, good(during), "during");
    PdqHash addedThenRemoved = random.next();
    banks.add(BankName.TAKEDOWNS, good(addedThenRemoved), "gone");
    banks.remove(BankName.TAKEDOWNS, BankHash.pdq(addedThenRemoved));
    banks.remove(BankName.KNOWN_CSAM, BankHash.pdq(before.get(3)));
    assertThat(banks.match(good(during))).hasSize(1); // served by the old index and the pending hashes

    held.getFirst().run();

    assertThat(banks.match(good(during))).singleElement().satisfies(m -> assertThat(m.entry().label()).isEqualTo("during"));
    assertThat(banks.match(good(addedThenRemoved))).isEmpty();
    assertThat(banks.match(good(before.get(3)))).isEmpty();
    assertThat(banks.match(good(random.flip(before.get(4), 20)))).singleElement()
        .satisfies(m -> assertThat(m.entry().label()).isEqualTo("n4"));
    assertThat(banks.counts().get(BankName.KNOWN_CSAM)).isEqualTo(4_099);
  }

  @Test
  void reopeningRebuildsTheIndexFromTheStore() {
    List<PdqHash> hashes = addMany(banks, 100);
    banks.remove(BankName.KNOWN_CSAM, BankHash.pdq(hashes.get(7)));
    banks.addAll(List.of(new BankEntry(BankName.NCII_VICTIMS, BankHash.md5("0123456789abcdef0123456789abcdef"), "md5 one", CLOCK.instant())));

    HashBanks reopened = HashBanks.open(store, CLOCK);

    assertThat(reopened.counts()).isEqualTo(banks.counts());
    assertThat(reopened.match(good(random.flip(hashes.get(8), 5)))).hasSize(1);
    assertThat(reopened.match(good(hashes.get(7)))).isEmpty();
    assertThat(reopened.matchExact(List.of(BankHash.md5("0123456789ABCDEF0123456789ABCDEF"))))
        .singleElement().satisfies(m -> assertThat(m.entry().label()).isEqualTo("md5 one"));
  }

  @Test
  void refusesAnUnknownBank() {
    assertThatThrownBy(() -> banks.add(BankName.of("nope"), good(random.next()), ""))
        .isInstanceOf(UnknownBankException.class)
        .hasMessageContaining("nope");
  }

  private List<PdqHash> addMany(HashBanks banks, int n) {
    List<PdqHash> hashes = new ArrayList<>();
    List<BankEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PdqHash hash = random.next();
      hashes.add(hash);
      entries.add(new BankEntry(BankName.KNOWN_CSAM, BankHash.pdq(hash), "n" + i, CLOCK.instant()));
      if (entries.size() == 1_000) {
        banks.addAll(entries);
        entries.clear();
      }
    }
    banks.addAll(entries);
    return hashes;
  }
}
