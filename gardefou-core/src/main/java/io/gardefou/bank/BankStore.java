package io.gardefou.bank;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where banks and their entries persist; {@link HashBanks} keeps its in-memory index in step with it. */
public interface BankStore {
  /** Every bank defined, by name. */
  List<Bank> banks();

  /** Defines the bank, or changes its action and threshold. */
  void putBank(Bank bank);

  /** Adds the entries not yet present (same bank, kind and hash), in one transaction; returns those added. */
  List<BankEntry> addAll(Collection<BankEntry> entries);

  /** Removes the entry; false when there was none. */
  boolean remove(BankName bank, BankHash hash);

  Optional<BankEntry> find(BankName bank, BankHash hash);

  /** Every entry of every bank, streamed (for rebuilding the index at start). */
  void forEach(Consumer<BankEntry> sink);

  /** Every entry of one bank, oldest first. */
  void forEach(BankName bank, Consumer<BankEntry> sink);
}
