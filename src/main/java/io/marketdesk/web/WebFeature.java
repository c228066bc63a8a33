package io.marketdesk.web;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.login.Sessions;

/**
 * The personal pages ({@code /me}), made of the sections the features contributed. Needs the
 * {@link io.marketdesk.login.LoginFeature} wired before it.
 */
public final class WebFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    w.web.add(new MePage(w.db.jdbi(), w.get(Sessions.class), w.directory,
        new PageWords(w.templates.catalog(), w.config.mailAddress, w.config.zone), w.clock, w.config.loginTtl,
        w.personal));
  }
}
