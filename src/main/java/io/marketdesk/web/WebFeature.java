package io.marketdesk.web;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import io.marketdesk.feature.Shared;
import io.marketdesk.login.Sessions;
import java.util.List;

/**
 * The personal pages ({@code /me}), built last: they show the sections the other features
 * contribute, and read the {@link io.marketdesk.login.LoginFeature}'s sessions.
 */
public final class WebFeature {
  private WebFeature() {}

  public static Contribution build(Shared w, Sessions sessions, List<PersonalSection> personal) {
    return Contribution.builder()
        .web(new MePage(w.jdbi(), sessions, w.directory(),
            new PageWords(w.templates().catalog(), w.config().mailAddress, w.config().zone), w.clock(), w.config().loginTtl,
            personal))
        .build();
  }
}
