package io.marketdesk.settlement;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.money.Money;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.template.Catalog;
import io.marketdesk.feature.PersonalSection;
import io.marketdesk.feature.SectionWords;
import io.marketdesk.text.Dates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The settlement statements on the personal page (docs/after-the-sale.md): a provider's statements,
 * newest month first, with {@code 确认} and {@code 异议} links while one may still be confirmed; for
 * operators, the statement disputes waiting for their decision. Thread-safe.
 */
record StatementSection(Settlements settlements, Reviews reviews, Catalog catalog, String serviceAddress, ZoneId zone)
    implements PersonalSection {

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    SectionWords w = new SectionWords(catalog, serviceAddress, lang);
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Statement s : settlements.ofProvider(h, actor.providerId())) {
        List<PersonalSection.Action> actions = new ArrayList<>();
        if (!s.status().equals("confirmed")) {
          actions.add(w.action(w.t("page.statements.confirm"), w.t("settlement.example.confirm", "id", s.id()), null));
          actions.add(w.action(w.t("page.statements.dispute"), w.keyword("settlement.dispute") + " " + s.id() + " ",
              w.t("page.statements.dispute.more")));
        }
        rows.add(new PersonalSection.Row(s.id(), List.of(s.id(), s.month(), w.t("state.settlement." + s.status()),
            Money.formatYuan(s.gross()), Money.formatYuan(s.refunded()), Money.formatYuan(s.commission()),
            Money.formatYuan(s.net())), actions));
      }
      out.add(new Table("statements", w.t("page.statements.title"), List.of(w.t("page.statements.col.id"),
          w.t("page.statements.col.month"), w.t("page.statements.col.state"), w.t("page.statements.col.gross"),
          w.t("page.statements.col.refunded"), w.t("page.statements.col.commission"),
          w.t("page.statements.col.net")), rows, w.t("page.statements.empty")));
    }
    if (actor.has(Role.OPERATOR)) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Review r : reviews.list(h, "open", null)) {
        if (!r.kind().equals(Disputes.KIND)) {
          continue;
        }
        rows.add(new PersonalSection.Row(r.subject(), List.of("#" + r.id(), reviews.title(r, lang), r.requestedBy(),
            Dates.day(r.dueAt() - 1, zone)), w.decide(r.id())));
      }
      out.add(new Table("statement-disputes", w.t("page.statements.ops-title"), List.of(
          w.t("page.refunds.col.review"), w.t("page.statements.col.dispute"), w.t("page.statements.col.by"),
          w.t("page.statements.col.due")), rows, w.t("page.statements.ops-empty")));
    }
    return out;
  }
}
