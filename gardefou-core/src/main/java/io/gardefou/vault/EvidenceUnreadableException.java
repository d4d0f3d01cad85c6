package io.gardefou.vault;

import io.gardefou.model.DecisionId;

/** A vault entry that exists but cannot be decrypted: sealed under another master key, or tampered with. A fault. */
public final class EvidenceUnreadableException extends RuntimeException {
  private final transient DecisionId decisionId;

  EvidenceUnreadableException(DecisionId decisionId, String why, Throwable cause) {
    super("the evidence of decision " + decisionId + " cannot be read: " + why, cause);
    this.decisionId = decisionId;
  }

  public DecisionId decisionId() {
    return decisionId;
  }
}
