package io.gardefou.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageIdentifierTest {
  private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.create(Set.of("en", "fr"));

  @Test
  void namesEnglish() {
    assertThat(IDENTIFIER.identify("kids in swimsuits at a swimming lesson, indoor pool")).contains("en");
  }

  @Test
  void namesFrench() {
    assertThat(IDENTIFIER.identify("des enfants qui jouent au ballon dans le parc après l'école")).contains("fr");
  }

  @Test
  void namesSpanishThoughNotFavoured() {
    assertThat(IDENTIFIER.identify("una niña jugando con su perro en el parque por la tarde")).contains("es");
  }

  @Test
  void treatsIndonesianAndMalayAsOneGroup() {
    Optional<String> language = IDENTIFIER.identify("anak-anak bermain bola di taman pada sore hari bersama teman");

    assertThat(language).isPresent();
    assertThat(language.get()).isIn("id", "ms");
  }

  @Test
  void answersInIso6391() {
    assertThat(IDENTIFIER.identify("一个小女孩在公园里和她的狗一起玩")).contains("zh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "🔥🔥✨", "ok", "12 34 !!"})
  void declinesEmptyEmojiOnlyAndTooShortText(String text) {
    assertThat(IDENTIFIER.identify(text)).isEmpty();
  }

  @Test
  void givesTheSameAnswersUnderConcurrentCalls() throws Exception {
    List<String> texts = List.of(
        "kids in swimsuits at a swimming lesson", "des enfants qui jouent au ballon dans le parc",
        "una niña jugando con su perro en el parque", "一个小女孩在公园里和她的狗一起玩");
    List<Optional<String>> expected = texts.stream().map(IDENTIFIER::identify).toList();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Optional<String>>> running = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String text = texts.get(i % texts.size());
        running.add(threads.submit(() -> IDENTIFIER.identify(text)));
      }
      for (int i = 0; i < running.size(); i++) {
        assertThat(running.get(i).get()).isEqualTo(expected.get(i % texts.size()));
      }
    }
  }
}
