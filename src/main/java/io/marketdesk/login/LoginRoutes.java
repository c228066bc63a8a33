package io.marketdesk.login;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.feature.Mailto;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.template.Catalog;
import io.marketdesk.token.Tokens;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /login/TOKEN} opens a session and redirects to {@code /me} (one navigation); an unknown,
 * expired or used link gets a page saying why and how to get a new one. {@code GET /logout} asks,
 * {@code POST /logout} ends the session. The cookie is HttpOnly, SameSite=Lax, and Secure when
 * {@code web.base-url} is https. Thread-safe.
 */
public final class LoginRoutes implements WebModule {
  private final Jdbi jdbi;
  private final Tokens tokens;
  private final Sessions sessions;
  private final String serviceAddress;
  private final boolean secure;
  private final Duration ttl;

  private final Catalog words;

  public LoginRoutes(Catalog words, Jdbi jdbi, Tokens tokens, Sessions sessions, String serviceAddress, String baseUrl,
      Duration ttl) {
    this.ttl = ttl;
    this.jdbi = jdbi;
    this.words = words;
    this.tokens = tokens;
    this.sessions = sessions;
    this.serviceAddress = serviceAddress;
    this.secure = baseUrl.toLowerCase(Locale.ROOT).startsWith("https:");
  }

  /** The model of the small login pages: why a link did not work, log out, logged out. */
  public record Model(String lang, String kind, String serviceAddress, String loginMailto, long ttlMinutes) {
    /** The model of one of these pages. */
    public static Model of(String lang, String kind, String serviceAddress, Duration ttl,
        Catalog words) {
      String login = words.text(lang, "keyword.login").split("\\|")[0].strip();
      return new Model(lang, kind, serviceAddress, Mailto.of(serviceAddress, login, login),
          Math.max(1, ttl.toMinutes()));
    }
  }

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/login/{token}", ctx -> login(ctx, web));
    app.get("/logout", ctx -> web.page(ctx, "logout", model(ctx, "confirm")));
    app.post("/logout", ctx -> {
      sessions.end(ctx.cookie(Sessions.COOKIE));
      ctx.header("Set-Cookie", cookie("", 0));
      web.page(ctx, "logout", model(ctx, "done"));
    });
  }

  /** A model for a page about logging in (kind: unknown, expired, used, none, confirm, done). */
  public Model model(Context ctx, String kind) {
    return Model.of(Web.lang(ctx), kind, serviceAddress, ttl, words);
  }

  private void login(Context ctx, Web web) {
    String token = ctx.pathParam("token");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    if (!token.matches("[A-Za-z2-7]{26}")) {
      ctx.status(404);
      web.page(ctx, "login", model(ctx, "unknown"));
      return;
    }
    Result r = jdbi.inTransaction(h -> {
      Optional<Tokens.Token> found = tokens.find(h, token);
      if (found.isEmpty() || !found.get().purpose().equals(LoginHandler.TOKEN_PURPOSE)) {
        return new Result("unknown", null, null);
      }
      Tokens.Token t = found.get();
      Tokens.Check check = tokens.check(h, token, t.address(), LoginHandler.TOKEN_PURPOSE);
      if (check.status() == Tokens.Status.USED) {
        return new Result("used", null, t.payload());
      }
      if (check.status() == Tokens.Status.EXPIRED) {
        return new Result("expired", null, t.payload());
      }
      if (!check.valid() || !tokens.consume(h, token, t.address())) {
        return new Result("used", null, t.payload());
      }
      return new Result("ok", sessions.open(h, t.address()), t.payload());
    });
    if (r.cookie() == null) {
      ctx.status(r.kind().equals("unknown") ? 404 : 410);
      web.page(ctx, "login", model(ctx, r.kind()));
      return;
    }
    ctx.header("Set-Cookie", cookie(r.cookie(), Sessions.TTL.toSeconds()));
    // the page in the language the login mail was written in (any language with files), unless asked
    String lang = ctx.queryParam("lang") != null ? Web.lang(ctx)
        : words.languageCodes().contains(r.lang()) ? r.lang() : words.languageCodes().get(0);
    ctx.redirect("/me?lang=" + lang, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private record Result(String kind, String cookie, String lang) {}

  /** The Set-Cookie header of the session cookie (maxAge 0 removes it). */
  String cookie(String value, long maxAgeSeconds) {
    return Sessions.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }
}
