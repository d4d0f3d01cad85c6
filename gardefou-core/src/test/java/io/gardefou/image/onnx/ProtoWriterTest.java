package io.gardefou.image.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers from the protobuf encoding guide (protobuf.dev/programming-guides/encoding). */
class ProtoWriterTest {
  private static String hex(ProtoWriter writer) {
    return HexFormat.of().formatHex(writer.toByteArray());
  }

  @Test
  void varintFieldIsTheGuidesFirstExample() {
    // "message Test1 { int32 a = 1; }" with a = 150 -> 08 96 01
    assertThat(hex(new ProtoWriter().varint(1, 150))).isEqualTo("089601");
  }

  @Test
  void stringFieldIsLengthDelimited() {
    // "message Test2 { string b = 2; }" with b = "testing" -> 12 07 74 65 73 74 69 6e 67
    assertThat(hex(new ProtoWriter().string(2, "testing"))).isEqualTo("120774657374696e67");
  }

  @Test
  void repeatedInt64IsPacked() {
    // "message Test5 { repeated int32 f = 6 [packed=true]; }" with 3, 270, 86942 -> 32 06 03 8e 02 9e a7 05
    assertThat(hex(new ProtoWriter().packedInt64(6, new long[] {3, 270, 86942}))).isEqualTo("3206038e029ea705");
  }

  @Test
  void negativeVarintTakesTenBytes() {
    // int64 -1 is two's complement: nine 0xff-continued groups and a final 0x01.
    assertThat(hex(new ProtoWriter().varint(1, -1))).isEqualTo("08ffffffffffffffffff01");
  }

  @Test
  void fixed32IsLittleEndian() {
    // 1.0f = 0x3f800000, wire type 5 under field 2 -> 15 00 00 80 3f
    assertThat(hex(new ProtoWriter().fixed32(2, Float.floatToIntBits(1f)))).isEqualTo("150000803f");
  }

  @Test
  void tinyModelProtoHasTheExpectedBytes() {
    // One Relu node "r": x -> y, both [N, 2]. Expected bytes derived by hand from onnx/onnx.proto field numbers.
    OnnxGraph graph = new OnnxGraph("g").input("x", 0, 2).output("y", 0, 2);
    graph.node("Relu", "r", List.of("x"), "y");
    String node = "0a0178" + "120179" + "1a0172" + "220452656c75"; // input, output, name, op_type
    // ValueInfoProto{name, type{tensor_type{elem_type FLOAT, shape{dim{dim_param "N"}, dim{dim_value 2}}}}}
    String valueInfoX = "0a0178" + "120f" + "0a0d" + "0801" + "1209" + "0a03" + "12014e" + "0a02" + "0802";
    String valueInfoY = "0a0179" + valueInfoX.substring(6);
    String graphBytes = "0a0f" + node + "120167" + "5a14" + valueInfoX + "6214" + valueInfoY;
    String expected = "0808" // ir_version 8
        + "1208" + "6761726465666f75" // producer_name "gardefou"
        + "3a40" + graphBytes // graph, 64 bytes
        + "4204" + "0a00" + "100d"; // opset_import {domain "", version 13}
    assertThat(HexFormat.of().formatHex(graph.toModelProto())).isEqualTo(expected);
  }
}
