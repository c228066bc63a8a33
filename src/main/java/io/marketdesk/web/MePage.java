package io.marketdesk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.command.Actor;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import io.marketdesk.feature.PersonalSection.Action;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.login.LoginRoutes;
import io.marketdesk.login.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /me}: the personal page of whoever logged in with a login link (docs/web.md). The page shows
 * the provider's account and team (the directory's), then the sections the features contribute
 * ({@link PersonalSection}): a provider's products, orders, open reviews, refunds, statements and
 * recent audit entries; an operator's review queue and disputes; a buyer's orders. A person with
 * several roles sees each part. The page only shows: every action is a {@code mailto:} link with the
 * command written in, so every change still arrives by mail. Thread-safe.
 */
public final class MePage implements WebModule {
  private final Jdbi jdbi;
  private final Sessions sessions;
  private final Directory directory;
  private final PageWords words;
  private final Clock clock;
  private final Duration loginTtl;
  private final List<PersonalSection> sections;

  /**
   * @param sections the parts features contribute (the list the wiring fills; read at each request)
   */
  public MePage(Jdbi jdbi, Sessions sessions, Directory directory, PageWords words, Clock clock,
      Duration loginTtl, List<PersonalSection> sections) {
    this.jdbi = jdbi;
    this.sessions = sessions;
    this.directory = directory;
    this.words = words;
    this.clock = clock;
    this.loginTtl = loginTtl;
    this.sections = sections;
  }

  /** The page. The provider's part is null for a person who is not one. */
  public record Model(String lang, String address, String now, ProviderPart provider,
      List<PersonalSection.Table> sections) {}

  /** One labelled value. */
  public record Field(String label, String value) {}

  /** The provider's account and team. */
  public record ProviderPart(String accountId, String companyName, List<Field> fields, List<Action> accountActions,
      TeamPart team) {}

  /** The account's team (docs/teams.md); the add action only for an admin. */
  public record TeamPart(List<MemberView> members, Action add) {}

  /** A member of the team. */
  public record MemberView(String address, String role, String roleLabel, boolean you, String added) {}

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/me", ctx -> me(ctx, web));
  }

  private void me(Context ctx, Web web) {
    ctx.header("Cache-Control", "no-store");
    String lang = Web.lang(ctx);
    Optional<String> address = sessions.address(ctx.cookie(Sessions.COOKIE));
    if (address.isEmpty()) {
      ctx.status(401);
      web.page(ctx, "login", LoginRoutes.Model.of(lang, "none", words.serviceAddress(), loginTtl,
          words.catalog()));
      return;
    }
    web.page(ctx, "me", jdbi.withHandle(h -> model(h, address.get(), lang)));
  }

  /** The page of one address, in one language. */
  public Model model(Handle h, String address, String lang) {
    Actor actor = directory.actor(h, address);
    ProviderPart provider = null;
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      provider = directory.provider(h, actor.providerId()).map(p -> providerPart(h, p, lang, actor.address())).orElse(null);
    }
    List<PersonalSection.Table> tables = new ArrayList<>();
    for (PersonalSection s : sections) {
      tables.addAll(s.tables(h, actor, lang));
    }
    return new Model(lang, actor.address(), words.time(clock.millis()), provider, tables);
  }

  private ProviderPart providerPart(Handle h, Provider p, String lang, String address) {
    List<Field> fields = List.of(
        new Field(words.text(lang, "me.1"), p.accountId()),
        new Field(words.text(lang, "me.2"), p.companyName()),
        new Field(words.text(lang, "me.3"), p.companyAddress()),
        new Field(words.text(lang, "me.4"), p.creditCode()),
        new Field(words.text(lang, "me.5"), p.csPhone()),
        new Field(words.text(lang, "me.6"), p.csEmail()),
        new Field(words.text(lang, "me.7"), p.csHours()),
        new Field(words.text(lang, "me.8"), p.contactName()),
        new Field(words.text(lang, "me.9"), p.contactPhone()),
        new Field(words.text(lang, "me.10"), p.contactEmail()),
        new Field(words.text(lang, "me.11"), String.join(", ", p.addresses())));
    List<Action> accountActions = List.of(
        words.command(lang, words.text(lang, "me.12"), "account", "", null),
        words.command(lang, words.text(lang, "me.14"), "account.update", "", null));
    return new ProviderPart(p.accountId(), p.companyName(), fields, accountActions, teamPart(h, p, lang, address));
  }

  private TeamPart teamPart(Handle h, Provider p, String lang, String address) {
    List<MemberView> members = new ArrayList<>();
    boolean admin = false;
    for (Directory.Member m : directory.members(h, p.id())) {
      boolean you = m.address().equals(address);
      admin |= you && m.role() == TeamRole.ADMIN;
      members.add(new MemberView(m.address(), m.role().code(), words.text(lang, "team-role." + m.role().code()), you,
          m.addedAt() == null ? words.text(lang, "page.team.onboarding") : words.time(m.addedAt())));
    }
    String role = words.text(lang, "words.team-role." + TeamRole.ORDERS.code()).split("\\|")[0].strip();
    return new TeamPart(members, admin ? words.command(lang, words.text(lang, "page.team.add"), "member.add",
        words.text(lang, "team.example-address") + " " + role, null) : null);
  }
}
