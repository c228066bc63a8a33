package io.marketdesk.preference;

import io.marketdesk.command.Actor;
import io.marketdesk.text.Language;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.NoticePolicy;
import io.marketdesk.preference.PreferenceStore.OrderMail;
import io.marketdesk.template.Catalog;
import io.marketdesk.template.Templates.RenderedMail;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The notice policy of docs/preferences.md: a notice is written in the language its reader set;
 * an order notice goes now, waits for the daily summary or is not sent as they chose, except the
 * ones they must answer or act on; and every notice ends with why they got it and how to change
 * that, worded from the catalog ({@code footer.*}). Thread-safe.
 */
public final class Preferences implements NoticePolicy {
  /** The template of the daily summary of order notices. */
  public static final String DAILY_TEMPLATE = "order-mail-daily";

  /**
   * Order notices that ask the person to answer or to act by a date: sent whatever the setting
   * (docs/preferences.md lists them).
   */
  static final Set<String> MUST_ANSWER = Set.of("order-awaiting", "order-reminder", "provider-order-paid",
      "provider-order-start-reminder", "provider-order-rejected", "provider-refund-requested");

  /** Why a person gets a notice: the footer's first line ({@code footer.why.KIND}). */
  enum Reason {
    BUYER,
    PROVIDER_ORDER,
    OPERATOR,
    REQUESTER,
    ACCOUNT,
    MEMBER,
    REQUESTED,
    SUMMARY,
    OTHER;

    String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final PreferenceStore store;
  private final Directory directory;
  private final Catalog catalog;
  private final Clock clock;

  public Preferences(PreferenceStore store, Directory directory, Catalog catalog, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** True for the notices the order-mail setting governs. */
  static boolean orderNotice(String template) {
    return template.startsWith("order-") && !template.equals(DAILY_TEMPLATE) || template.startsWith("provider-order-")
        || template.startsWith("refund-") || template.startsWith("provider-refund-");
  }

  /** True for an order notice sent whatever the setting. */
  static boolean mustAnswer(Notice n) {
    return n.answerable() || MUST_ANSWER.contains(n.template());
  }

  static Reason reason(String template) {
    if (template.equals(DAILY_TEMPLATE)) {
      return Reason.SUMMARY;
    }
    if (template.startsWith("provider-order-") || template.startsWith("provider-refund-")) {
      return Reason.PROVIDER_ORDER;
    }
    if (template.startsWith("order-") || template.startsWith("refund-")) {
      return Reason.BUYER;
    }
    if (template.startsWith("review-") && !template.equals("review-result") || template.equals("product-revision-withdrawn")) {
      return Reason.OPERATOR;
    }
    if (template.equals("review-result") || template.equals("appeal-result")) {
      return Reason.REQUESTER;
    }
    if (template.equals("provider-settlement")) {
      return Reason.ACCOUNT;
    }
    if (template.equals("member-welcome")) {
      return Reason.MEMBER;
    }
    if (template.equals("export-file")) {
      return Reason.REQUESTED;
    }
    return Reason.OTHER;
  }

  @Override
  public Language language(Handle h, Notice n, Language asked) {
    Language set = store.find(h, n.to()).language();
    return set == null ? asked : set;
  }

  @Override
  public Delivery delivery(Handle h, Notice n) {
    if (!orderNotice(n.template()) || mustAnswer(n)) {
      return Delivery.NOW;
    }
    OrderMail m = store.find(h, n.to()).orderMail();
    return m == OrderMail.DAILY ? Delivery.HOLD : m == OrderMail.OFF ? Delivery.DROP : Delivery.NOW;
  }

  @Override
  public String footer(Handle h, Notice n, Language lang) {
    Reason reason = reason(n.template());
    String accountId = "";
    if (reason == Reason.PROVIDER_ORDER || reason == Reason.ACCOUNT || reason == Reason.MEMBER) {
      Actor a = directory.actor(h, n.to());
      accountId = a.accountId() == null ? "" : a.accountId();
    }
    return footerText(catalog, lang, reason, mustAnswer(n), n.about().orderNo(), accountId, n.about().reviewId(), n.to());
  }

  /** The footer's two lines: why the person got the mail, and how to change that. */
  static String footerText(Catalog catalog, Language lang, Reason reason, boolean mustAnswer, String orderNo,
      String accountId, Long reviewId, String to) {
    String l = lang.code();
    String why = catalog.text(l, "footer.why." + reason.key(), "orderNo", orderNo == null ? "" : orderNo, "accountId",
        accountId == null ? "" : accountId, "reviewId", reviewId == null ? "" : reviewId.toString(), "address", to);
    String how;
    switch (reason) {
      case BUYER:
      case PROVIDER_ORDER:
        how = catalog.text(l, mustAnswer ? "footer.how.order-must" : "footer.how.order");
        break;
      case SUMMARY:
        how = catalog.text(l, "footer.how.summary");
        break;
      case OPERATOR:
        how = catalog.text(l, "footer.how.review");
        break;
      case MEMBER:
        how = catalog.text(l, "footer.how.member", "address", to);
        break;
      case REQUESTER:
      case REQUESTED:
        how = catalog.text(l, "footer.how.requested");
        break;
      default:
        how = catalog.text(l, "footer.how.settings");
        break;
    }
    return why + "\n" + how;
  }

  @Override
  public void hold(Handle h, Notice n, Language lang, RenderedMail mail) {
    h.createUpdate("INSERT INTO held_notice (address, lang, subject, body, about, created_at)"
            + " VALUES (:a, :l, :s, :b, :about, :now)")
        .bind("a", Directory.normalize(n.to())).bind("l", lang.code()).bind("s", mail.subject()).bind("b", mail.body())
        .bind("about", n.about().encode()).bind("now", clock.millis())
        .execute();
  }
}
