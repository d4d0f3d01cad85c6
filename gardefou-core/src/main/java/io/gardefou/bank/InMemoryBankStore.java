package io.gardefou.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Banks in memory only: for tests and for entry points without a database (scan, eval). Thread-safe. */
public final class InMemoryBankStore implements BankStore {
  private final Map<BankName, Bank> banks = new TreeMap<>();
  private final Map<Key, BankEntry> entries = new LinkedHashMap<>();

  private record Key(BankName bank, BankHash hash) {}

  @Override
  public synchronized List<Bank> banks() {
    return List.copyOf(banks.values());
  }

  @Override
  public synchronized void putBank(Bank bank) {
    banks.put(bank.name(), bank);
  }

  @Override
  public synchronized List<BankEntry> addAll(Collection<BankEntry> added) {
    List<BankEntry> fresh = new ArrayList<>();
    for (BankEntry entry : added) {
      if (!banks.containsKey(entry.bank())) {
        throw new UnknownBankException(entry.bank());
      }
      if (entries.putIfAbsent(new Key(entry.bank(), entry.hash()), entry) == null) {
        fresh.add(entry);
      }
    }
    return fresh;
  }

  @Override
  public synchronized boolean remove(BankName bank, BankHash hash) {
    return entries.remove(new Key(bank, hash)) != null;
  }

  @Override
  public synchronized Optional<BankEntry> find(BankName bank, BankHash hash) {
    return Optional.ofNullable(entries.get(new Key(bank, hash)));
  }

  @Override
  public void forEach(Consumer<BankEntry> sink) {
    List<BankEntry> all;
    synchronized (this) {
      all = List.copyOf(entries.values());
    }
    all.forEach(sink);
  }

  @Override
  public void forEach(BankName bank, Consumer<BankEntry> sink) {
    forEach(entry -> {
      if (entry.bank().equals(bank)) {
        sink.accept(entry);
      }
    });
  }
}
