package io.marketdesk.login;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;

/**
 * Logging in by mail: the {@code 登录 / login} command, the {@code /login/TOKEN} and {@code /logout}
 * routes, and the {@link Sessions} service the personal pages read.
 */
public record LoginFeature(Sessions sessions, Contribution contribution) {
  public static LoginFeature build(Shared s) {
    Sessions sessions = new Sessions(s.jdbi(), s.clock());
    return new LoginFeature(sessions, Contribution.builder()
        .command(new LoginHandler(s.tokens(), s.config().webBaseUrl, s.config().loginTtl))
        .web(new LoginRoutes(s.templates().catalog(), s.jdbi(), s.tokens(), sessions, s.config().mailAddress,
            s.config().webBaseUrl, s.config().loginTtl))
        .build());
  }
}
