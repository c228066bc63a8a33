package io.marketdesk.order;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The refunds on the personal page (docs/after-the-sale.md): a provider's refunds on its orders,
 * with {@code 同意退款} / {@code 拒绝退款} links while its answer is awaited; a buyer's own refund
 * requests; for operators, the refunds waiting for their decision with the review's links. Only the
 * person's own rows: a provider's by its provider id, a buyer's by address. Thread-safe.
 */
final class RefundSection implements PersonalSection {
  private static final int LIMIT = 100;
  private static final String SELECT = "SELECT r.order_no, r.amount, r.reason, r.status, r.requested_at, r.answer_due,"
      + " r.decline_reason, r.review_id, p.account_id FROM order_refund r JOIN orders o ON o.order_no = r.order_no"
      + " LEFT JOIN provider p ON p.id = o.provider_id WHERE ";

  private record Row(String orderNo, long amount, String reason, String status, long requestedAt, long answerDue,
      String declineReason, Long reviewId, String accountId) {}

  private final PageWords words;

  RefundSection(Catalog catalog, String serviceAddress, ZoneId zone) {
    this.words = new PageWords(catalog, serviceAddress, zone);
  }

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Row r : rows(h, "o.provider_id = :v", actor.providerId())) {
        List<PersonalSection.Action> actions = new ArrayList<>();
        if (r.status().equals("asked")) {
          actions.add(words.command(lang, text(lang, "page.refunds.accept"), "order.refund.accept", r.orderNo(), null));
          actions.add(words.command(lang, text(lang, "page.refunds.decline"), "order.refund.decline", r.orderNo() + " ",
              text(lang, "page.refunds.decline.more")));
        }
        rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.orderNo(), Money.formatYuan(r.amount()),
            text(lang, "page.refunds.state." + r.status()), r.reason(), time(r.requestedAt()),
            r.status().equals("asked") ? time(r.answerDue()) : ""), actions));
      }
      out.add(new Table("refunds", text(lang, "page.refunds.title"), List.of(text(lang, "page.refunds.col.order"),
          text(lang, "page.refunds.col.amount"), text(lang, "page.refunds.col.state"), text(lang, "page.refunds.col.reason"),
          text(lang, "page.refunds.col.asked"), text(lang, "page.refunds.col.due")), rows, text(lang, "page.refunds.empty")));
    }
    if (actor.has(Role.OPERATOR)) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Row r : rows(h, "r.status = 'review' AND 1 = :v", 1L)) {
        List<PersonalSection.Action> actions = r.reviewId() == null ? List.of() : words.decide(lang, r.reviewId());
        rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.reviewId() == null ? "" : "#" + r.reviewId(), r.orderNo(),
            r.accountId() == null ? "" : r.accountId(), Money.formatYuan(r.amount()), r.reason(),
            r.declineReason() == null ? text(lang, "page.refunds.unanswered") : r.declineReason()), actions));
      }
      out.add(new Table("refund-reviews", text(lang, "page.refunds.ops-title"), List.of(text(lang, "page.refunds.col.review"),
          text(lang, "page.refunds.col.order"), text(lang, "page.refunds.col.provider"), text(lang, "page.refunds.col.amount"),
          text(lang, "page.refunds.col.reason"), text(lang, "page.refunds.col.answer")), rows, text(lang, "page.refunds.ops-empty")));
    }
    if (actor.has(Role.BUYER) || !actor.has(Role.PROVIDER) && !actor.has(Role.OPERATOR)) {
      List<Row> mine = rows(h, "LOWER(o.buyer_email) = LOWER(:v)", actor.address());
      if (!mine.isEmpty()) {
        List<PersonalSection.Row> rows = new ArrayList<>();
        for (Row r : mine) {
          rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.orderNo(), Money.formatYuan(r.amount()),
              text(lang, "page.refunds.state." + r.status()), r.reason(), time(r.requestedAt())), List.of()));
        }
        out.add(new Table("my-refunds", text(lang, "page.refunds.buyer-title"), List.of(text(lang, "page.refunds.col.order"),
            text(lang, "page.refunds.col.amount"), text(lang, "page.refunds.col.state"), text(lang, "page.refunds.col.reason"),
            text(lang, "page.refunds.col.asked")), rows, text(lang, "page.refunds.empty")));
      }
    }
    return out;
  }

  private List<Row> rows(Handle h, String where, Object value) {
    return h.createQuery(SELECT + where + " ORDER BY r.id DESC LIMIT " + LIMIT)
        .bind("v", value)
        .map((rs, c) -> new Row(rs.getString("order_no"), rs.getLong("amount"), rs.getString("reason"),
            rs.getString("status"), rs.getLong("requested_at"), rs.getLong("answer_due"), rs.getString("decline_reason"),
            rs.getObject("review_id") == null ? null : rs.getLong("review_id"), rs.getString("account_id")))
        .list();
  }

  private String text(String lang, String key, Object... args) {
    return words.text(lang, key, args);
  }

  private String time(long millis) {
    return words.time(millis);
  }
}
