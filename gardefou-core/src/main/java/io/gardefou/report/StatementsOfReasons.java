package io.gardefou.report;

import static io.gardefou.report.Trees.object;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statements of reasons (DSA Art. 17) for the period's REFUSE and REVIEW decisions, one per decision, in the
 * field structure of the EU DSA Transparency Database's statement API ({@code POST /api/v1/statement}: field
 * names and enumerated values as its API documentation lists them; docs/design/reports.md maps each field).
 * They hold no personal data: the PUID is the decision id, and no actor appears.
 */
public record StatementsOfReasons(Period period, Optional<String> jurisdiction, List<SortedMap<String, Object>> statements)
    implements Report {

  /** The 27 member states, the territorial scope of a decision under the {@code EU} pack. */
  static final List<String> EU_MEMBER_STATES = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
      "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  /** Our categories to the database's {@code STATEMENT_CATEGORY_*}, in the order that picks the main one. */
  private static final Map<String, String> CATEGORIES = orderedCategories();

  /** The columns of the CSV and HTML table, in the API documentation's order. */
  static final List<String> FIELDS = List.of("puid", "decision_visibility", "decision_visibility_other",
      "decision_ground", "illegal_content_legal_ground", "illegal_content_explanation", "incompatible_content_ground",
      "incompatible_content_explanation", "content_type", "category", "category_addition", "territorial_scope",
      "content_language", "content_date", "application_date", "decision_facts", "source_type", "automated_detection",
      "automated_decision");

  public StatementsOfReasons {
    statements = statements.stream().map(s -> (SortedMap<String, Object>) new TreeMap<>(s)).toList();
  }

  public static StatementsOfReasons of(Period period, Optional<String> jurisdiction, List<ReportedDecision> decisions) {
    List<SortedMap<String, Object>> statements = new ArrayList<>();
    for (ReportedDecision decision : decisions) {
      if (decision.restrictive()) {
        statements.add(statement(decision));
      }
    }
    return new StatementsOfReasons(period, jurisdiction, statements);
  }

  /** One decision's statement. */
  static SortedMap<String, Object> statement(ReportedDecision decision) {
    boolean refused = decision.decision().equals("REFUSE");
    boolean illegal = decision.categories().contains("sexual/minors")
        || decision.categories().contains("sexual/non-consensual")
        || decision.obligations().stream().anyMatch(ReportedObligation::isReport);
    String basis = decision.legalBasis().isEmpty() ? "operator terms of service" : String.join("; ", decision.legalBasis());
    String explanation = "Automated screening of a " + decision.operation() + " request found "
        + (decision.categories().isEmpty() ? "no category; a policy pre-check applied" : String.join(", ", decision.categories()))
        + ". Rules: " + String.join(", ", decision.rules()) + ". Policy " + decision.policyVersion() + ".";
    TreeMap<String, Object> statement = object(
        "puid", decision.decisionId(),
        // Refused content never reaches the recipient: access to it is disabled; a hold awaits a person.
        "decision_visibility", List.of(refused ? "DECISION_VISIBILITY_CONTENT_DISABLED" : "DECISION_VISIBILITY_OTHER"),
        "decision_ground", illegal ? "DECISION_GROUND_ILLEGAL_CONTENT" : "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "content_type", contentTypes(decision),
        "category", mainCategory(decision),
        "territorial_scope", territorialScope(decision.jurisdiction()),
        "content_date", decision.decidedAt().toString().substring(0, 10),
        "application_date", decision.decidedAt().toString().substring(0, 10),
        "decision_facts", limit(explanation, 5000),
        "source_type", "SOURCE_VOLUNTARY",
        "automated_detection", "Yes",
        "automated_decision", refused ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_PARTIALLY");
    if (!refused) {
      statement.put("decision_visibility_other", "Withheld pending human review");
    }
    if (illegal) {
      statement.put("illegal_content_legal_ground", limit(basis, 500));
      statement.put("illegal_content_explanation", limit(explanation, 2000));
    } else {
      statement.put("incompatible_content_ground", limit(basis, 500));
      statement.put("incompatible_content_explanation", limit(explanation, 2000));
    }
    List<String> additions = additionalCategories(decision);
    if (!additions.isEmpty()) {
      statement.put("category_addition", additions);
    }
    decision.language().ifPresent(language -> statement.put("content_language", language.toUpperCase(Locale.ROOT)));
    return statement;
  }

  private static List<String> contentTypes(ReportedDecision decision) {
    Set<String> types = new LinkedHashSet<>();
    if (decision.operation().equals("output")) {
      types.add("CONTENT_TYPE_IMAGE");
      types.add("CONTENT_TYPE_SYNTHETIC_MEDIA");
    } else {
      types.add("CONTENT_TYPE_TEXT");
      if (!decision.imageSha256s().isEmpty()) {
        types.add("CONTENT_TYPE_IMAGE");
      }
    }
    return types.stream().sorted().toList();
  }

  private static String mainCategory(ReportedDecision decision) {
    for (Map.Entry<String, String> mapping : CATEGORIES.entrySet()) {
      if (decision.categories().stream().anyMatch(c -> c.equals(mapping.getKey()) || c.startsWith(mapping.getKey() + "/"))) {
        return mapping.getValue();
      }
    }
    return "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE";
  }

  private static List<String> additionalCategories(ReportedDecision decision) {
    String main = mainCategory(decision);
    Set<String> more = new java.util.TreeSet<>();
    for (String category : decision.categories()) {
      for (Map.Entry<String, String> mapping : CATEGORIES.entrySet()) {
        if (category.equals(mapping.getKey()) || category.startsWith(mapping.getKey() + "/")) {
          more.add(mapping.getValue());
          break;
        }
      }
    }
    more.remove(main);
    return List.copyOf(more);
  }

  static List<String> territorialScope(String jurisdiction) {
    if (jurisdiction.equals("EU")) {
      return EU_MEMBER_STATES;
    }
    String country = jurisdiction.contains("-") ? jurisdiction.substring(0, jurisdiction.indexOf('-')) : jurisdiction;
    return List.of(country);
  }

  private static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Map<String, String> orderedCategories() {
    Map<String, String> categories = new java.util.LinkedHashMap<>();
    categories.put("sexual/minors", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS");
    categories.put("sexual/non-consensual", "STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR");
    categories.put("sexual", "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT");
    categories.put("violence", "STATEMENT_CATEGORY_VIOLENCE");
    categories.put("self-harm", "STATEMENT_CATEGORY_SELF_HARM");
    categories.put("hate", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
    categories.put("harassment", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
    categories.put("illicit", "STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS");
    return categories;
  }

  @Override
  public String kind() {
    return "statements";
  }

  @Override
  public String title() {
    return "Statements of reasons " + Trees.instant(period.from()) + " to " + Trees.instant(period.to())
        + " (" + jurisdiction.orElse("all jurisdictions") + ")";
  }

  @Override
  public SortedMap<String, Object> tree() {
    return object(
        "kind", kind(),
        "period", object("from", Trees.instant(period.from()), "to", Trees.instant(period.to())),
        "jurisdiction", Trees.orNull(jurisdiction),
        "statements", List.copyOf(statements));
  }

  @Override
  public List<Table> tables() {
    List<List<String>> rows = statements.stream()
        .map(statement -> FIELDS.stream().map(field -> Trees.text(statement.get(field))).toList())
        .toList();
    return List.of(new Table("statements", FIELDS, rows));
  }
}
