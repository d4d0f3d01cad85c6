package io.gardefou.image.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf wire-format encodings ONNX needs: varints, fixed32, length-delimited fields and packed
 * repeated int64. Field order is the caller's; protobuf accepts any order (protobuf.dev, "Encoding").
 */
final class ProtoWriter {
  // protobuf.dev "Encoding": wire type 0 = VARINT, 2 = LEN; tag = (field_number << 3) | wire_type.
  private static final int VARINT = 0;
  private static final int LEN = 2;
  private static final int I32 = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter varint(int field, long value) {
    tag(field, VARINT);
    rawVarint(value);
    return this;
  }

  ProtoWriter fixed32(int field, int bits) {
    tag(field, I32);
    for (int shift = 0; shift < 32; shift += 8) {
      out.write(bits >>> shift); // little-endian
    }
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, LEN);
    rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** A packed repeated int64 (proto3 packs repeated scalars by default). */
  ProtoWriter packedInt64(int field, long[] values) {
    ProtoWriter packed = new ProtoWriter();
    for (long value : values) {
      packed.rawVarint(value);
    }
    return bytes(field, packed.toByteArray());
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  // Base-128 varint, least significant group first; negative int64 takes ten bytes (two's complement).
  private void rawVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
