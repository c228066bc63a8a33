package io.marketdesk.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.marketdesk.config.Config.MailUrl;
import java.util.List;

/**
 * The embedded mail server of the default set-up: GreenMail with SMTP and IMAP on loopback, the demo
 * users (password {@code demo}), and sub-addressing so that {@code market+TOKEN@domain} reaches the
 * service mailbox. Not for production: it keeps mail in memory.
 */
public final class EmbeddedMailServer implements AutoCloseable {
  /** A mailbox user: address and password. */
  public record User(String address, String password) {}

  private final NoDelayGreenMail greenMail;
  private final String serviceAddress;
  private final String servicePassword;

  /**
   * @param smtpPort 3025 by default; 0 for any free port
   * @param imapPort 3143 by default; 0 for any free port
   */
  public EmbeddedMailServer(int smtpPort, int imapPort, String serviceAddress, String servicePassword, List<User> users) {
    ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    if (smtpPort == 0) {
      smtp = smtp.dynamicPort();
    }
    if (imapPort == 0) {
      imap = imap.dynamicPort();
    }
    smtp.setServerStartupTimeout(10_000);
    imap.setServerStartupTimeout(10_000);
    this.greenMail = new NoDelayGreenMail(new ServerSetup[] {smtp, imap});
    this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withSieveIgnoreDetail());
    this.serviceAddress = serviceAddress;
    this.servicePassword = servicePassword;
    greenMail.start();
    greenMail.setUser(serviceAddress, serviceAddress, servicePassword);
    for (User u : users) {
      if (!u.address().equalsIgnoreCase(serviceAddress)) {
        greenMail.setUser(u.address(), u.address(), u.password());
      }
    }
  }

  public int smtpPort() {
    return greenMail.smtpPort();
  }

  public int imapPort() {
    return greenMail.imapPort();
  }

  /** The service mailbox as an IMAP URL. */
  public MailUrl imapUrl() {
    return new MailUrl("imap", serviceAddress, servicePassword, "127.0.0.1", imapPort(), "/INBOX", false);
  }

  public MailUrl smtpUrl() {
    return new MailUrl("smtp", "", "", "127.0.0.1", smtpPort(), "", false);
  }

  /** Adds a mailbox user (tests, onboarding in the demo). */
  public void addUser(String address, String password) {
    greenMail.setUser(address, address, password);
  }

  public GreenMail greenMail() {
    return greenMail;
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
