package io.gardefou.text;

import io.gardefou.model.Category;
import io.gardefou.model.Fact;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.screen.Detector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Detects sexual content, sexual content involving minors and non-consensual sexual imagery in a prompt, and
 * basically violence, hate and self-harm, by normalising it, matching every language's lexicon and combining the
 * concepts found.
 *
 * <p>Every lexicon is matched against every prompt, whatever its language: mixing languages is a common evasion,
 * and the language (from {@link LanguageIdentifier}, else the lexicon that matched most) only labels the result.
 * Immutable and safe to call from many threads.
 */
public final class TextDetector implements Detector {
  /** The lexicons shipped in {@code src/main/resources/lexicon/}; a new language adds its file and its tag here. */
  static final List<String> BUNDLED_LANGUAGES = List.of(
      "en", "fr", "es", "pt", "it", "de", "nl", "id", "ms", "tl", "vi", "tr", "pl", "ru", "ar", "hi", "ja", "ko", "zh");

  public static final String NAME = "text";
  private static final String UNDETERMINED = LanguageIdentifier.UNDETERMINED;
  private static final Set<Category> COVERS = Set.of(
      Category.SEXUAL, Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL,
      Category.VIOLENCE, Category.VIOLENCE_GRAPHIC, Category.HATE, Category.SELF_HARM);

  /**
   * Prompts screened once at creation, one per script family: the first call otherwise pays for loading ICU's
   * normalisation and dictionary data, the break iterators, the confusables table and the language model (40–100 ms
   * measured on an idle machine), which on a loaded host can overrun the screener's deadline.
   */
  private static final List<String> WARM_UP = List.of(
      "remove her jacket, 12 years old", "12歳の女の子の写真", "脱掉她的外套", "옷 벗겨줘", "اخلع سترتها", "сними куртку",
      "n u d e");

  private static final Set<Concept> NEVER_CLAIMED = Set.of(Concept.MINOR, Concept.YOUTH, Concept.AGE);

  private final TextNormalizer normalizer;
  private final List<Lexicon> lexicons;
  private final AgeFinder ages;
  private final LanguageIdentifier languages;

  private TextDetector(TextNormalizer normalizer, List<Lexicon> lexicons, LanguageIdentifier languages) {
    this.normalizer = normalizer;
    this.lexicons = List.copyOf(lexicons);
    this.ages = AgeFinder.of(this.lexicons);
    this.languages = languages;
  }

  /** Loads and checks the bundled lexicons; throws IllegalStateException naming the file and entry at fault. */
  public static TextDetector create() {
    TextNormalizer normalizer = TextNormalizer.create();
    List<Lexicon> lexicons = BUNDLED_LANGUAGES.stream().map(language -> Lexicon.load(language, normalizer)).toList();
    // The primary subtag: a lexicon for "hi-Latn" favours Hindi.
    Set<String> favoured = BUNDLED_LANGUAGES.stream().map(tag -> tag.split("-")[0]).collect(Collectors.toSet());
    TextDetector detector = new TextDetector(normalizer, lexicons, LanguageIdentifier.create(favoured));
    WARM_UP.forEach(prompt -> detector.detect(ScreeningRequest.ofText(Operation.EDIT, prompt)));
    return detector;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Category> covers() {
    return COVERS;
  }

  @Override
  public boolean appliesTo(ScreeningRequest request) {
    return !request.prompt().isBlank();
  }

  @Override
  public Signals detect(ScreeningRequest request) {
    NormalizedText text = normalizer.normalize(request.prompt());
    List<ConceptHit> hits = concepts(text);
    String language = languages.identify(request.prompt()).orElseGet(() -> lexiconVote(hits));
    Signals.Builder signals = Signals.from(NAME).fact(Fact.LANGUAGE, language);
    for (ConceptScorer.Assessment assessment : ConceptScorer.score(hits, request.operation())) {
      signals.score(assessment.category(), assessment.value(), assessment.evidence());
    }
    for (ConceptScorer.Assessment assessment : HarmScorer.score(hits)) {
      signals.score(assessment.category(), assessment.value(), assessment.evidence());
    }
    return signals.build();
  }

  /**
   * Every lexicon's hits and every age, less the hits a SAFE phrase overlaps, less the SAFE phrases, and less the
   * hits inside a longer phrase of another concept ("torse nu" is beachwear, not nudity), except words for minors
   * and ages, which a phrase never hides.
   */
  private List<ConceptHit> concepts(NormalizedText text) {
    List<ConceptHit> all = new ArrayList<>();
    for (Lexicon lexicon : lexicons) {
      all.addAll(lexicon.match(text));
    }
    all.addAll(ages.find(text));
    List<ConceptHit> safe = all.stream().filter(hit -> hit.concept() == Concept.SAFE).toList();
    return all.stream()
        .filter(hit -> hit.concept() != Concept.SAFE && safe.stream().noneMatch(hit::overlaps))
        .filter(hit -> NEVER_CLAIMED.contains(hit.concept()) || all.stream().noneMatch(other -> claims(other, hit)))
        .toList();
  }

  private static boolean claims(ConceptHit phrase, ConceptHit hit) {
    return phrase.concept() != hit.concept() && hit.within(phrase) && phrase.last() - phrase.first() > hit.last() - hit.first();
  }

  /**
   * The language whose lexicon found the most, or {@code und}: the fallback when language identification cannot
   * tell, as on the shortest prompts ("déshabille-la"), where the lexicon that recognised the words is the best clue.
   */
  private static String lexiconVote(List<ConceptHit> hits) {
    Map<String, Integer> counts = new HashMap<>();
    hits.forEach(hit -> counts.merge(hit.language(), 1, Integer::sum));
    String best = UNDETERMINED;
    int bestCount = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
        tie = false;
      } else if (entry.getValue() == bestCount) {
        tie = true;
      }
    }
    return tie ? UNDETERMINED : best;
  }
}
