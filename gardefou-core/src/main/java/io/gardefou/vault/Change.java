package io.gardefou.vault;

/** What became of a hold, release or erasure: done, or why not. A value, since a refusal here is not a fault. */
public enum Change {
  /** Done and recorded. */
  APPLIED,
  /** No entry for that decision: it was not refused, not kept, or the id is wrong. */
  NOT_FOUND,
  /** The entry is under legal hold, which suspends erasure until released. */
  UNDER_HOLD,
  /** The entry was shredded already; nothing is left to hold or erase. */
  SHREDDED
}
