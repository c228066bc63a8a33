package io.marketdesk.outbox;

import io.marketdesk.config.Config.MailUrl;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, opened when first needed and kept for the next mail: a connection used in the
 * last few seconds is taken as it is (Jakarta Mail's {@code isConnected()} costs a NOOP round trip),
 * and a send that finds a reused connection dropped is tried once more on a new one. One thread at a
 * time: each sender thread has its own.
 */
final class SmtpConnection {
  private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);
  /** A connection used this recently is used again without a NOOP first. */
  private static final long TRUST_NANOS = 5_000_000_000L;

  private final Session session;
  private final MailUrl smtp;
  private final Runnable onConnected;
  private Transport transport;
  /** The server announced 8BITMIME when this connection was opened. */
  private boolean serverEightBit;
  /** When the connection was last used to send. */
  private long lastSend;

  /** {@code onConnected} runs each time a connection is made (the status page's "connected"). */
  SmtpConnection(Session session, MailUrl smtp, Runnable onConnected) {
    this.session = session;
    this.smtp = smtp;
    this.onConnected = onConnected;
  }

  /**
   * Hands a mail to the server; returns when the server has taken it. A refusal or a fault is thrown
   * as Jakarta Mail reports it; after a fault the connection is closed, and the next send opens one.
   */
  void send(MimeMessage msg) throws MessagingException {
    send(msg, false, null);
  }

  /**
   * Hands a mail to the server as {@link #send(MimeMessage)} does; a mail built 8bit for a server with
   * 8BITMIME ({@code built8bit}) that ends up on a new connection to one without it is built again
   * by {@code plain}.
   */
  void send(MimeMessage msg, boolean built8bit, Rebuild plain) throws MessagingException {
    boolean reused = transport != null;
    try {
      sendOn(transport(), msg, built8bit, plain);
    } catch (MessagingException e) {
      if (!reused || !dropped(e)) {
        throw e;
      }
      // the reused connection had been dropped (server restarted, idle timeout): once more on a new one
      close();
      sendOn(transport(), msg, built8bit, plain);
    }
    lastSend = System.nanoTime();
  }

  private void sendOn(Transport t, MimeMessage msg, boolean built8bit, Rebuild plain) throws MessagingException {
    MimeMessage m = built8bit && !serverEightBit ? plain.build() : msg;
    t.sendMessage(m, m.getAllRecipients());
  }

  /** Whether the open connection's server announced 8BITMIME (false before the first connection). */
  boolean eightBit() {
    return transport != null && serverEightBit;
  }

  /** Builds a mail again, its text parts quoted-printable. */
  @FunctionalInterface
  interface Rebuild {
    MimeMessage build() throws MessagingException;
  }

  /** Whether a send failed because the connection is gone rather than because the server refused. */
  private static boolean dropped(MessagingException e) {
    if (e instanceof SMTPSendFailedException) {
      int code = ((SMTPSendFailedException) e).getReturnCode();
      return code == -1 || code == 421; // [EOF] from a closed socket, or "service closing channel"
    }
    return !(e instanceof SendFailedException);
  }

  /** The connection, opened when there is none or when a quiet one no longer answers. */
  private Transport transport() throws MessagingException {
    boolean recent = transport != null && System.nanoTime() - lastSend < TRUST_NANOS;
    if (transport == null || (!recent && !transport.isConnected())) {
      close();
      Transport t = session.getTransport();
      if (smtp.user().isEmpty()) {
        t.connect();
      } else {
        t.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
      }
      transport = t;
      serverEightBit = t instanceof SMTPTransport && ((SMTPTransport) t).supportsExtension("8BITMIME");
      onConnected.run();
    }
    return transport;
  }

  /** Closes the connection, if open (idle, a fault, or stop). */
  void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        log.debug("closing SMTP: {}", e.toString());
      }
      transport = null;
    }
  }
}
