package io.gardefou.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.xmp.XMPReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * XMP goes into PNG, JPEG and WebP without touching pixels, and other readers (ImageIO, TwelveMonkeys) find it.
 */
class XmpPacketsTest {
  private static final String PACKET = """
      <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
      <Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>
      </rdf:Description>
      </rdf:RDF></x:xmpmeta>
      <?xpacket end="r"?>""";
  private static final String DIGITAL_SOURCE_TYPE = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/DigitalSourceType";
  private static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
  /** 1×1 WebP files, lossless (VP8L), lossy (VP8) and extended with alpha (VP8X), as used by Modernizr's webp test. */
  private static final String WEBP_LOSSLESS = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
  private static final String WEBP_LOSSY = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";
  private static final String WEBP_ALPHA = "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==";

  @Test
  void embedsXmpInPngAsAnITxtChunkImageIoReadsWithThePixelsUnchanged() throws IOException {
    byte[] png = encode(picture(), "png");

    byte[] labelled = XmpPackets.embed(png, PACKET);

    assertThat(XmpPackets.read(labelled)).contains(PACKET);
    assertThat(pngTexts(labelled)).containsEntry(XmpPackets.PNG_KEYWORD, PACKET);
    assertThat(xmp(PACKET.getBytes(StandardCharsets.UTF_8))).containsEntry(DIGITAL_SOURCE_TYPE, TRAINED);
    assertThat(pixels(labelled)).isEqualTo(pixels(png));
    assertThat(labelled.length - png.length).isEqualTo(12 + XmpPackets.PNG_KEYWORD.length() + 5
        + PACKET.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void replacesThePacketAPngAlreadyHas() throws IOException {
    byte[] once = XmpPackets.embed(encode(picture(), "png"), PACKET.replace("trainedAlgorithmicMedia", "digitalCapture"));

    byte[] twice = XmpPackets.embed(once, PACKET);

    assertThat(XmpPackets.read(twice)).contains(PACKET);
    assertThat(twice.length).isEqualTo(once.length + "trainedAlgorithmicMedia".length() - "digitalCapture".length());
  }

  @Test
  void refusesAPngWhoseChunkFailsItsCrc() throws IOException {
    byte[] png = encode(picture(), "png");
    png[20] ^= 1; // inside IHDR's data

    assertThatThrownBy(() -> XmpPackets.embed(png, PACKET))
        .isInstanceOfSatisfying(ImageError.class, e -> assertThat(e.kind()).isEqualTo(ImageError.Kind.CORRUPT))
        .hasMessageContaining("CRC");
  }

  @Test
  void embedsXmpInJpegAsAnApp1SegmentAfterJfifWithTheScanCopiedAsIs() throws IOException {
    byte[] jpeg = encode(picture(), "jpeg");

    byte[] labelled = XmpPackets.embed(jpeg, PACKET);

    assertThat(XmpPackets.read(labelled)).contains(PACKET);
    List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(stream(labelled), JPEGSegmentUtil.ALL_SEGMENTS);
    assertThat(segments.get(0).marker()).isEqualTo(JPEG.APP0);
    assertThat(segments.get(1).marker()).isEqualTo(JPEG.APP1);
    assertThat(segments.get(1).identifier()).isEqualTo("http://ns.adobe.com/xap/1.0/");
    assertThat(xmp(segments.get(1).data().readAllBytes())).containsEntry(DIGITAL_SOURCE_TYPE, TRAINED);
    assertThat(pixels(labelled)).isEqualTo(pixels(jpeg));
    // Everything from the start of scan on is the original's, byte for byte.
    assertThat(tail(labelled, sos(labelled))).isEqualTo(tail(jpeg, sos(jpeg)));
  }

  @Test
  void refusesAPacketTooLargeForOneJpegSegment() throws IOException {
    byte[] jpeg = encode(picture(), "jpeg");

    assertThatThrownBy(() -> XmpPackets.embed(jpeg, "x".repeat(70_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Extended XMP");
  }

  @Test
  void turnsASimpleWebpIntoAnExtendedOneCarryingXmp() throws IOException {
    for (String file : List.of(WEBP_LOSSLESS, WEBP_LOSSY)) {
      byte[] webp = Base64.getDecoder().decode(file);

      byte[] labelled = XmpPackets.embed(webp, PACKET);

      assertThat(new String(labelled, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
      assertThat(labelled[20] & 0x04).as("VP8X XMP flag").isEqualTo(0x04);
      assertThat(littleEndianInt(labelled, 4)).as("RIFF size").isEqualTo(labelled.length - 8);
      assertThat(XmpPackets.read(labelled)).contains(PACKET);
      assertThat(pixels(labelled)).isEqualTo(pixels(webp));
    }
  }

  @Test
  void setsTheXmpFlagOfAnExtendedWebpAndKeepsItsAlpha() throws IOException {
    byte[] webp = Base64.getDecoder().decode(WEBP_ALPHA);

    byte[] labelled = XmpPackets.embed(webp, PACKET);

    assertThat(labelled[20] & 0xff).isEqualTo((webp[20] & 0xff) | 0x04);
    assertThat(XmpPackets.read(labelled)).contains(PACKET);
    assertThat(pixels(labelled)).isEqualTo(pixels(webp));
  }

  @Test
  void refusesFormatsWithoutAPlaceForXmp() throws IOException {
    byte[] gif = encode(picture(), "gif");

    assertThatThrownBy(() -> XmpPackets.embed(gif, PACKET))
        .isInstanceOfSatisfying(ImageError.class,
            e -> assertThat(e.kind()).isEqualTo(ImageError.Kind.UNSUPPORTED_FORMAT));
  }

  @Test
  void readsNothingFromAnImageWithoutXmp() throws IOException {
    assertThat(XmpPackets.read(encode(picture(), "png"))).isEmpty();
    assertThat(XmpPackets.read(encode(picture(), "jpeg"))).isEmpty();
    assertThat(XmpPackets.read(Base64.getDecoder().decode(WEBP_LOSSY))).isEmpty();
  }

  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 90, 160));
    g.fillRect(0, 0, 48, 32);
    g.setColor(new Color(230, 200, 40));
    g.fillOval(8, 4, 24, 24);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  private static int[] pixels(byte[] encoded) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static ImageInputStream stream(byte[] bytes) throws IOException {
    return ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
  }

  /** The iTXt keyword → text pairs ImageIO's PNG reader finds. */
  private static Map<String, String> pngTexts(byte[] png) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    try (ImageInputStream in = stream(png)) {
      reader.setInput(in);
      IIOMetadata metadata = reader.getImageMetadata(0);
      Node root = metadata.getAsTree(metadata.getNativeMetadataFormatName());
      Map<String, String> texts = new HashMap<>();
      for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeName().equals("iTXt")) {
          for (Node entry = child.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            texts.put(attribute(entry, "keyword"), attribute(entry, "text"));
          }
        }
      }
      return texts;
    } finally {
      reader.dispose();
    }
  }

  private static String attribute(Node node, String name) {
    return node.getAttributes().getNamedItem(name).getNodeValue();
  }

  /** The packet's properties as TwelveMonkeys' XMP reader parses them, namespace + name → value. */
  private static Map<String, String> xmp(byte[] packet) throws IOException {
    Directory directory = new XMPReader().read(stream(packet));
    Map<String, String> properties = new HashMap<>();
    collect(directory, properties);
    return properties;
  }

  private static void collect(Iterable<Entry> entries, Map<String, String> into) {
    for (Entry entry : entries) {
      if (entry.getValue() instanceof Directory nested) {
        collect(nested, into);
      } else {
        into.put(String.valueOf(entry.getIdentifier()), entry.getValueAsString());
      }
    }
  }

  private static int sos(byte[] jpeg) {
    for (int i = 2; i < jpeg.length - 1; i++) {
      if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xDA) {
        return i;
      }
    }
    throw new AssertionError("no SOS");
  }

  private static byte[] tail(byte[] bytes, int from) {
    return java.util.Arrays.copyOfRange(bytes, from, bytes.length);
  }

  private static int littleEndianInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
  }
}
