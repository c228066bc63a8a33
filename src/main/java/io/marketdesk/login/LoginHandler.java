package io.marketdesk.login;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.token.Tokens;
import java.time.Duration;
import java.util.Set;

/**
 * {@code 登录 / login}: answers with a one-time link to the sender's personal page (docs/accounts.md, docs/web.md). The
 * link carries a {@code login} token bound to the sender's address, valid {@code security.login-ttl}
 * (15 minutes by default), single use. It changes no business data, so it needs no sender
 * authentication: the reply goes to the sender's own address, which is what the link is bound to.
 * Stateless and thread-safe.
 */
public final class LoginHandler extends DeclaredCommand {
  /** The token purpose of login links. */
  public static final String TOKEN_PURPOSE = "login";
  private static final CommandSpec SPEC = new CommandSpec("login",
      Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER), CommandSpec.Body.NONE);

  private final Tokens tokens;
  private final String baseUrl;
  private final Duration ttl;

  public LoginHandler(Tokens tokens, String baseUrl, Duration ttl) {
    super(SPEC, false);
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.ttl = ttl;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand command) {
    String address = ctx.actor().address();
    String token = tokens.issue(ctx.handle(), TOKEN_PURPOSE, address, address, ctx.language().code(), ttl);
    String link = baseUrl + "/login/" + token;
    long minutes = Math.max(1, ttl.toMinutes());
    return Outcome.done(ctx.m("login-handler.handle.1", "minutes", minutes, "link", link));
  }
}
