package io.gardefou.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Names the language of a prompt as an ISO 639-1 code, with Apache OpenNLP's {@code langdetect-183} model
 * (103 languages, character n-grams), or declines when the prompt is too short or the guess too close to call.
 *
 * <p>The rule, measured on the red-team suite and MultiJail (docs/design/lexicon.md, "Language"): a prompt with
 * fewer than {@value #MIN_LETTERS} letters is undetermined; only languages with an ISO 639-1 code take part (the
 * model's Minangkabau, Cebuano or Low German would otherwise steal short Indonesian, Tagalog or German prompts);
 * a confidence's excess over chance is multiplied by {@value #FAVOUR} for the <em>favoured</em> languages (those with
 * a lexicon), a prior for the traffic we serve; the guess stands when it beats the best guess of another language
 * by {@value #MIN_LEAD}×. Indonesian and Malay are one group: they never count as each other's rival, so their
 * confusion never makes a guess unsure.
 *
 * <p>Loaded once (about 2 s, 10 MB). Safe for concurrent use: the model is immutable and every call gets its own
 * {@link LanguageDetectorME}, which OpenNLP does not document as thread-safe and which costs a few objects to make.
 */
public final class LanguageIdentifier {
  /** The tag for an undetermined language (BCP 47, ISO 639-2). */
  public static final String UNDETERMINED = "und";

  private static final String MODEL = "langdetect-183.bin";
  private static final int MIN_LETTERS = 3;
  private static final double FAVOUR = 1.3;
  private static final double MIN_LEAD = 1.05;
  /** Model codes that are not the ISO 639-2/T code of an ISO 639-1 language (individual vs macro languages). */
  private static final Map<String, String> SPECIAL_CODES = Map.of(
      "cmn", "zh", "msa", "ms", "zlm", "ms", "pes", "fa", "lvs", "lv", "ekk", "et", "plt", "mg", "pnb", "pa",
      "ind", "id", "heb", "he");
  private static final Map<String, String> GROUPS = Map.of("ms", "id");

  private final LanguageDetectorModel model;
  private final Set<String> favoured;
  private final Map<String, String> toIso1;
  private final double chance;

  private LanguageIdentifier(LanguageDetectorModel model, Set<String> favoured) {
    this.model = model;
    this.favoured = Set.copyOf(favoured);
    this.toIso1 = iso1Codes();
    this.chance = 1.0 / new LanguageDetectorME(model).getSupportedLanguages().length;
  }

  /** Loads the bundled model; {@code favoured} are ISO 639-1 codes of the languages with a lexicon. */
  public static LanguageIdentifier create(Set<String> favoured) {
    try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException(MODEL + ": not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
      }
      return new LanguageIdentifier(new LanguageDetectorModel(in), favoured);
    } catch (IOException e) {
      throw new IllegalStateException(MODEL + ": cannot be read", e);
    }
  }

  /** The prompt's language as an ISO 639-1 code, or empty when it is too short or too close to call. */
  public Optional<String> identify(String text) {
    if (letters(text) < MIN_LETTERS) {
      return Optional.empty();
    }
    Language[] guesses = new LanguageDetectorME(model).predictLanguages(text);
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Language guess : guesses) {
      double score = score(guess);
      if (score > bestScore && toIso1.containsKey(guess.getLang())) {
        best = iso1(guess.getLang());
        bestScore = score;
      }
    }
    double rival = Double.NEGATIVE_INFINITY;
    for (Language guess : guesses) {
      if (toIso1.containsKey(guess.getLang()) && !group(iso1(guess.getLang())).equals(group(best))) {
        rival = Math.max(rival, score(guess));
      }
    }
    return bestScore > 0 && bestScore >= MIN_LEAD * rival ? Optional.of(best) : Optional.empty();
  }

  /** The confidence's excess over chance, scaled up for a favoured language: a prior that leaves chance alone. */
  private double score(Language guess) {
    double excess = guess.getConfidence() - chance;
    return excess * (excess > 0 && favoured.contains(iso1(guess.getLang())) ? FAVOUR : 1.0);
  }

  private String iso1(String iso3) {
    return toIso1.getOrDefault(iso3, UNDETERMINED);
  }

  private static String group(String iso1) {
    return GROUPS.getOrDefault(iso1, iso1);
  }

  private static int letters(String text) {
    int count = 0;
    for (int i = 0; i < text.length() && count < MIN_LETTERS; ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        count++;
      }
      i += Character.charCount(cp);
    }
    return count;
  }

  /** ISO 639-2/T → 639-1 from the JDK's table, which equals 639-3 for individual languages, plus the exceptions. */
  private static Map<String, String> iso1Codes() {
    Map<String, String> codes = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      codes.put(Locale.of(iso1).getISO3Language(), iso1);
    }
    codes.putAll(SPECIAL_CODES);
    return Map.copyOf(codes);
  }
}
