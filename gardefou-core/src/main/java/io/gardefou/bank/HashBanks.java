package io.gardefou.bank;

import io.gardefou.hash.PdqHash;
import io.gardefou.hash.PdqResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The hash banks: their definitions, entries in the store, and an in-memory index of them that every screening
 * queries. PDQ hashes sit in a {@link MihIndex} built at start, plus recent additions scanned flat until they are
 * many enough to rebuild it in the background; MD5 and SHA-256 hashes sit in a map. Adds and removals go to the
 * store first, then to the index. Thread-safe.
 */
public final class HashBanks {
  /** Additions scanned flat before the index is rebuilt: under a few thousand, a flat scan costs microseconds. */
  private static final int MIN_PENDING = 4_096;

  private final BankStore store;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<BankName, Integer> ordinals = new HashMap<>();
  private final List<Bank> banks = new ArrayList<>(); // by ordinal, the index's payload
  private final Map<BankHash, List<BankName>> exact = new HashMap<>();
  private final Map<BankName, Long> counts = new HashMap<>();
  private MihIndex index;
  private BitSet removed = new BitSet();
  private long[] pendingWords = new long[4 * 64];
  private byte[] pendingBanks = new byte[64];
  private int pending;
  private final Executor rebuilds;
  /** PDQ changes made while a rebuild runs, replayed onto its index when it lands; null when none runs. */
  private List<Change> sinceRebuild;

  private record Change(PdqHash hash, int ordinal, boolean added) {}

  private HashBanks(BankStore store, Clock clock, Executor rebuilds) {
    this.store = store;
    this.clock = clock;
    this.rebuilds = rebuilds;
  }

  /**
   * Defines the {@link Bank#defaults() default banks} the store lacks and builds the index from every stored entry.
   */
  public static HashBanks open(BankStore store, Clock clock) {
    return open(store, clock, task -> Thread.ofVirtual().name("bank-index-rebuild").start(task));
  }

