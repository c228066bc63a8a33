package io.marketdesk.command;

import io.marketdesk.text.Language;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The language each person last wrote in, on the app's database (SQLite, or PostgreSQL in the profile). */
class WrittenLanguagesIT {
  private static long writtenAt(Jdbi jdbi, String address) {
    return jdbi.withHandle(h -> h.createQuery("SELECT written_at FROM written_language WHERE address = :a")
        .bind("a", address).mapTo(Long.class).one());
  }

  private static void record(Jdbi jdbi, String address, Language lang, long at) {
    jdbi.useTransaction(h -> WrittenLanguages.record(h, address, lang, at));
  }

  private static Language of(Jdbi jdbi, String address) {
    return jdbi.withHandle(h -> WrittenLanguages.of(h, address));
  }

  @Test
  void shouldWriteTheRowOnlyWhenTheLanguageChanges() {
    try (TestApp t = TestApp.start()) {
      Jdbi db = t.app.db().jdbi();
      String who = "Writer1@Provider-A.test";
      String stored = "writer1@provider-a.test";
      assertThat(of(db, who)).as("never wrote: zh").isEqualTo(Language.ZH);
      record(db, who, Language.ZH_HANT, 1_000);
      assertThat(of(db, who)).isEqualTo(Language.ZH_HANT);
      assertThat(writtenAt(db, stored)).isEqualTo(1_000);
      // the same language again: the row stays as it was (since when it writes in zh-Hant)
      record(db, stored, Language.ZH_HANT, 2_000);
      assertThat(writtenAt(db, stored)).isEqualTo(1_000);
      assertThat(of(db, who)).isEqualTo(Language.ZH_HANT);
      record(db, who, Language.EN, 3_000);
      assertThat(of(db, who)).isEqualTo(Language.EN);
      assertThat(writtenAt(db, stored)).isEqualTo(3_000);
      record(db, who, Language.ZH_HANT, 4_000);
      assertThat(of(db, who)).isEqualTo(Language.ZH_HANT);
      assertThat(writtenAt(db, stored)).isEqualTo(4_000);
      // a mail without an address records nothing
      record(db, null, Language.EN, 5_000);
      record(db, " ", Language.EN, 5_000);
      long rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM written_language").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(1);
    }
  }
}
