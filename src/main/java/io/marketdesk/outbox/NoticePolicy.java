package io.marketdesk.outbox;

import io.marketdesk.text.Language;
import io.marketdesk.template.Templates.RenderedMail;
import org.jdbi.v3.core.Handle;

/**
 * What the person a notice is for asked for (docs/preferences.md): the language to write it in,
 * whether it goes now, waits for the daily summary or is not sent, and the footer saying why they
 * get it and how to change that. The {@link Mailer} asks it for every notice it renders from a
 * template (not for replies), so that no feature words or filters its notices itself. Implementations
 * are thread-safe.
 */
public interface NoticePolicy {
  /** Every notice in the language it was asked in, sent now, with no footer. */
  NoticePolicy NONE = new NoticePolicy() {
    @Override
    public Language language(Handle h, Notice n, Language asked) {
      return asked;
    }

    @Override
    public Delivery delivery(Handle h, Notice n) {
      return Delivery.NOW;
    }

    @Override
    public String footer(Handle h, Notice n, Language lang) {
      return "";
    }

    @Override
    public void hold(Handle h, Notice n, Language lang, RenderedMail mail) {
      throw new IllegalStateException("nothing is held without a policy");
    }
  };

  /**
   * A notice about to be queued.
   *
   * @param to the recipient
   * @param template the mail template's name ({@code order-paid}, {@code review-request} ...)
   * @param about what it is about
   * @param answerable true when it carries a token or files: the person has to answer or keep it
   */
  record Notice(String to, String template, About about, boolean answerable) {}

  /** When a notice goes. */
  enum Delivery {
    NOW,
    /** Kept for the person's daily summary. */
    HOLD,
    /** Not sent: the person turned this kind of notice off. */
    DROP
  }

  Language language(Handle h, Notice n, Language asked);

  Delivery delivery(Handle h, Notice n);

  /** The lines that end the notice: why the person got it and how to change that; "" for none. */
  String footer(Handle h, Notice n, Language lang);

  /** Keeps a rendered notice for the daily summary, in the caller's transaction. */
  void hold(Handle h, Notice n, Language lang, RenderedMail mail);
}
