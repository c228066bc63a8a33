package io.marketdesk;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.config.Config;

/**
 * What {@code run} prints once started: where things are and how to send a first mail
 * ({@code templates/console/banner.ftl}).
 */
public final class Banner {
  private Banner() {}

  /** The banner's model: the running set-up; the mail ports are 0 without the embedded server. */
  public record Model(String webBaseUrl, String dbUrl, boolean embedded, String imapUrl, String serviceAddress, int smtp,
      int imap, String password, String operator, String alice, String aliceAccount, String bob, String bobAccount,
      String buyer, String apiToken) {}

  static String text(Config c, App app) {
    boolean embedded = app.embedded() != null;
    Model m = new Model(c.webBaseUrl, c.dbUrl, embedded, String.valueOf(c.imapUrl), c.mailAddress,
        embedded ? app.embedded().smtpPort() : 0, embedded ? app.embedded().imapPort() : 0, App.DEMO_PASSWORD,
        DemoData.OPERATOR, DemoData.ALICE, DemoData.ALICE_ACCOUNT, DemoData.BOB, DemoData.BOB_ACCOUNT, DemoData.BUYER,
        c.apiToken);
    return app.core().shared().templates().render("console/banner.ftl", m);
  }
}
