package io.gardefou.gateway;

import io.gardefou.hash.PdqResult;
import io.gardefou.model.DecisionId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Garde-fou's provenance record of one output it let through: which exchange, which verdict under which policy, the
 * output's PDQ hash, and when it was labelled. Embedded in the image as XMP ({@link #xmpPacket()}) next to the IPTC
 * digital source type, and registered so that "was this image made here?" can be answered from a copy.
 */
public record Provenance(
    String requestId, DecisionId decisionId, String policyVersion, PdqResult pdq, Instant labelledAt) {
  /** IPTC NewsCodes Digital Source Type: "created using a model trained on sampled content" (cv.iptc.org). */
  public static final String TRAINED_ALGORITHMIC_MEDIA =
      "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
  public static final String IPTC_EXT_NS = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
  /** Garde-fou's own XMP namespace; versioned so that the record's fields may grow. */
  public static final String GARDEFOU_NS = "https://gardefou.io/ns/provenance/1.0/";

  public Provenance {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(pdq, "pdq");
    labelledAt = Objects.requireNonNull(labelledAt, "labelledAt").truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The XMP packet: IPTC Photo Metadata {@code Iptc4xmpExt:DigitalSourceType} and the record as {@code gardefou:}
   * properties (element form, which every XMP reader parses), in the RDF/XML serialization and packet wrapper of XMP
   * Specification Part 1 §7.
   */
  public String xmpPacket() {
    return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        + "  <rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"" + IPTC_EXT_NS + "\" xmlns:gardefou=\"" + GARDEFOU_NS + "\">\n"
        + "   <Iptc4xmpExt:DigitalSourceType>" + TRAINED_ALGORITHMIC_MEDIA + "</Iptc4xmpExt:DigitalSourceType>\n"
        + "   <gardefou:requestId>" + xml(requestId) + "</gardefou:requestId>\n"
        + "   <gardefou:decisionId>" + decisionId + "</gardefou:decisionId>\n"
        + "   <gardefou:policyVersion>" + xml(policyVersion) + "</gardefou:policyVersion>\n"
        + "   <gardefou:pdq>" + pdq.hash().toHex() + "</gardefou:pdq>\n"
        + "   <gardefou:labelledAt>" + labelledAt + "</gardefou:labelledAt>\n"
        + "  </rdf:Description>\n"
        + " </rdf:RDF>\n"
        + "</x:xmpmeta>\n"
        + "<?xpacket end=\"r\"?>";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
