package io.gardefou.server.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Take-down deadlines by jurisdiction and category, counted from the report. Facts and sources:
 * /work/shared/research/jurisdictions.md (takedown deadline rows); docs/design/console.md repeats them.
 */
final class LegalClocks {
  /** One deadline and the law that sets it. */
  record Clock(String jurisdiction, String category, Duration deadline, String law, String source) {}

  static final List<Clock> TABLE = List.of(
      new Clock("US", "ncii", Duration.ofHours(48), "TAKE IT DOWN Act: remove within 48 h of a valid request",
          "https://www.aipolicydesk.com/blog/take-it-down-act-enforcement-date-platforms-2026"),
      new Clock("GB", "ncii", Duration.ofHours(48), "Online Safety Act s.10(3A) (Crime and Policing Act 2026): no later than 48 h",
          "https://www.gov.uk/government/publications/crime-and-policing-bill-2025-delegated-powers-supplementary-memoranda/delegated-powers-memorandum-20-march-2026"),
      new Clock("IN", "ncii", Duration.ofHours(2), "IT (Intermediary Guidelines) Amendment Rules 2026: 2 h for nudity, sexual content, NCII",
          "https://www.shankariasparliament.com/current-affairs/prelim-bits-6/information-technology-intermediary-guidelines-and-digital-media-ethics-code-amendment-rules-2026"),
      new Clock("IN", "csam", Duration.ofHours(2), "IT (Intermediary Guidelines) Amendment Rules 2026: 2 h for sexual content",
          "https://www.shankariasparliament.com/current-affairs/prelim-bits-6/information-technology-intermediary-guidelines-and-digital-media-ethics-code-amendment-rules-2026"),
      new Clock("ID", "csam", Duration.ofHours(4), "Permenkominfo 5/2020 art. 14: 4 h for urgent content (child pornography)",
          "https://fajar.co.id/2025/02/03/meutya-hafid-tegaskan-platform-digital-harus-hapus-konten-negatif-dalam-4-jam-sanksi-berat-menanti"),
      new Clock("ID", "ncii", Duration.ofHours(24), "Permenkominfo 5/2020 art. 14: 24 h for other prohibited content",
          "https://fajar.co.id/2025/02/03/meutya-hafid-tegaskan-platform-digital-harus-hapus-konten-negatif-dalam-4-jam-sanksi-berat-menanti"),
      new Clock("AU", "ncii", Duration.ofHours(24), "Online Safety Act 2021 s.77 removal notice: 24 h",
          "http://www.austlii.edu.au/au/legis/cth/consol_act/osa2021154/s77.html"),
      new Clock("FR", "csam", Duration.ofHours(24), "LCEN art. 6-1: 24 h after an OFAC removal request",
          "https://www.mondaq.com/france/data-protection/1613884/renforcement-de-la-lutte-contre-les-contenus-illicites-mode-demploi"));

  /** Where no law sets hours (or none is known), the console still keeps a clock: 24 h by default. */
  static final Duration FALLBACK = Duration.ofHours(24);

  private LegalClocks() {}

  static Optional<Clock> of(String jurisdiction, String category) {
    return TABLE.stream().filter(c -> c.jurisdiction().equals(jurisdiction) && c.category().equals(category)).findFirst();
  }

  static Duration deadline(String jurisdiction, String category) {
    return of(jurisdiction, category).map(Clock::deadline).orElse(FALLBACK);
  }
}
