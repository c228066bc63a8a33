package io.marketdesk.command;

import io.marketdesk.text.Language;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The language each person last wrote in ({@code written_language}), kept for the mails nobody
 * asked for: the review digest, reminders, escalations and review requests reach each operator in
 * it, and in {@link Language#ZH} when they never wrote (docs/languages.md). Stateless and
 * thread-safe; every call runs in the caller's transaction.
 */
public final class WrittenLanguages {
  private WrittenLanguages() {}

  /**
   * Records that {@code address} wrote in {@code lang} at {@code at} (epoch milliseconds). The row is
   * written only when the language changes ({@code written_at}: since when it writes in that
   * language): most mails come in the language of the one before, and the intake called this for
   * every mail (docs/BENCHMARKS.md).
   */
  public static void record(Handle h, String address, Language lang, long at) {
    if (address == null || address.isBlank()) {
      return;
    }
    h.createUpdate("INSERT INTO written_language (address, lang, written_at) VALUES (:a, :l, :t)"
            + " ON CONFLICT (address) DO UPDATE SET lang = excluded.lang, written_at = excluded.written_at"
            + " WHERE written_language.lang <> excluded.lang")
        .bind("a", address.toLowerCase(Locale.ROOT))
        .bind("l", lang.code())
        .bind("t", at)
        .execute();
  }

  /** The language {@code address} last wrote in, if it ever wrote. */
  public static Optional<Language> last(Handle h, String address) {
    if (address == null) {
      return Optional.empty();
    }
    return h.createQuery("SELECT lang FROM written_language WHERE address = :a")
        .bind("a", address.toLowerCase(Locale.ROOT))
        .mapTo(String.class)
        .findFirst()
        .map(Language::of);
  }

  /** The language to write to {@code address} in: the one it last wrote in, else zh. */
  public static Language of(Handle h, String address) {
    return last(h, address).orElse(Language.ZH);
  }
}
