package io.marketdesk.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language each person last wrote in, on the app's database (SQLite, or PostgreSQL in the profile). */
class WrittenLanguagesIT {
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static long writtenAt(String address) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT written_at FROM written_language WHERE address = :a")
        .bind("a", address).mapTo(Long.class).one());
  }

  private static void record(String address, Language lang, long at) {
    t.app.db().jdbi().useTransaction(h -> WrittenLanguages.record(h, address, lang, at));
  }

  private static Language of(String address) {
    return t.app.db().jdbi().withHandle(h -> WrittenLanguages.of(h, address));
  }

  @Test
  void shouldWriteTheRowOnlyWhenTheLanguageChanges() {
    String who = "Writer1@Provider-A.test";
    assertThat(of(who)).as("never wrote: zh").isEqualTo(Language.ZH);
    record(who, Language.ZH_HANT, 1_000);
    assertThat(of(who)).isEqualTo(Language.ZH_HANT);
    assertThat(writtenAt("writer1@provider-a.test")).isEqualTo(1_000);
    // the same language again: the row stays as it was (since when it writes in zh-Hant)
    record(who.toLowerCase(java.util.Locale.ROOT), Language.ZH_HANT, 2_000);
    assertThat(writtenAt("writer1@provider-a.test")).isEqualTo(1_000);
    assertThat(of(who)).isEqualTo(Language.ZH_HANT);
    record(who, Language.EN, 3_000);
    assertThat(of(who)).isEqualTo(Language.EN);
    assertThat(writtenAt("writer1@provider-a.test")).isEqualTo(3_000);
    record(who, Language.ZH_HANT, 4_000);
    assertThat(of(who)).isEqualTo(Language.ZH_HANT);
    assertThat(writtenAt("writer1@provider-a.test")).isEqualTo(4_000);
  }

  @Test
  void shouldRecordNothingForAMailWithoutAnAddress() {
    record(null, Language.EN, 1_000);
    record(" ", Language.EN, 1_000);
    assertThat(of(null)).isEqualTo(Language.ZH);
  }
}
