package io.marketdesk.config;

import io.marketdesk.config.Config.MailUrl;
import java.util.Properties;

/**
 * The Jakarta Mail properties of one connection to a mail server, written once for the mailbox
 * (IMAP) and the outbox (SMTP): the protocol from the URL ({@code imaps}/{@code smtps} for implicit
 * TLS), the trust anchors, TCP_NODELAY, host and port, timeouts, and STARTTLS required when the URL
 * asks for it. Each side adds what is its own. Stateless.
 */
public final class MailConnection {
  private static final String CONNECT_TIMEOUT_MILLIS = "10000";
  private static final String WRITE_TIMEOUT_MILLIS = "30000";

  private MailConnection() {}

  /**
   * The properties for {@code base} ({@code imap} or {@code smtp}) at {@code url}.
   *
   * @param readTimeoutMillis how long a read may wait for the server
   * @return fresh properties, the protocol name under {@link #protocol}
   */
  public static Properties properties(String base, MailUrl url, MailTls tls, long readTimeoutMillis) {
    Properties p = new Properties();
    String proto = protocol(base, url);
    tls.apply(p, proto);
    NoDelaySockets.apply(p, proto);
    p.put("mail." + proto + ".host", url.host());
    p.put("mail." + proto + ".port", String.valueOf(url.port()));
    p.put("mail." + proto + ".connectiontimeout", CONNECT_TIMEOUT_MILLIS);
    p.put("mail." + proto + ".timeout", String.valueOf(readTimeoutMillis));
    p.put("mail." + proto + ".writetimeout", WRITE_TIMEOUT_MILLIS);
    if (url.startTls()) {
      p.put("mail." + base + ".starttls.enable", "true");
      p.put("mail." + base + ".starttls.required", "true");
    }
    return p;
  }

  /** {@code base}, or {@code base + "s"} when the URL asks for implicit TLS. */
  public static String protocol(String base, MailUrl url) {
    return url.ssl() ? base + "s" : base;
  }
}
