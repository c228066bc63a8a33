package io.marketdesk.login;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;

/**
 * Logging in by mail: the {@code 登录 / login} command, the {@code /login/TOKEN} and {@code /logout}
 * routes, and the {@link Sessions} service the personal pages read.
 */
public final class LoginFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Sessions sessions = new Sessions(w.db.jdbi(), w.clock);
    w.provide(Sessions.class, sessions);
    w.commands.register(new LoginHandler(w.tokens, w.config.webBaseUrl, w.config.loginTtl));
    w.web.add(new LoginRoutes(w.templates.catalog(), w.db.jdbi(), w.tokens, sessions, w.config.mailAddress, w.config.webBaseUrl,
        w.config.loginTtl));
  }
}
