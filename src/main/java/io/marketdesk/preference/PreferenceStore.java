package io.marketdesk.preference;

import io.marketdesk.text.Language;
import io.marketdesk.identity.Directory;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Each person's preferences, by address (table {@code preference}, V180; docs/preferences.md).
 * Stateless and thread-safe.
 */
public final class PreferenceStore {
  /** How a person's order notices are sent. */
  public enum OrderMail {
    /** Each notice at once (the default). */
    INSTANT,
    /** One summary a day. */
    DAILY,
    /** None, except the ones the person must answer. */
    OFF;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static OrderMail of(String code) {
      for (OrderMail m : values()) {
        if (m.code().equals(code)) {
          return m;
        }
      }
      return INSTANT;
    }
  }

  /**
   * One person's preferences.
   *
   * @param language the language their notices are written in; null: the language they last wrote in
   */
  public record Preference(String address, OrderMail orderMail, Language language) {
    static Preference none(String address) {
      return new Preference(address, OrderMail.INSTANT, null);
    }
  }

  public Preference find(Handle h, String address) {
    String a = Directory.normalize(address);
    Optional<Preference> p = h.createQuery("SELECT order_mail, lang FROM preference WHERE address = :a")
        .bind("a", a)
        .map((rs, c) -> new Preference(a, OrderMail.of(rs.getString("order_mail")),
            rs.getString("lang") == null ? null : Language.of(rs.getString("lang"))))
        .findFirst();
    return p.orElseGet(() -> Preference.none(a));
  }

  public void setOrderMail(Handle h, String address, OrderMail orderMail, long now) {
    h.createUpdate("INSERT INTO preference (address, order_mail, updated_at) VALUES (:a, :m, :now)"
            + " ON CONFLICT (address) DO UPDATE SET order_mail = excluded.order_mail, updated_at = excluded.updated_at")
        .bind("a", Directory.normalize(address)).bind("m", orderMail.code()).bind("now", now).execute();
  }

  /** Sets the language of a person's notices; null returns to the language they last wrote in. */
  public void setLanguage(Handle h, String address, Language language, long now) {
    h.createUpdate("INSERT INTO preference (address, lang, updated_at) VALUES (:a, :l, :now)"
            + " ON CONFLICT (address) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at")
        .bind("a", Directory.normalize(address)).bind("l", language == null ? null : language.code()).bind("now", now)
        .execute();
  }
}
