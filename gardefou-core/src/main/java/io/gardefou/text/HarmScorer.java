package io.gardefou.text;

import io.gardefou.model.Category;
import io.gardefou.text.ConceptScorer.Assessment;
import java.util.List;
import java.util.Map;

/**
 * Scores the harms other than sexual ones, basically: violence, graphic violence, hate and self-harm, so that a
 * prompt's OpenAI categories are not always empty. Pure, like {@link ConceptScorer}.
 *
 * <p>Deliberately conservative, since the global policy sends these categories to review: a VIOLENCE word makes
 * violence; a GORE word makes violence/graphic (and violence); a PROTECTED_GROUP with a HOSTILITY or VIOLENCE word
 * makes hate, a group-targeting pattern rather than a slur list, so "a festival of Muslim food" passes; a SELF_HARM
 * word makes self-harm. Intent, instructions, harassment and illicit are not scored: words alone cannot tell them.
 */
final class HarmScorer {
  private static final double VIOLENT = 0.6;
  private static final double GRAPHIC = 0.7;
  private static final double HATEFUL = 0.6;
  private static final double SELF_HARM = 0.6;

  private HarmScorer() {}

  static List<Assessment> score(List<ConceptHit> hits) {
    Map<Concept, List<ConceptHit>> found = ConceptScorer.byConcept(hits);
    List<ConceptHit> violence = ConceptScorer.of(found, Concept.VIOLENCE);
    List<ConceptHit> gore = ConceptScorer.of(found, Concept.GORE);
    List<ConceptHit> group = ConceptScorer.of(found, Concept.PROTECTED_GROUP);
    List<ConceptHit> hostility = ConceptScorer.join(ConceptScorer.of(found, Concept.HOSTILITY), violence);
    List<ConceptHit> selfHarm = ConceptScorer.of(found, Concept.SELF_HARM);
    List<ConceptHit> violent = ConceptScorer.join(violence, gore);
    return List.of(
        when(!violent.isEmpty(), Category.VIOLENCE, gore.isEmpty() ? VIOLENT : GRAPHIC, violent),
        when(!gore.isEmpty(), Category.VIOLENCE_GRAPHIC, GRAPHIC, gore),
        when(!group.isEmpty() && !hostility.isEmpty(), Category.HATE, HATEFUL, ConceptScorer.join(hostility, group)),
        when(!selfHarm.isEmpty(), Category.SELF_HARM, SELF_HARM, selfHarm));
  }

  private static Assessment when(boolean present, Category category, double value, List<ConceptHit> evidence) {
    return present ? ConceptScorer.assess(category, value, evidence) : Assessment.none(category);
  }
}
