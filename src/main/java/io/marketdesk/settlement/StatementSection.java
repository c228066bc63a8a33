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
          actions.add(words.command(lang, text(lang, "page.statements.confirm"), "settlement.confirm", s.id(), null));
          actions.add(words.command(lang, text(lang, "page.statements.dispute"), "settlement.dispute", s.id() + " ",
              text(lang, "page.statements.dispute.more")));
        }
        rows.add(new PersonalSection.Row(s.id(), List.of(s.id(), s.month(), text(lang, "state.settlement." + s.status()),
            Money.formatYuan(s.gross()), Money.formatYuan(s.refunded()), Money.formatYuan(s.commission()),
            Money.formatYuan(s.net())), actions));
      }
      out.add(new Table("statements", text(lang, "page.statements.title"), List.of(text(lang, "page.statements.col.id"),
          text(lang, "page.statements.col.month"), text(lang, "page.statements.col.state"), text(lang, "page.statements.col.gross"),
          text(lang, "page.statements.col.refunded"), text(lang, "page.statements.col.commission"),
          text(lang, "page.statements.col.net")), rows, text(lang, "page.statements.empty")));
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
      out.add(new Table("statement-disputes", text(lang, "page.statements.ops-title"), List.of(
          text(lang, "page.refunds.col.review"), text(lang, "page.statements.col.dispute"), text(lang, "page.statements.col.by"),
          text(lang, "page.statements.col.due")), rows, text(lang, "page.statements.ops-empty")));
    }
    return out;
  }

  private String text(String lang, String key, Object... args) {
    return words.text(lang, key, args);
  }
}
