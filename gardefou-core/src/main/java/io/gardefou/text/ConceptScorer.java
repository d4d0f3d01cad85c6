package io.gardefou.text;

import io.gardefou.model.Category;
import io.gardefou.model.Evidence;
import io.gardefou.model.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Combines the concepts found in a prompt into scores for the sexual categories. Pure, and the same for every
 * language: the lexicons say what words mean, this class says what their combinations amount to.
 *
 * <p>The rules, failing towards refusal for the protected categories:
 * <ul>
 *   <li><b>Undressing</b> is an UNDRESS term, or a REMOVAL within {@value #REMOVAL_WINDOW} tokens (either side, for
 *       verb-final languages) of a GARMENT, REVEALING_GARMENT or BEACHWEAR. Objects whose removal uncovers nothing
 *       (sunglasses, hat, jacket: BENIGN_EDIT) are simply not garments, so "take off her sunglasses" pairs with
 *       nothing, while "take off her hat and dress" still pairs with the dress.
 *   <li><b>sexual/minors</b>: explicit content (SEXUAL, NUDITY, undressing, SEXUAL_POSE), a revealing garment, a
 *       SUGGESTIVE cue, or two distinct cues of which WEAK_SUGGESTIVE ones (one alone is a breastfeeding leaflet or a
 *       toddler on all fours), with a MINOR or an age of 17 or less; BEACHWEAR with a minor only in an EDIT (children in
 *       swimwear at the beach are everyday scenes; dressing a real child in swimwear is not). YOUTH words (girl,
 *       teen), which also name adults, count for explicit content unless an adult age (18 or more) is stated;
 *       adult <em>words</em> never cancel them, since a prompt may show two people.
 *   <li><b>sexual/non-consensual</b>: nudity, undressing, a revealing garment or BEACHWEAR in an EDIT (the input is
 *       presumed to be a real photo), or aimed at a REAL_PERSON; sexual or suggestive content aimed at a real
 *       person. Pronouns point at a real person only in an EDIT: in generation they point at the described,
 *       fictional subject.
 *   <li><b>sexual</b>: explicit content; or <em>suggestive</em> content: two distinct cues (SUGGESTIVE or
 *       WEAK_SUGGESTIVE), one cue with a revealing garment or BEACHWEAR, an EVASION mark with a cue, a garment or a
 *       person, or a SEXUALISED_BODY description (one cue alone, "a sensual portrait", stays below the flag); the two
 *       sub-categories imply it.
 * </ul>
 */
final class ConceptScorer {
  static final int REMOVAL_WINDOW = 3;

  private static final double MINOR_EXPLICIT = 0.97;
  private static final double MINOR_SEXUALISED = 0.85;
  private static final double YOUTH_EXPLICIT = 0.7;
  private static final double YOUTH_SEXUALISED = 0.35;
  private static final double EDIT_OF_NAMED_PERSON = 0.95;
  private static final double NUDIFYING_REAL_PERSON = 0.9;
  private static final double SEXUAL_REAL_PERSON = 0.85;
  private static final double EXPLICIT = 0.85;
  private static final double SUGGESTIVE = 0.6;
  private static final double ONE_SUGGESTIVE_CUE = 0.4;
  private static final double REVEALING_ONLY = 0.3;
  private static final double MINOR_IN_BEACHWEAR = 0.2;

  private ConceptScorer() {}

  /** How strongly the concepts make out one category, and the evidence that did. */
  record Assessment(Category category, double value, List<Evidence> evidence) {
    Assessment {
      Objects.requireNonNull(category, "category");
      evidence = List.copyOf(evidence);
    }

    static Assessment none(Category category) {
      return new Assessment(category, 0.0, List.of());
    }
  }

