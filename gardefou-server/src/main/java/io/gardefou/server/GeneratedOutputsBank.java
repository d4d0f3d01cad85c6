package io.gardefou.server;

import io.gardefou.bank.BankName;
import io.gardefou.bank.HashBanks;
import io.gardefou.gateway.OutputRegistry;
import io.gardefou.gateway.Provenance;

/**
 * Registers every output the gateway lets through in the {@code generated-outputs} hash bank, labelled with the
 * decision that allowed it, so that a take-down can ask "was this image made here?" of any copy.
 */
final class GeneratedOutputsBank implements OutputRegistry {
  private final HashBanks banks;

  GeneratedOutputsBank(HashBanks banks) {
    this.banks = banks;
  }

  @Override
  public void register(Provenance provenance) {
    // A flat, low-quality output is not added (HashBanks refuses it): it would match unrelated images.
    banks.add(BankName.GENERATED_OUTPUTS, provenance.pdq(), provenance.decisionId().toString());
  }
}
