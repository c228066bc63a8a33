package io.marketdesk.web;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.login.Sessions;

/**
 * The personal pages ({@code /me}) and the domain counts of the status page. Needs the
 * {@link io.marketdesk.login.LoginFeature} wired before it.
 */
public final class WebFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    w.web.add(new MePage(w.db.jdbi(), w.get(Sessions.class), w.directory, new PersonalPages(), w.config.mailAddress,
        w.clock, w.config.zone, w.config.loginTtl, w.templates.catalog(), w.personal));
  }
}
