package io.gardefou.ledger;

import java.util.stream.LongStream;

/** The indices a batch received: {@code count} consecutive indices from {@code first}, in batch order. */
public record Appended(long first, int count) {
  public Appended {
    if (first < 0 || count < 0) {
      throw new IllegalArgumentException("first and count must be non-negative, were " + first + ", " + count);
    }
  }

  /** The index of the batch's {@code i}-th entry. */
  public long index(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("entry " + i + " is outside a batch of " + count);
    }
    return first + i;
  }

  /** All the indices, in batch order. */
  public LongStream indices() {
    return LongStream.range(first, first + count);
  }
}