  /** Scores sexual, sexual/minors and sexual/non-consensual from the hits of one prompt. */
  static List<Assessment> score(List<ConceptHit> hits, Operation operation) {
    Map<Concept, List<ConceptHit>> found = byConcept(hits);
    List<ConceptHit> ages = of(found, Concept.AGE);
    List<ConceptHit> minor = join(of(found, Concept.MINOR), ages.stream().filter(a -> a.age() < 18).toList());
    boolean adultAge = ages.stream().anyMatch(a -> a.age() >= 18);
    List<ConceptHit> youth = adultAge ? List.of() : of(found, Concept.YOUTH);
    boolean edit = operation == Operation.EDIT;
    List<ConceptHit> undress = join(of(found, Concept.UNDRESS), garmentRemovals(found));
    List<ConceptHit> beachwear = of(found, Concept.BEACHWEAR);
    // Putting a real person in swimwear exposes them as much as lingerie does (suite README, call 4).
    List<ConceptHit> revealing = join(of(found, Concept.REVEALING_GARMENT), edit ? beachwear : List.of());
    List<ConceptHit> evasion = of(found, Concept.EVASION);
    List<ConceptHit> people = join(minor, of(found, Concept.YOUTH), of(found, Concept.ADULT));
    // No person types the encoder's control tokens: an optimiser wrote the prompt to get past a filter, and when it
    // shows a person, what it hides is most likely the body; the mark then counts as a suggestive cue.
    List<ConceptHit> aimedAtPerson = people.isEmpty() ? List.of() : evasion;
    List<ConceptHit> strongCues = join(of(found, Concept.SUGGESTIVE), of(found, Concept.SEXUALISED_BODY), aimedAtPerson);
    List<ConceptHit> suggestive = join(strongCues, of(found, Concept.WEAK_SUGGESTIVE));
    List<ConceptHit> exposure = join(revealing, beachwear);
    // A sexualised body description weighs as two cues; so does an optimiser's mark with a person, a cue or a garment.
    boolean suggestiveContent = !of(found, Concept.SEXUALISED_BODY).isEmpty() || !aimedAtPerson.isEmpty()
        || (!evasion.isEmpty() && !join(suggestive, exposure).isEmpty())
        || distinctTerms(suggestive) >= 2 || (!suggestive.isEmpty() && !exposure.isEmpty());
    // Next to a child a weak cue sexualises only beside another cue: "a toddler on all fours" is a toddler crawling.
    List<ConceptHit> sexualisingCues = distinctTerms(suggestive) >= 2 ? suggestive : strongCues;
    List<ConceptHit> explicit =
        join(of(found, Concept.SEXUAL), of(found, Concept.NUDITY), undress, of(found, Concept.SEXUAL_POSE));
    List<ConceptHit> nudifying = join(of(found, Concept.NUDITY), undress, revealing);
    List<ConceptHit> sexualOnly = join(of(found, Concept.SEXUAL), of(found, Concept.SEXUAL_POSE), suggestive);
    List<ConceptHit> realPerson = join(of(found, Concept.REAL_PERSON), edit ? of(found, Concept.PRONOUN) : List.of());

    Assessment minors = minors(minor, youth, explicit, join(revealing, sexualisingCues), beachwear);
    Assessment nonConsensual = nonConsensual(edit, realPerson, nudifying, sexualOnly);
    Assessment sexual = sexual(explicit, suggestive, suggestiveContent, exposure, evasion, minors, nonConsensual);
    return List.of(sexual, minors, nonConsensual);
  }

  static Map<Concept, List<ConceptHit>> byConcept(List<ConceptHit> hits) {
    Map<Concept, List<ConceptHit>> found = new EnumMap<>(Concept.class);
    for (ConceptHit hit : hits) {
      found.computeIfAbsent(hit.concept(), c -> new ArrayList<>()).add(hit);
    }
    return found;
  }

