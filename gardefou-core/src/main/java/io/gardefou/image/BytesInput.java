package io.gardefou.image;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageInputStream over the image bytes, optionally followed by zeros, that gives up when a reader keeps
 * reading past the end.
 *
 * <p>Why: TwelveMonkeys' WebP lossless bit reader (3.14.0, {@code LSBBitReader}) looks 9 bytes ahead, swallows
 * the EOFException it gets near the end and carries on, one exception per symbol read. A 34-byte truncated VP8L
 * declaring 6000×6000 took 250 s of CPU; a valid one-colour VP8L (its pixels take no bits) took as long. Trailing
 * zeros satisfy the look-ahead of valid files; after {@value #MAX_READS_PAST_END} reads past the end this stream
 * throws an IIOException, which no reader mistakes for a plain end of file.
 */
final class BytesInput extends ImageInputStreamImpl {
  static final int MAX_READS_PAST_END = 65_536;

  private final byte[] data;
  private final long length;
  private int readsPastEnd;

  BytesInput(byte[] data, int trailingZeros) {
    this.data = Objects.requireNonNull(data, "data");
    this.length = (long) data.length + trailingZeros;
  }

  @Override
  public int read() throws IOException {
    if (streamPos >= length) {
      return pastEnd();
    }
    bitOffset = 0;
    int at = (int) streamPos++;
    return at < data.length ? data[at] & 0xff : 0;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    Objects.checkFromIndexSize(offset, count, buffer.length);
    if (count == 0) {
      return 0;
    }
    if (streamPos >= length) {
      return pastEnd();
    }
    int n = (int) Math.min(count, length - streamPos);
    int fromData = (int) Math.max(0, Math.min(n, data.length - streamPos));
    System.arraycopy(data, (int) Math.min(streamPos, data.length), buffer, offset, fromData);
    Arrays.fill(buffer, offset + fromData, offset + n, (byte) 0);
    streamPos += n;
    bitOffset = 0;
    return n;
  }

  @Override
  public long length() {
    return length;
  }

  private int pastEnd() throws IIOException {
    if (++readsPastEnd > MAX_READS_PAST_END) {
      throw new IIOException("the reader read past the end of the data " + MAX_READS_PAST_END + " times");
    }
    return -1;
  }
}
