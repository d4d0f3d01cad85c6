package io.gardefou.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A report as a plain A4 PDF (Apache PDFBox): the title, then each table as lines of {@code column: value},
 * wrapped and paginated. Standard 14 fonts only, so nothing is embedded or fetched; characters outside
 * WinAnsi print as {@code ?}.
 */
final class PdfRendering {
  private static final float MARGIN = 50;
  private static final float SIZE = 9;
  private static final float LEADING = 12;
  private static final int WRAP = 110;

  private PdfRendering() {}

  static byte[] render(Report report) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(report.title(), true));
    lines.add(new Line("", false));
    for (Table table : report.tables()) {
      lines.add(new Line(table.name(), true));
      for (List<String> row : table.rows()) {
        for (int i = 0; i < row.size(); i++) {
          wrap(table.columns().get(i) + ": " + row.get(i), lines);
        }
        lines.add(new Line("", false));
      }
      if (table.rows().isEmpty()) {
        lines.add(new Line("(none)", false));
      }
      lines.add(new Line("", false));
    }
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      float top = PDRectangle.A4.getHeight() - MARGIN;
      int perPage = (int) ((top - MARGIN) / LEADING);
      for (int start = 0; start < lines.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.newLineAtOffset(MARGIN, top);
          for (Line line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
            content.setFont(line.bold() ? bold : regular, SIZE);
            content.showText(winAnsi(line.text()));
            content.newLineAtOffset(0, -LEADING);
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the report as PDF", e);
    }
  }

  private record Line(String text, boolean bold) {}

  private static void wrap(String text, List<Line> lines) {
    String rest = text.replace('\r', ' ').replace('\n', ' ');
    while (rest.length() > WRAP) {
      lines.add(new Line(rest.substring(0, WRAP), false));
      rest = "    " + rest.substring(WRAP);
    }
    lines.add(new Line(rest, false));
  }

  /** Printable Latin-1 stays; anything else becomes '?', which the standard fonts can always show. */
  private static String winAnsi(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
    return out.toString();
  }
}
