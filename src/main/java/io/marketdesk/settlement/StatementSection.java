package io.marketdesk.settlement;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.money.Money;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.template.Catalog;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The settlement statements on the personal page (docs/after-the-sale.md): a provider's statements,
 * newest month first, with {@code 确认} and {@code 异议} links while one may still be confirmed; for
 * operators, the statement disputes waiting for their decision. Thread-safe.
 */
final class StatementSection implements PersonalSection {
  private final Settlements settlements;
  private final Reviews reviews;
  private final PageWords words;

  StatementSection(Settlements settlements, Reviews reviews, Catalog catalog, String serviceAddress, ZoneId zone) {
    this.settlements = settlements;
    this.reviews = reviews;
    this.words = new PageWords(catalog, serviceAddress, zone);
  }

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Statement s : settlements.ofProvider(h, actor.providerId())) {
        List<PersonalSection.Action> actions = new ArrayList<>();
        if (!s.status().equals("confirmed")) {
          actions.add(words.command(lang, t(lang, "page.statements.confirm"), "settlement.confirm", s.id(), null));
          actions.add(words.command(lang, t(lang, "page.statements.dispute"), "settlement.dispute", s.id() + " ",
              t(lang, "page.statements.dispute.more")));
        }
        rows.add(new PersonalSection.Row(s.id(), List.of(s.id(), s.month(), t(lang, "state.settlement." + s.status()),
            Money.formatYuan(s.gross()), Money.formatYuan(s.refunded()), Money.formatYuan(s.commission()),
            Money.formatYuan(s.net())), actions));
      }
      out.add(new Table("statements", t(lang, "page.statements.title"), List.of(t(lang, "page.statements.col.id"),
          t(lang, "page.statements.col.month"), t(lang, "page.statements.col.state"), t(lang, "page.statements.col.gross"),
          t(lang, "page.statements.col.refunded"), t(lang, "page.statements.col.commission"),
          t(lang, "page.statements.col.net")), rows, t(lang, "page.statements.empty")));
    }
    if (actor.has(Role.OPERATOR)) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Review r : reviews.list(h, "open", null)) {
        if (!r.kind().equals(Disputes.KIND)) {
          continue;
        }
        rows.add(new PersonalSection.Row(r.subject(), List.of("#" + r.id(), reviews.title(r, lang), r.requestedBy(),
            words.dueDay(r.dueAt())), words.decide(lang, r.id())));
      }
      out.add(new Table("statement-disputes", t(lang, "page.statements.ops-title"), List.of(
          t(lang, "page.refunds.col.review"), t(lang, "page.statements.col.dispute"), t(lang, "page.statements.col.by"),
          t(lang, "page.statements.col.due")), rows, t(lang, "page.statements.ops-empty")));
    }
    return out;
  }

  private String t(String lang, String key, Object... args) {
    return words.t(lang, key, args);
  }
}
