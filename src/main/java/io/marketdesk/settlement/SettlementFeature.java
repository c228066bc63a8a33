package io.marketdesk.settlement;

import io.javalin.Javalin;
import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.Role;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.money.Money;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.review.Reviews;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlement statements (docs/after-the-sale.md): the monthly run on settlement.day, the provider's
 * {@code 确认} / {@code confirm statement}, the dispute review kind, the statements of the personal
 * page and {@code GET /api/settlements}. Offers {@link #settlements}, which the command line's
 * {@code settlement run} uses too.
 */
public record SettlementFeature(Settlements settlements, Contribution contribution) {
  private static final Logger log = LoggerFactory.getLogger(SettlementFeature.class);
  private static final Pattern ID = Pattern.compile("S\\d{6}-\\d{4,20}");

  public static SettlementFeature build(Shared w, Reviews reviews) {
    Settlements s = new Settlements(w.jdbi(), w.directory(), w.mailer(), w.audit(), w.clock(), w.config());
    Disputes disputes = new Disputes(s, reviews, w.directory());
    reviews.register(disputes.kind());
    Scheduler.Job monthly = new Scheduler.Job() {
      @Override
      public String name() {
        return "settlements";
      }

      @Override
      public void tick(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, w.config().zone);
        int on = settlementDay(w.config().raw("settlement.day"));
        if (day.getDayOfMonth() < on) {
          return;
        }
        YearMonth month = Settlements.previousMonth(day);
        boolean first = w.jdbi().inTransaction(h -> Scheduler.once(h, "settlements", month.toString(), now.toEpochMilli()));
        if (first) {
          try {
            s.run(month);
          } catch (RuntimeException e) {
            log.error("settlement run of {} failed; run `settlement run --month {}`", month, month, e);
          }
        }
      }
    };
    return new SettlementFeature(s, Contribution.builder()
        .command(confirmHandler(s))
        .command(disputes.handler())
        .web(new Api(s))
        .personal(new StatementSection(s, reviews, w.templates().catalog(), w.config().mailAddress, w.config().zone))
        .job(monthly)
        .build());
  }

  static int settlementDay(String raw) {
    String v = raw == null ? "" : raw.trim();
    return v.isEmpty() ? 1 : Math.max(1, Math.min(28, Integer.parseInt(v)));
  }

  private static CommandHandler confirmHandler(Settlements s) {
    CommandSpec spec = new CommandSpec("settlement.confirm", Set.of(Role.PROVIDER), Body.NONE);
    return new ActionCommand(spec, true, (ctx, cmd) -> {
      Handle h = ctx.handle();
      Long pid = ctx.actor().providerId();
      Optional<String> id = named(cmd.args()).or(() -> named(ctx.mail() == null ? null : ctx.mail().subject()));
      Optional<Statement> st = id.isPresent() ? s.find(h, id.get())
          : s.ofProvider(h, pid).stream().filter(x -> x.status().equals("sent")).findFirst();
      if (st.isEmpty() || st.get().providerId() != pid) {
        return Outcome.refused(ctx.m("settlement.refusal.not-found", "id", id.orElse("")),
            ctx.m("settlement.example.confirm", "id", Statement.idOf("2026-11", ctx.actor().accountId())));
      }
      Statement x = st.get();
      if (!s.confirm(h, x.id(), ctx.actor().address(), ctx.inboundId())) {
        return Outcome.refused(ctx.m("settlement.refusal.status", "id", x.id(), "status", ctx.m("state.settlement." + x.status())), "");
      }
      return Outcome.done(ctx.m("settlement.confirmed", "id", x.id(), "net", Money.formatYuan(x.net())));
    });
  }

  private static Optional<String> named(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ID.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /** GET /api/settlements?provider=ACCOUNT_ID and GET /api/settlements/{id}, with the bearer token. */
  private static final class Api implements WebModule {
    private final Settlements s;

    Api(Settlements s) {
      this.s = s;
    }

    @Override
    public void routes(Javalin app, Web web) {
      app.get("/api/settlements", ctx -> {
        String account = ctx.queryParam("provider");
        if (account == null || account.isBlank()) {
          throw ApiException.badRequest("give the provider's account ID: /api/settlements?provider=ACCOUNT_ID");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        s.jdbi().useHandle(h -> {
          Optional<Long> pid = h.createQuery("SELECT id FROM provider WHERE account_id = :a").bind("a", account.trim())
              .mapTo(Long.class).findFirst();
          if (pid.isEmpty()) {
            throw ApiException.notFound("there is no provider " + account);
          }
          for (Statement st : s.ofProvider(h, pid.get())) {
            out.add(json(st));
          }
        });
        ctx.json(out);
      });
      app.get("/api/settlements/{id}", ctx -> {
        Statement st = s.jdbi().withHandle(h -> s.find(h, ctx.pathParam("id")))
            .orElseThrow(() -> ApiException.notFound("there is no statement " + ctx.pathParam("id")));
        ctx.json(json(st));
      });
    }

    static Map<String, Object> json(Statement st) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", st.id());
      m.put("providerAccountId", st.accountId());
      m.put("month", st.month());
      m.put("status", st.status());
      m.put("revision", st.revision());
      m.put("gross", Money.format(st.gross()));
      m.put("refunded", Money.format(st.refunded()));
      m.put("commission", Money.format(st.commission()));
      m.put("net", Money.format(st.net()));
      List<Map<String, Object>> lines = new ArrayList<>();
      for (StatementMath.StatementLine l : st.lines()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("line", l.line());
        x.put("orderNo", l.orderNo());
        x.put("price", Money.format(l.price()));
        x.put("refunded", Money.format(l.refunded()));
        x.put("rate", l.ratePercent().toPlainString());
        x.put("commission", Money.format(l.commission()));
        x.put("net", Money.format(l.net()));
        lines.add(x);
      }
      m.put("lines", lines);
      return m;
    }
  }
}
