package io.gardefou.text;

/** Whether a lexicon matches words with their diacritics stripped (most languages) or kept (e.g. Vietnamese). */
public enum Diacritics {
  STRIP,
  KEEP
}
