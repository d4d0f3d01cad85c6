package io.gardefou.model;

import java.util.List;

/**
 * A harm category: OpenAI's moderation names plus Garde-fou's {@code sexual/non-consensual}.
 *
 * <p>Protected categories are refused everywhere and fail closed: when a detector that speaks for one
 * cannot answer, the request is refused rather than let through.
 */
public enum Category {
  HARASSMENT("harassment", false),
  HARASSMENT_THREATENING("harassment/threatening", false),
  HATE("hate", false),
  HATE_THREATENING("hate/threatening", false),
  ILLICIT("illicit", false),
  ILLICIT_VIOLENT("illicit/violent", false),
  SELF_HARM("self-harm", false),
  SELF_HARM_INSTRUCTIONS("self-harm/instructions", false),
  SELF_HARM_INTENT("self-harm/intent", false),
  SEXUAL("sexual", false),
  SEXUAL_MINORS("sexual/minors", true),
  SEXUAL_NON_CONSENSUAL("sexual/non-consensual", true),
  VIOLENCE("violence", false),
  VIOLENCE_GRAPHIC("violence/graphic", false);

  private static final List<Category> PROTECTED =
      java.util.Arrays.stream(values()).filter(Category::isProtected).toList();

  private final String wireName;
  private final boolean isProtected;

  Category(String wireName, boolean isProtected) {
    this.wireName = wireName;
    this.isProtected = isProtected;
  }

  /** The name on the wire and in policy packs, e.g. {@code sexual/minors}. */
  public String wireName() {
    return wireName;
  }

  public boolean isProtected() {
    return isProtected;
  }

  /** True for the categories OpenAI's moderation API names; false for Garde-fou's extensions. */
  public boolean isOpenAi() {
    return this != SEXUAL_NON_CONSENSUAL;
  }

  public static List<Category> protectedCategories() {
    return PROTECTED;
  }

  public static Category fromWireName(String name) {
    for (Category category : values()) {
      if (category.wireName.equals(name)) {
        return category;
      }
    }
    throw new IllegalArgumentException("unknown category '" + name + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
