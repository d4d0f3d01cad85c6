package io.gardefou.image.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being built, serialised as a {@code ModelProto} (IR version 8, default-domain opset 13). Field
 * numbers are those of onnx/onnx.proto; only the fields the converter writes are here.
 */
public final class OnnxGraph {
  static final long IR_VERSION = 8;
  static final long OPSET = 13;
  // onnx.proto TensorProto.DataType
  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final String name;

  public OnnxGraph(String name) {
    this.name = name;
  }

  /** A float32 graph input or output; a dimension below 1 is symbolic (the batch, named {@code N}). */
  public OnnxGraph input(String tensor, long... dims) {
    inputs.add(valueInfo(tensor, dims));
    return this;
  }

  public OnnxGraph output(String tensor, long... dims) {
    outputs.add(valueInfo(tensor, dims));
    return this;
  }

  /** A float32 constant; values in row-major order. */
  public OnnxGraph initializer(String tensor, float[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    initializers.add(tensor(tensor, FLOAT, raw.array(), dims));
    return this;
  }

  public OnnxGraph initializer(String tensor, long[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    initializers.add(tensor(tensor, INT64, raw.array(), dims));
    return this;
  }

  /** Adds a node of the default domain; returns it so attributes can be set. */
  public Node node(String opType, String nodeName, List<String> in, String out) {
    Node node = new Node(opType, nodeName, in, out);
    nodes.add(node.proto);
    return node;
  }

  /** The serialised ModelProto. */
  public byte[] toModelProto() {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(node -> graph.message(1, node)); // GraphProto.node = 1
    graph.string(2, name); // GraphProto.name = 2
    initializers.forEach(init -> graph.message(5, init)); // GraphProto.initializer = 5
    inputs.forEach(in -> graph.message(11, in)); // GraphProto.input = 11
    outputs.forEach(out -> graph.message(12, out)); // GraphProto.output = 12
    return new ProtoWriter()
        .varint(1, IR_VERSION) // ModelProto.ir_version = 1
        .string(2, "gardefou") // ModelProto.producer_name = 2
        .message(7, graph) // ModelProto.graph = 7
        .message(8, new ProtoWriter().string(1, "").varint(2, OPSET)) // opset_import = 8: domain 1, version 2
        .toByteArray();
  }

  private static ProtoWriter tensor(String tensorName, int dataType, byte[] raw, long[] dims) {
    return new ProtoWriter()
        .packedInt64(1, dims) // TensorProto.dims = 1
        .varint(2, dataType) // TensorProto.data_type = 2
        .string(8, tensorName) // TensorProto.name = 8
        .bytes(9, raw); // TensorProto.raw_data = 9, little-endian
  }

  private static ProtoWriter valueInfo(String tensorName, long[] dims) {
    ProtoWriter shape = new ProtoWriter();
    for (long dim : dims) {
      // TensorShapeProto.dim = 1; Dimension.dim_value = 1, dim_param = 2
      shape.message(1, dim > 0 ? new ProtoWriter().varint(1, dim) : new ProtoWriter().string(2, "N"));
    }
    ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape); // elem_type = 1, shape = 2
    return new ProtoWriter()
        .string(1, tensorName) // ValueInfoProto.name = 1
        .message(2, new ProtoWriter().message(1, tensorType)); // type = 2; TypeProto.tensor_type = 1
  }

  /** A node under construction; attributes follow onnx.proto AttributeProto. */
  public static final class Node {
    // AttributeProto.AttributeType
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final ProtoWriter proto = new ProtoWriter();

    private Node(String opType, String nodeName, List<String> in, String out) {
      in.forEach(input -> proto.string(1, input)); // NodeProto.input = 1
      proto.string(2, out).string(3, nodeName).string(4, opType); // output = 2, name = 3, op_type = 4
    }

    public Node floatAttr(String attrName, float value) {
      // AttributeProto: name = 1, f = 2 (a float is wire type I32, 4 little-endian bytes), type = 20.
      ProtoWriter attr = new ProtoWriter().string(1, attrName).fixed32(2, Float.floatToIntBits(value));
      proto.message(5, attr.varint(20, ATTR_FLOAT)); // NodeProto.attribute = 5
      return this;
    }

    public Node intAttr(String attrName, long value) {
      proto.message(5, new ProtoWriter().string(1, attrName).varint(3, value).varint(20, ATTR_INT)); // i = 3
      return this;
    }

    public Node intsAttr(String attrName, long... values) {
      proto.message(5, new ProtoWriter().string(1, attrName).packedInt64(8, values).varint(20, ATTR_INTS)); // ints = 8
      return this;
    }
  }
}
