package io.marketdesk.order;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import io.marketdesk.feature.PersonalSection;
import io.marketdesk.feature.SectionWords;
import io.marketdesk.text.Dates;
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
record RefundSection(Catalog catalog, String serviceAddress, ZoneId zone) implements PersonalSection {
  private static final int LIMIT = 100;
  private static final String SELECT = "SELECT r.order_no, r.amount, r.reason, r.status, r.requested_at, r.answer_due,"
      + " r.decline_reason, r.review_id, p.account_id FROM order_refund r JOIN orders o ON o.order_no = r.order_no"
      + " LEFT JOIN provider p ON p.id = o.provider_id WHERE ";

  private record Row(String orderNo, long amount, String reason, String status, long requestedAt, long answerDue,
      String declineReason, Long reviewId, String accountId) {}

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    SectionWords w = new SectionWords(catalog, serviceAddress, lang);
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      out.add(providers(h, actor.providerId(), w));
    }
    if (actor.has(Role.OPERATOR)) {
      out.add(operators(h, w));
    }
    if (actor.has(Role.BUYER) || !actor.has(Role.PROVIDER) && !actor.has(Role.OPERATOR)) {
      List<Row> mine = rows(h, "LOWER(o.buyer_email) = LOWER(:v)", actor.address());
      if (!mine.isEmpty()) {
        out.add(buyers(mine, w));
      }
    }
    return out;
  }

  /** The refunds on a provider's orders, with the answer links while its answer is awaited. */
  private Table providers(Handle h, long providerId, SectionWords w) {
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Row r : rows(h, "o.provider_id = :v", providerId)) {
      List<PersonalSection.Action> actions = new ArrayList<>();
      if (r.status().equals("asked")) {
        actions.add(w.action(w.t("page.refunds.accept"), w.t("refund.example.accept", "no", r.orderNo()), null));
        actions.add(w.action(w.t("page.refunds.decline"), w.keyword("order.refund.decline") + " " + r.orderNo() + " ",
            w.t("page.refunds.decline.more")));
      }
      rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.orderNo(), Money.formatYuan(r.amount()),
          w.t("page.refunds.state." + r.status()), r.reason(), time(r.requestedAt()),
          r.status().equals("asked") ? time(r.answerDue()) : ""), actions));
    }
    return new Table("refunds", w.t("page.refunds.title"), List.of(w.t("page.refunds.col.order"),
        w.t("page.refunds.col.amount"), w.t("page.refunds.col.state"), w.t("page.refunds.col.reason"),
        w.t("page.refunds.col.asked"), w.t("page.refunds.col.due")), rows, w.t("page.refunds.empty"));
  }

  /** The refunds waiting for the operators' decision, with the review's links. */
  private static Table operators(Handle h, SectionWords w) {
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Row r : rows(h, "r.status = 'review' AND 1 = :v", 1L)) {
      List<PersonalSection.Action> actions = r.reviewId() == null ? List.of() : w.decide(r.reviewId());
      rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.reviewId() == null ? "" : "#" + r.reviewId(), r.orderNo(),
          r.accountId() == null ? "" : r.accountId(), Money.formatYuan(r.amount()), r.reason(),
          r.declineReason() == null ? w.t("page.refunds.unanswered") : r.declineReason()), actions));
    }
    return new Table("refund-reviews", w.t("page.refunds.ops-title"), List.of(w.t("page.refunds.col.review"),
        w.t("page.refunds.col.order"), w.t("page.refunds.col.provider"), w.t("page.refunds.col.amount"),
        w.t("page.refunds.col.reason"), w.t("page.refunds.col.answer")), rows, w.t("page.refunds.ops-empty"));
  }

  /** A buyer's own refund requests. */
  private Table buyers(List<Row> mine, SectionWords w) {
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Row r : mine) {
      rows.add(new PersonalSection.Row(r.orderNo(), List.of(r.orderNo(), Money.formatYuan(r.amount()),
          w.t("page.refunds.state." + r.status()), r.reason(), time(r.requestedAt())), List.of()));
    }
    return new Table("my-refunds", w.t("page.refunds.buyer-title"), List.of(w.t("page.refunds.col.order"),
        w.t("page.refunds.col.amount"), w.t("page.refunds.col.state"), w.t("page.refunds.col.reason"),
        w.t("page.refunds.col.asked")), rows, w.t("page.refunds.empty"));
  }

  private static List<Row> rows(Handle h, String where, Object value) {
    return h.createQuery(SELECT + where + " ORDER BY r.id DESC LIMIT " + LIMIT)
        .bind("v", value)
        .map((rs, c) -> new Row(rs.getString("order_no"), rs.getLong("amount"), rs.getString("reason"),
            rs.getString("status"), rs.getLong("requested_at"), rs.getLong("answer_due"), rs.getString("decline_reason"),
            rs.getObject("review_id") == null ? null : rs.getLong("review_id"), rs.getString("account_id")))
        .list();
  }

  private String time(long millis) {
    return Dates.minute(millis, zone);
  }
}