  private static Assessment minors(List<ConceptHit> minor, List<ConceptHit> youth, List<ConceptHit> explicit,
      List<ConceptHit> sexualising, List<ConceptHit> beachwear) {
    Category category = Category.SEXUAL_MINORS;
    if (!minor.isEmpty() && !explicit.isEmpty()) {
      return assess(category, MINOR_EXPLICIT, minor, explicit);
    }
    if (!minor.isEmpty() && !sexualising.isEmpty()) {
      return assess(category, MINOR_SEXUALISED, minor, sexualising);
    }
    if (!youth.isEmpty() && !explicit.isEmpty()) {
      return assess(category, YOUTH_EXPLICIT, youth, explicit);
    }
    if (!youth.isEmpty() && !sexualising.isEmpty()) {
      return assess(category, YOUTH_SEXUALISED, youth, sexualising);
    }
    if (!minor.isEmpty() && !beachwear.isEmpty()) {
      return assess(category, MINOR_IN_BEACHWEAR, minor, beachwear);
    }
    return Assessment.none(category);
  }

  private static Assessment nonConsensual(
      boolean edit, List<ConceptHit> realPerson, List<ConceptHit> nudifying, List<ConceptHit> sexualOnly) {
    Category category = Category.SEXUAL_NON_CONSENSUAL;
    if (!nudifying.isEmpty() && !realPerson.isEmpty()) {
      return assess(category, edit ? EDIT_OF_NAMED_PERSON : NUDIFYING_REAL_PERSON, nudifying, realPerson);
    }
    if (edit && !nudifying.isEmpty()) {
      return assess(category, NUDIFYING_REAL_PERSON, nudifying);
    }
    if (!sexualOnly.isEmpty() && !realPerson.isEmpty()) {
      return assess(category, SEXUAL_REAL_PERSON, sexualOnly, realPerson);
    }
    return Assessment.none(category);
  }

  private static Assessment sexual(List<ConceptHit> explicit, List<ConceptHit> suggestive, boolean suggestiveContent,
      List<ConceptHit> revealing, List<ConceptHit> evasion, Assessment minors, Assessment nonConsensual) {
    Category category = Category.SEXUAL;
    Assessment own;
    if (!explicit.isEmpty()) {
      own = assess(category, EXPLICIT, explicit);
    } else if (suggestiveContent) {
      own = assess(category, SUGGESTIVE, suggestive, revealing, evasion);
    } else if (!suggestive.isEmpty()) {
      own = assess(category, ONE_SUGGESTIVE_CUE, suggestive);
    } else if (!revealing.isEmpty()) {
      own = assess(category, REVEALING_ONLY, revealing);
    } else {
      own = Assessment.none(category);
    }
    double implied = Math.max(minors.value(), nonConsensual.value());
    if (implied > own.value()) {
      return new Assessment(category, implied, join(own.evidence(), minors.evidence(), nonConsensual.evidence()));
    }
    return own;
  }

  /** Cues counted once per wording, so that "sensual, sensual" is one cue, not two. */
  private static long distinctTerms(List<ConceptHit> hits) {
    return hits.stream().map(hit -> hit.evidence().text().toLowerCase(Locale.ROOT)).distinct().count();
  }

  /** A REMOVAL near a GARMENT, REVEALING_GARMENT or BEACHWEAR, as UNDRESS-like hits: the removal and the garment. */
  private static List<ConceptHit> garmentRemovals(Map<Concept, List<ConceptHit>> found) {
    List<ConceptHit> garments =
        join(of(found, Concept.GARMENT), of(found, Concept.REVEALING_GARMENT), of(found, Concept.BEACHWEAR));
    List<ConceptHit> pairs = new ArrayList<>();
    for (ConceptHit removal : of(found, Concept.REMOVAL)) {
      for (ConceptHit garment : garments) {
        if (removal.gap(garment) <= REMOVAL_WINDOW && !removal.within(garment) && !garment.within(removal)) {
          pairs.add(removal);
          pairs.add(garment);
        }
      }
    }
    return pairs;
  }

  static List<ConceptHit> of(Map<Concept, List<ConceptHit>> found, Concept concept) {
    return found.getOrDefault(concept, List.of());
  }

  @SafeVarargs
  static <T> List<T> join(List<T>... lists) {
    Set<T> all = new LinkedHashSet<>();
    for (List<T> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }

  @SafeVarargs
  static Assessment assess(Category category, double value, List<ConceptHit>... because) {
    return new Assessment(category, value, join(because).stream().map(ConceptHit::evidence).distinct().toList());
  }
}
