package io.gardefou.text;

/**
 * A unit of meaning the lexicons recognise in a prompt; {@link ConceptScorer} combines concepts into categories.
 *
 * <p>Most concepts are listed as terms in {@code lexicon/<lang>.yaml}; {@link #AGE} comes from the lexicons' age
 * patterns instead. Concepts are deliberately plain (a garment, a removal) so that the combination logic, not
 * the word lists, carries the judgement and stays the same in every language.
 */
public enum Concept {
  /** A word for a child or a minor: child, toddler, enfant, petite fille. */
  MINOR(true),
  /** A word for a young person that also names young adults: girl, boy, teen, fille; weaker than MINOR. */
  YOUTH(true),
  /** A word for an adult: woman, adult, young woman; claims words like "young" inside its phrases. */
  ADULT(true),
  /** A numeric age expression found by an age pattern: "12 year old", "13 ans". */
  AGE(false),
  /** Sexual content in so many words: sex, erotic, porn. */
  SEXUAL(true),
  /** Nakedness: nude, naked, nue. */
  NUDITY(true),
  /** Undressing as such: undress, see-through, déshabiller. */
  UNDRESS(true),
  /** An action that takes away or sees through what it applies to: remove, take off, without, sans. */
  REMOVAL(true),
  /** A garment whose removal uncovers the body: clothes, dress, shirt, robe; REMOVAL near one is UNDRESS. */
  GARMENT(true),
  /** A garment that shows much of the body: bikini, lingerie, sous-vêtements. */
  REVEALING_GARMENT(true),
  /** A sexualised pose or attitude: provocative pose, jambes écartées. */
  SEXUAL_POSE(true),
  /** A sexualising cue that is not explicit on its own: sensual, busty, cleavage, boudoir; weaker than SEXUAL. */
  SUGGESTIVE(true),
  /**
   * A suggestive cue with everyday senses, above all around children: breast, butt, licking, on all fours, stockings.
   * It counts as a SUGGESTIVE cue, but next to a MINOR it sexualises only as part of suggestive content.
   */
  WEAK_SUGGESTIVE(true),
  /**
   * A body part described for its sexual appeal, as image-prompt tags do: large breasts, huge ass; sexualising on its
   * own, as two SUGGESTIVE cues are, but not explicit.
   */
  SEXUALISED_BODY(true),
  /**
   * A mark of a prompt written by an optimiser against a text encoder rather than by a person: the encoder's control
   * tokens (startoftext). Harmless alone; next to one SUGGESTIVE cue, revealing garment or BEACHWEAR it makes
   * suggestive content.
   */
  EVASION(true),
  /** Everyday beach-level exposure: swimsuit, bikini, shirtless, torse nu; not sexual on its own. */
  BEACHWEAR(true),
  /** An explicit reference to an identifiable real person or their photo: my classmate, cette photo. */
  REAL_PERSON(true),
  /** A pronoun; it points at a real person only when an input image is edited, never in generation. */
  PRONOUN(true),
  /** An ordinary edit or an object whose removal uncovers nothing: sunglasses, hat, jacket, the background. */
  BENIGN_EDIT(true),
  /** Violence against people: murder, stabbing, massacre, torture. */
  VIOLENCE(true),
  /** Graphic injury: gore, dismembered, covered in blood. */
  GORE(true),
  /** A group of people defined by a protected trait, for hate: immigrants, Muslims, Jews, gay people. */
  PROTECTED_GROUP(true),
  /** Dehumanising or hostile words that, aimed at a PROTECTED_GROUP, make hate: vermin, subhuman, exterminate. */
  HOSTILITY(true),
  /** Self-harm and suicide: suicide, self-harm, slit wrists. */
  SELF_HARM(true),
  /** A harmless phrase that contains a concept word ("pieds nus", "nude lipstick"); it masks what it covers. */
  SAFE(true);

  private final boolean listed;

  Concept(boolean listed) {
    this.listed = listed;
  }

  /** Whether a lexicon lists terms for this concept (AGE is found by patterns instead). */
  public boolean listed() {
    return listed;
  }
}
