package io.gardefou.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardefou.hash.PdqHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The multi-index hash finds exactly what the flat scan finds, at every radius. */
class MihIndexTest {
  private static final int SIZE = 30_000;

  private record Hit(String hash, int payload, int distance) implements Comparable<Hit> {
    @Override
    public int compareTo(Hit o) {
      int c = hash.compareTo(o.hash);
      return c != 0 ? c : payload != o.payload ? Integer.compare(payload, o.payload) : Integer.compare(distance, o.distance);
    }
  }

  /** Random hashes, some in clusters of near-duplicates so that buckets hold several and chunks collide. */
  private static List<PdqHash> stored(RandomHashes random) {
    List<PdqHash> hashes = new ArrayList<>();
    while (hashes.size() < SIZE) {
      PdqHash base = random.next();
      hashes.add(base);
      int family = random.nextInt(4);
      for (int i = 0; i < family && hashes.size() < SIZE; i++) {
        hashes.add(random.nextInt(2) == 0 ? random.flip(base, random.nextInt(40)) : random.flipConcentrated(base, random.nextInt(5), random.nextInt(8)));
      }
    }
    return hashes;
  }

  private static List<Hit> hits(PdqIndex index, PdqHash query, int radius) {
    PdqHits hits = new PdqHits();
    index.search(query, radius, hits);
    List<Hit> found = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      found.add(new Hit(index.hash(hits.position(i)).toHex(), index.payload(hits.position(i)), hits.distance(i)));
    }
    found.sort(null);
    return found;
  }

  /** Every directory size a bank can get, each tried on the same few hashes (large banks get the wider ones). */
  @ParameterizedTest(name = "{0} directory bits")
  @ValueSource(ints = {16, 17, 18})
  void findsExactlyWhatTheFlatScanFindsAtEveryRadius(int topBits) {
    RandomHashes random = new RandomHashes(42);
    List<PdqHash> hashes = stored(random);
    long[] words = new long[SIZE * 4];
    byte[] payloads = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      RandomHashes.put(words, i, hashes.get(i));
      payloads[i] = (byte) random.nextInt(256);
    }
    MihIndex mih = MihIndex.build(words, payloads, SIZE, topBits);
    FlatIndex flat = FlatIndex.of(words, payloads, SIZE);

    int nonEmpty = 0;
    for (int q = 0; q < 600; q++) {
      PdqHash target = hashes.get(random.nextInt(SIZE));
      PdqHash query = switch (q % 3) {
        case 0 -> random.flip(target, random.nextInt(45));
        case 1 -> random.flipConcentrated(random.flip(target, random.nextInt(28)), random.nextInt(4), random.nextInt(8));
        default -> random.next();
      };
      for (int radius : new int[] {0, 3, 7, 8, 15, 16, 23, 24, 31}) {
        List<Hit> expected = hits(flat, query, radius);
        assertThat(hits(mih, query, radius)).as("query %s radius %d", query, radius).isEqualTo(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(nonEmpty).as("queries that found something").isGreaterThan(1_000);
  }

  @Test
  void anEmptyIndexFindsNothing() {
    PdqHits hits = new PdqHits();
    MihIndex.build(new long[0], new byte[0], 0).search(new PdqHash(0, 0, 0, 0), 31, hits);
    assertThat(hits.size()).isZero();
  }

  @Test
  void widensTheDirectoryForLargeBanksOnly() {
    assertThat(MihIndex.topBits(30_000)).isEqualTo(16);
    assertThat(MihIndex.topBits(1_000_000)).isEqualTo(16);
    assertThat(MihIndex.topBits(4_200_000)).isEqualTo(17);
    assertThat(MihIndex.topBits(10_000_000)).isEqualTo(18);
    assertThat(MihIndex.topBits(MihIndex.MAX_SIZE)).isEqualTo(18);
  }

  @Test
  void findsAHashWhoseDifferencesAllFallInOneChunkBeyondItsBudget() {
    RandomHashes random = new RandomHashes(7);
    PdqHash stored = random.next();
    long[] words = new long[4];
    RandomHashes.put(words, 0, stored);
    MihIndex mih = MihIndex.build(words, new byte[] {3}, 1);
    // 24 bits off in one chunk and 1 in each of the other seven: only those seven chunks can find it.
    PdqHash query = stored;
    for (int c = 0; c < 8; c++) {
      query = random.flipConcentrated(query, c == 5 ? 24 : 1, c);
    }

    List<Hit> found = hits(mih, query, 31);

    assertThat(found).containsExactly(new Hit(stored.toHex(), 3, 31));
  }

  @Test
  void keepsUnderSixtyFourBytesAHashAtAMillion() {
    RandomHashes random = new RandomHashes(1);
    int size = 1_000_000;
    long[] words = new long[size * 4];
    for (int i = 0; i < size; i++) {
      RandomHashes.put(words, i, random.next());
    }

    MihIndex mih = MihIndex.build(words, new byte[size], size);

    assertThat((double) mih.bytes() / size).isLessThanOrEqualTo(64.0);
  }

  @Test
  void refusesARadiusBeyondWhatItWasBuiltFor() {
    MihIndex mih = MihIndex.build(new long[0], new byte[0], 0);

    assertThatThrownBy(() -> mih.search(new PdqHash(0, 0, 0, 0), 32, new PdqHits()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..31");
  }
}
