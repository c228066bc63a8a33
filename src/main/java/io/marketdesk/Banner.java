package io.marketdesk;

import io.marketdesk.app.App;
import io.marketdesk.app.DemoData;
import io.marketdesk.config.Config;

/** What {@code run} prints once started: where things are and how to send a first mail. */
final class Banner {
  private Banner() {}

  static String text(Config c, App app) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nmarketdesk is running.\n");
    sb.append("  web:      ").append(c.webBaseUrl).append("/   (status page; /health, /metrics)\n");
    sb.append("  database: ").append(c.dbUrl).append('\n');
    if (app.embedded() == null) {
      sb.append("  mailbox:  ").append(c.imapUrl).append("  service address ").append(c.mailAddress).append('\n');
      return sb.append("Stop with Ctrl-C.\n").toString();
    }
    int smtp = app.embedded().smtpPort();
    int imap = app.embedded().imapPort();
    sb.append("  mail:     embedded server, SMTP 127.0.0.1:").append(smtp).append(", IMAP 127.0.0.1:").append(imap)
        .append("; every mailbox's password is ").append(App.DEMO_PASSWORD).append('\n');
    sb.append("  people:   operator ").append(DemoData.OPERATOR).append(", providers ").append(DemoData.ALICE)
        .append(" (").append(DemoData.ALICE_ACCOUNT).append(") and ").append(DemoData.BOB).append(" (")
        .append(DemoData.BOB_ACCOUNT).append("), buyer ").append(DemoData.BUYER).append('\n');
    sb.append("  api:      bearer token ").append(c.apiToken.isEmpty() ? "(none set)" : c.apiToken).append('\n');
    sb.append("\nSend a first mail (as provider alice, asking for help):\n\n");
    sb.append("  printf 'From: ").append(DemoData.ALICE).append("\\r\\nTo: ").append(c.mailAddress)
        .append("\\r\\nSubject: help\\r\\n\\r\\n帮助\\r\\n' | \\\n");
    sb.append("    curl -s smtp://127.0.0.1:").append(smtp).append(" --mail-from ").append(DemoData.ALICE)
        .append(" --mail-rcpt ").append(c.mailAddress).append(" -T -\n");
    sb.append("\nRead alice's replies (list, then fetch the first one):\n\n");
    sb.append("  curl -s imap://127.0.0.1:").append(imap).append("/INBOX -u ").append(DemoData.ALICE).append(':')
        .append(App.DEMO_PASSWORD).append(" -X 'SEARCH ALL'\n");
    sb.append("  curl -s 'imap://127.0.0.1:").append(imap).append("/INBOX;MAILINDEX=1' -u ").append(DemoData.ALICE)
        .append(':').append(App.DEMO_PASSWORD).append('\n');
    sb.append("\nOr point any mail client at it (IMAP 127.0.0.1:").append(imap).append(", SMTP 127.0.0.1:").append(smtp)
        .append(", no TLS). Stop with Ctrl-C.\n");
    return sb.toString();
  }
}