  /** As {@link #open(BankStore, Clock)}, rebuilding the index on {@code rebuilds} (tests hold or run it inline). */
  static HashBanks open(BankStore store, Clock clock, Executor rebuilds) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Map<BankName, Bank> defined = new LinkedHashMap<>();
    store.banks().forEach(bank -> defined.put(bank.name(), bank));
    for (Bank bank : Bank.defaults()) {
      if (!defined.containsKey(bank.name())) {
        store.putBank(bank);
        defined.put(bank.name(), bank);
      }
    }
    HashBanks banks = new HashBanks(store, clock, Objects.requireNonNull(rebuilds, "rebuilds"));
    defined.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(banks::register);
    banks.load();
    return banks;
  }

  private void register(Bank bank) {
    if (banks.size() > 255) {
      throw new IllegalStateException("at most 256 hash banks; the index keeps a bank in one byte");
    }
    ordinals.put(bank.name(), banks.size());
    banks.add(bank);
    counts.put(bank.name(), 0L);
  }

  private void load() {
    long[][] words = {new long[4 * 1024]};
    byte[][] payloads = {new byte[1024]};
    int[] size = {0};
    store.forEach(entry -> {
      int ordinal = ordinal(entry.bank());
      counts.merge(entry.bank(), 1L, Long::sum);
      if (entry.hash() instanceof BankHash.Pdq pdq) {
        if (size[0] == payloads[0].length) {
          words[0] = Arrays.copyOf(words[0], size[0] * 8);
          payloads[0] = Arrays.copyOf(payloads[0], size[0] * 2);
        }
        put(words[0], size[0], pdq.hash());
        payloads[0][size[0]++] = (byte) ordinal;
      } else {
        exact.computeIfAbsent(entry.hash(), h -> new ArrayList<>(1)).add(entry.bank());
      }
    });
    index = MihIndex.build(words[0], payloads[0], size[0]);
  }

  /** The banks defined, by name. */
  public List<Bank> banks() {
    lock.readLock().lock();
    try {
      return List.copyOf(banks);
    } finally {
      lock.readLock().unlock();
    }
  }

  public Optional<Bank> bank(BankName name) {
    lock.readLock().lock();
    try {
      Integer ordinal = ordinals.get(name);
      return ordinal == null ? Optional.empty() : Optional.of(banks.get(ordinal));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Defines a bank, or changes the action and threshold of one defined. */
  public void define(Bank bank) {
    lock.writeLock().lock();
    try {
      store.putBank(bank);
      Integer ordinal = ordinals.get(bank.name());
      if (ordinal == null) {
        register(bank);
      } else {
        banks.set(ordinal, bank);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Entries per bank, every bank present. */
  public Map<BankName, Long> counts() {
    lock.readLock().lock();
    try {
      Map<BankName, Long> sorted = new LinkedHashMap<>();
      banks.forEach(bank -> sorted.put(bank.name(), counts.get(bank.name())));
      return sorted;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** What {@link #add(BankName, PdqResult, String)} did. */
  public enum Added { ADDED, ALREADY_PRESENT, LOW_QUALITY }

  /**
   * Adds an image's PDQ hash to a bank, as the gateway does with every output (to {@code generated-outputs}) and a
   * take-down does (to {@code ncii-victims}). A hash of quality under 50 is not added: it would match unrelated
   * flat images.
   */
  public Added add(BankName bank, PdqResult pdq, String label) {
    if (pdq.quality() < PdqResult.MIN_USEFUL_QUALITY) {
      return Added.LOW_QUALITY;
    }
    BankEntry entry = new BankEntry(bank, BankHash.pdq(pdq.hash()), label, clock.instant());
    return addAll(List.of(entry)) == 1 ? Added.ADDED : Added.ALREADY_PRESENT;
  }

  /** Adds entries (an import), skipping those already present; returns how many were new. */
  public int addAll(Collection<BankEntry> entries) {
    lock.writeLock().lock();
    try {
      entries.forEach(entry -> ordinal(entry.bank()));
      List<BankEntry> fresh = store.addAll(entries);
      for (BankEntry entry : fresh) {
        counts.merge(entry.bank(), 1L, Long::sum);
        if (entry.hash() instanceof BankHash.Pdq pdq) {
          addPending(pdq.hash(), ordinal(entry.bank()));
          recordChange(new Change(pdq.hash(), ordinal(entry.bank()), true));
        } else {
          exact.computeIfAbsent(entry.hash(), h -> new ArrayList<>(1)).add(entry.bank());
        }
      }
      if (sinceRebuild == null && pending > Math.max(MIN_PENDING, index.size() / 8)) {
        startRebuild();
      }
      return fresh.size();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a hash from a bank; false when it was not there. */
  public boolean remove(BankName bank, BankHash hash) {
    lock.writeLock().lock();
    try {
      int ordinal = ordinal(bank);
      if (!store.remove(bank, hash)) {
        return false;
      }
      counts.merge(bank, -1L, Long::sum);
      if (hash instanceof BankHash.Pdq pdq) {
        removePdq(pdq.hash(), ordinal);
        recordChange(new Change(pdq.hash(), ordinal, false));
      } else {
        List<BankName> holders = exact.get(hash);
        holders.remove(bank);
        if (holders.isEmpty()) {
          exact.remove(hash);
        }
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The entries the PDQ hash matches, each within its bank's threshold, closest first. A hash of quality under 50
   * matches nothing (ThreatExchange pdq/README.md: such hashes are unreliable).
   */
  public List<BankMatch> match(PdqResult pdq) {
    if (pdq.quality() < PdqResult.MIN_USEFUL_QUALITY) {
      return List.of();
    }
    record Found(Bank bank, PdqHash hash, int distance) {}
    List<Found> found = new ArrayList<>();
    lock.readLock().lock();
    try {
      PdqHits hits = new PdqHits();
      index.search(pdq.hash(), PdqIndex.MAX_RADIUS, hits);
      for (int i = 0; i < hits.size(); i++) {
        if (!removed.get(hits.position(i))) {
          Bank bank = banks.get(index.payload(hits.position(i)));
          if (hits.distance(i) <= bank.pdqThreshold()) {
            found.add(new Found(bank, index.hash(hits.position(i)), hits.distance(i)));
          }
        }
      }
      hits.clear();
      FlatIndex.scan(pendingWords, pending, pdq.hash(), PdqIndex.MAX_RADIUS, hits);
      for (int i = 0; i < hits.size(); i++) {
        Bank bank = banks.get(pendingBanks[hits.position(i)] & 0xFF);
        if (hits.distance(i) <= bank.pdqThreshold()) {
          found.add(new Found(bank, hashOf(pendingWords, hits.position(i)), hits.distance(i)));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    List<BankMatch> matches = new ArrayList<>();
    for (Found f : found) {
      // The label lives in the store, read only for a match: the index holds hashes and a bank byte, nothing more.
      store.find(f.bank().name(), BankHash.pdq(f.hash()))
          .ifPresent(entry -> matches.add(new BankMatch(f.bank(), entry, f.distance())));
    }
    matches.sort((a, b) -> Integer.compare(a.distance(), b.distance()));
    return List.copyOf(matches);
  }

  /** The entries holding exactly one of these MD5 or SHA-256 hashes. */
  public List<BankMatch> matchExact(Collection<BankHash> hashes) {
    List<BankMatch> matches = new ArrayList<>();
    for (BankHash hash : hashes) {
      List<BankName> holders;
      lock.readLock().lock();
      try {
        holders = List.copyOf(exact.getOrDefault(hash, List.of()));
      } finally {
        lock.readLock().unlock();
      }
      for (BankName name : holders) {
        Bank bank = bank(name).orElseThrow();
        store.find(name, hash).ifPresent(entry -> matches.add(new BankMatch(bank, entry, 0)));
      }
    }
    return List.copyOf(matches);
  }

  /** Whether this image was made here: its closest match in {@code generated-outputs}, if any. */
  public Optional<BankMatch> madeHere(PdqResult pdq) {
    return match(pdq).stream().filter(m -> m.bank().name().equals(BankName.GENERATED_OUTPUTS)).findFirst();
  }

  /** Streams a bank's entries, oldest first (for export). */
  public void export(BankName bank, Consumer<BankEntry> sink) {
    ordinal(bank);
    store.forEach(bank, sink);
  }

  /** Bytes the PDQ index holds (hashes, bank bytes, tables), computed from its arrays. */
  public long indexBytes() {
    lock.readLock().lock();
    try {
      return index.bytes() + pendingWords.length * 8L + pendingBanks.length + removed.size() / 8;
    } finally {
      lock.readLock().unlock();
    }
  }

  private int ordinal(BankName bank) {
    Integer ordinal = ordinals.get(bank);
    if (ordinal == null) {
      throw new UnknownBankException(bank);
    }
    return ordinal;
  }

  private void addPending(PdqHash hash, int ordinal) {
    if (pending == pendingBanks.length) {
      pendingWords = Arrays.copyOf(pendingWords, pending * 8);
      pendingBanks = Arrays.copyOf(pendingBanks, pending * 2);
    }
    put(pendingWords, pending, hash);
    pendingBanks[pending++] = (byte) ordinal;
  }

  private void removePdq(PdqHash hash, int ordinal) {
    for (int i = 0; i < pending; i++) {
      if (pendingBanks[i] == (byte) ordinal && hashOf(pendingWords, i).equals(hash)) {
        pending--;
        System.arraycopy(pendingWords, pending * 4, pendingWords, i * 4, 4);
        pendingBanks[i] = pendingBanks[pending];
        return;
      }
    }
    PdqHits hits = new PdqHits();
    index.search(hash, 0, hits);
    for (int i = 0; i < hits.size(); i++) {
      int position = hits.position(i);
      if (index.payload(position) == ordinal && !removed.get(position)) {
        removed.set(position);
        return;
      }
    }
  }

  private void recordChange(Change change) {
    if (sinceRebuild != null) {
      sinceRebuild.add(change);
    }
  }

  /**
   * Starts folding the pending additions into a new index, off the lock: at 10 M hashes a build takes seconds, and
   * queries must not wait for it. Until it lands, queries use the current index and pending hashes, and changes are
   * applied to them and recorded, to be replayed onto the new index.
   */
  private void startRebuild() {
    MihIndex base = index;
    BitSet gone = (BitSet) removed.clone();
    long[] addedWords = Arrays.copyOf(pendingWords, pending * 4);
    byte[] addedBanks = Arrays.copyOf(pendingBanks, pending);
    sinceRebuild = new ArrayList<>();
    rebuilds.execute(() -> {
      MihIndex built;
      try {
        built = build(base, gone, addedWords, addedBanks);
      } catch (RuntimeException | Error e) {
        lock.writeLock().lock();
        try {
          sinceRebuild = null; // the current index and pending hashes stay right; the next addition retries
        } finally {
          lock.writeLock().unlock();
        }
        throw e;
      }
      lock.writeLock().lock();
      try {
        index = built;
        removed = new BitSet();
        pending = 0;
        List<Change> changes = sinceRebuild;
        sinceRebuild = null;
        for (Change change : changes) {
          if (change.added()) {
            addPending(change.hash(), change.ordinal());
          } else {
            removePdq(change.hash(), change.ordinal());
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    });
  }

  /** The index of the base's hashes not removed, and the added ones. */
  private static MihIndex build(MihIndex base, BitSet gone, long[] addedWords, byte[] addedBanks) {
    int live = base.size() - gone.cardinality() + addedBanks.length;
    long[] words = new long[live * 4];
    byte[] payloads = new byte[live];
    int n = 0;
    for (int i = 0; i < base.size(); i++) {
      if (!gone.get(i)) {
        put(words, n, base.hash(i));
        payloads[n++] = (byte) base.payload(i);
      }
    }
    System.arraycopy(addedWords, 0, words, n * 4, addedWords.length);
    System.arraycopy(addedBanks, 0, payloads, n, addedBanks.length);
    return MihIndex.build(words, payloads, live);
  }

  private static void put(long[] words, int i, PdqHash hash) {
    words[i * 4] = hash.bits192();
    words[i * 4 + 1] = hash.bits128();
    words[i * 4 + 2] = hash.bits64();
    words[i * 4 + 3] = hash.bits0();
  }

  private static PdqHash hashOf(long[] words, int i) {
    return new PdqHash(words[i * 4], words[i * 4 + 1], words[i * 4 + 2], words[i * 4 + 3]);
  }
}
