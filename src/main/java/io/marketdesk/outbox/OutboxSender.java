package io.marketdesk.outbox;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.MailTls;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox over SMTP: {@code outbox.connections} threads (2 by default), each reusing one
 * connection of its own and claiming up to 20 due mails at a time. A 4xx answer or a connection
 * error is retried with exponential backoff; a 5xx answer is a permanent failure. Delivery is at
 * least once: a crash between the SMTP answer and the row update sends that one mail again, with
 * the same Message-ID so that mail clients show it once.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final MailUrl smtp;
  private final String fromAddress;
  private final String fromName;
  private final boolean eightBit;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final int maxAttempts;
  private final Duration claimLease;
  private final Semaphore wake = new Semaphore(0);
  private final Session session;
  private volatile boolean running;
  private volatile boolean connected;
  private final int connections;
  private final List<Line> lines = new java.util.ArrayList<>();
  private final List<Thread> threads = new java.util.ArrayList<>();
  /** Mails claimed at a time: what a crash leaves waiting for the lease to end. */
  private static final int CLAIM = 20;
  /** A connection used this recently is used again without a NOOP first. */
  private static final long TRUST_NANOS = 5_000_000_000L;
  /** An SMTP connection unused this long is closed; servers drop idle ones anyway. */
  private static final long IDLE_CLOSE_NANOS = 30_000_000_000L;

  public OutboxSender(
      Outbox outbox,
      MailUrl smtp,
      String fromAddress,
      String fromName,
      Duration retryInitial,
      Duration retryMax,
      int maxAttempts,
      Duration claimLease,
      int connections,
      String ehloName,
      boolean eightBit) {
    this(outbox, smtp, fromAddress, fromName, retryInitial, retryMax, maxAttempts, claimLease, connections, ehloName,
        eightBit, MailTls.jdkDefault());
  }

  /** As above, with the trust anchors of the SMTP server's TLS certificate ({@code mail.trust-store}). */
  public OutboxSender(
      Outbox outbox,
      MailUrl smtp,
      String fromAddress,
      String fromName,
      Duration retryInitial,
      Duration retryMax,
      int maxAttempts,
      Duration claimLease,
      int connections,
      String ehloName,
      boolean eightBit,
      MailTls tls) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.fromAddress = fromAddress;
    this.fromName = fromName;
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
    this.maxAttempts = maxAttempts;
    this.claimLease = claimLease;
    this.connections = connections;
    this.eightBit = eightBit;
    this.session = Session.getInstance(properties(smtp, ehloName, tls));
    outbox.onEnqueue(wake::release);
  }

  private static Properties properties(MailUrl u, String ehloName, MailTls tls) {
    Properties p = new Properties();
    String proto = u.ssl() ? "smtps" : "smtp";
    tls.apply(p, proto);
    io.marketdesk.config.NoDelaySockets.apply(p, proto);
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", u.host());
    p.put("mail." + proto + ".port", String.valueOf(u.port()));
    p.put("mail." + proto + ".auth", String.valueOf(!u.user().isEmpty()));
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "30000");
    p.put("mail." + proto + ".writetimeout", "30000");
    if (u.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    p.put("mail." + proto + ".localhost", ehloName);
    // a quoted-printable text part goes as 8bit where the server offers 8BITMIME (readable as it is)
    p.put("mail." + proto + ".allow8bitmime", "true");
    p.put("mail.mime.charset", "UTF-8");
    return p;
  }

  public synchronized void start() {
    running = true;
    for (int k = 1; k <= connections; k++) {
      Line line = new Line();
      Thread t = new Thread(() -> run(line), "outbox-sender-" + k);
      t.setDaemon(true);
      lines.add(line);
      threads.add(t);
      t.start();
    }
  }

  public boolean connected() {
    return connected;
  }

  private void run(Line line) {
    while (running) {
      try {
        int sent = line.drainOnce();
        if (sent == 0) {
          wake.tryAcquire(1, TimeUnit.SECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("outbox round failed: {}", e.toString());
        sleepQuietly(1000);
      }
    }
  }

  /** Whether a send failed because the connection is gone rather than because the server refused. */
  private static boolean dropped(MessagingException e) {
    if (e instanceof SMTPSendFailedException) {
      int code = ((SMTPSendFailedException) e).getReturnCode();
      return code == -1 || code == 421; // [EOF] from a closed socket, or "service closing channel"
    }
    return !(e instanceof SendFailedException);
  }

  private void fail(Outbox.Row row, int code, Exception e) {
    String answer = serverAnswer(e);
    if (code >= 500) {
      log.warn("outbox mail {} to {} failed for good: {}", row.id(), row.toAddr(), answer);
      outbox.markFailed(row.id(), answer.startsWith(String.valueOf(code)) ? answer : code + " " + answer);
    } else {
      retry(row, e);
    }
  }

  /**
   * What the SMTP server answered, whole: Jakarta Mail's {@link SendFailedException} says only
   * "Invalid Addresses", and the server's own words ({@code 550 5.1.1 <x@y>: Recipient address
   * rejected: User unknown in virtual mailbox table}) sit in the exceptions chained to it.
   */
  static String serverAnswer(Exception e) {
    LinkedHashSet<String> parts = new LinkedHashSet<>();
    Exception cur = e;
    for (int depth = 0; cur != null && depth < 10; depth++) {
      String m = cur.getMessage();
      if (m != null && !m.isBlank()) {
        parts.add(m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
      }
      cur = cur instanceof MessagingException ? ((MessagingException) cur).getNextException() : null;
    }
    if (parts.size() > 1) {
      parts.remove("Invalid Addresses");
    }
    return String.join("; ", parts);
  }

  private void retry(Outbox.Row row, Exception e) {
    long factor = 1L << Math.min(row.attempts(), 20);
    Duration wait = retryInitial.multipliedBy(factor);
    if (wait.compareTo(retryMax) > 0) {
      wait = retryMax;
    }
    String answer = serverAnswer(e);
    log.info("outbox mail {} will be retried in {}: {}", row.id(), wait, answer);
    outbox.markRetry(row.id(), row.attempts(), answer, wait, maxAttempts);
  }

  /**
   * One SMTP connection and the thread state that goes with it: each sender thread has its own, so
   * that while one waits for the server's answer (or for the store) another sends.
   */
  private final class Line {
    private Transport transport;
    /** The server announced 8BITMIME when this connection was opened. */
    private boolean serverEightBit;
    private long lastUse;
    /** When the connection was last used to send. */
    private long lastSend;

    /**
     * Sends what is due now; returns how many rows it handled. Each mail is marked sent the moment the
     * server has taken it, so a crash sends again at most this connection's mail in flight (the same
     * Message-ID); the others it had claimed go out once the lease ({@code outbox.claim-lease}) ends.
     */
    int drainOnce() {
      List<Outbox.Row> rows = outbox.claimDue(CLAIM, claimLease);
      long renewAt = System.nanoTime() + claimLease.toNanos() / 2;
      for (int i = 0; i < rows.size(); i++) {
        if (!running) {
          // stopping: what is left is given back now, not after the lease
          outbox.release(rows.subList(i, rows.size()).stream().map(Outbox.Row::id).toList());
          break;
        }
        if (System.nanoTime() > renewAt) {
          // a slow server: keep the lease on what is left, so no other instance sends it meanwhile
          outbox.renew(rows.subList(i, rows.size()).stream().map(Outbox.Row::id).toList(), claimLease);
          renewAt = System.nanoTime() + claimLease.toNanos() / 2;
        }
        Outbox.Row row = rows.get(i);
        if (send(row)) {
          outbox.markSent(row.id());
        }
      }
      if (rows.isEmpty() && System.nanoTime() - lastUse > IDLE_CLOSE_NANOS) {
        closeTransport();
      } else if (!rows.isEmpty()) {
        lastUse = System.nanoTime();
      }
      return rows.size();
    }

    /** Sends one mail; true when the server took it (the caller marks it sent). */
    private boolean send(Outbox.Row row) {
      MimeMessage msg;
      boolean built8bit = serverEightBit;
      try {
        msg = toMime(row, built8bit);
      } catch (MessagingException | UnsupportedEncodingException e) {
        outbox.markFailed(row.id(), "cannot build the mail: " + e.getMessage());
        return false;
      }
      try {
        boolean reused = transport != null;
        try {
          sendOn(transport(), msg, row, built8bit);
        } catch (MessagingException e) {
          if (!reused || !dropped(e)) {
            throw e;
          }
          // the reused connection had been dropped (server restarted, idle timeout): once more on a new one
          closeTransport();
          sendOn(transport(), msg, row, built8bit);
        }
        lastSend = System.nanoTime();
        return true;
      } catch (SMTPAddressFailedException e) {
        fail(row, e.getReturnCode(), e);
      } catch (SMTPSendFailedException e) {
        fail(row, e.getReturnCode(), e);
      } catch (SendFailedException e) {
        Exception next = e.getNextException();
        int code = next instanceof SMTPAddressFailedException
            ? ((SMTPAddressFailedException) next).getReturnCode()
            : 450;
        fail(row, code, e);
      } catch (MessagingException | IllegalStateException e) {
        closeTransport();
        MailTls.refusal(e, smtp.host() + ":" + smtp.port()).ifPresent(line -> {
          connected = false;
          log.error(line);
        });
        retry(row, e);
      }
      return false;
    }

    /**
     * Sends a mail built for a server with 8BITMIME ({@code built8bit}) or without; built for one and
     * sent on a new connection to a server that no longer announces it, it is built again.
     */
    private void sendOn(Transport t, MimeMessage msg, Outbox.Row row, boolean built8bit) throws MessagingException {
      MimeMessage m = msg;
      if (built8bit && !serverEightBit) {
        try {
          m = toMime(row, false);
        } catch (UnsupportedEncodingException e) {
          throw new MessagingException("cannot build the mail", e);
        }
      }
      t.sendMessage(m, m.getAllRecipients());
    }

    /**
     * The SMTP connection, opened when there is none. Jakarta Mail's {@code isConnected()} asks the
     * server with a NOOP, a round trip per mail were it called before each; so a connection used in
     * the last few seconds is taken as it is, and a send that finds it dropped is tried once more on a
     * new one ({@link #send}).
     */
    private Transport transport() throws MessagingException {
      boolean recent = transport != null && System.nanoTime() - lastSend < TRUST_NANOS;
      if (transport == null || (!recent && !transport.isConnected())) {
        closeTransport();
        Transport t = session.getTransport();
        if (smtp.user().isEmpty()) {
          t.connect();
        } else {
          t.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
        }
        transport = t;
        serverEightBit = t instanceof SMTPTransport && ((SMTPTransport) t).supportsExtension("8BITMIME");
        connected = true;
      }
      return transport;
    }

    private void closeTransport() {
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

  /** Sends what is due now on a connection of its own; returns how many rows it handled (tests). */
  public int drainOnce() {
    Line line = new Line();
    try {
      return line.drainOnce();
    } finally {
      line.closeTransport();
    }
  }

  MimeMessage toMime(Outbox.Row row) throws MessagingException, UnsupportedEncodingException {
    return toMime(row, false);
  }

  /**
   * The mail of an outbox row; {@code serverEightBit}: the connection it goes on announced 8BITMIME, so
   * that its text parts are written 8bit as they are (as Jakarta Mail's {@code allow8bitmime} would
   * make them on the way, at the cost of reading each part back through a thread and a pipe).
   */
  MimeMessage toMime(Outbox.Row row, boolean serverEightBit) throws MessagingException, UnsupportedEncodingException {
    boolean eight = eightBit || serverEightBit;
    FixedIdMessage msg = new FixedIdMessage(session, "<" + row.messageId() + ">");
    if (row.bounceToken() != null) {
      msg.setEnvelopeFrom(Outbox.bounceAddress(fromAddress, row.bounceToken()));
    }
    msg.setHeader("From", MimeUtility.fold(6, FromHeader.value(fromName, fromAddress)));
    msg.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(row.toAddr())});
    if (row.replyTo() != null) {
      msg.setReplyTo(new Address[] {new InternetAddress(row.replyTo())});
    }
    msg.setSubject(row.subject(), "UTF-8");
    msg.setSentDate(new Date());
    List<OutgoingMail.FileAttachment> files = row.hasAttachments() ? outbox.attachments(row.id()) : List.of();
    if (files.isEmpty() && row.html() == null) {
      msg.setText(row.body(), "UTF-8");
      msg.setHeader("Content-Transfer-Encoding", textEncoding(row.body(), eight));
    } else if (files.isEmpty()) {
      msg.setContent(alternative(row, eight));
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart first = new MimeBodyPart();
      if (row.html() == null) {
        first.setText(row.body(), "UTF-8");
        first.setHeader("Content-Transfer-Encoding", textEncoding(row.body(), eight));
      } else {
        first.setContent(alternative(row, eight));
      }
      mixed.addBodyPart(first);
      for (OutgoingMail.FileAttachment f : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(
            new jakarta.mail.util.ByteArrayDataSource(f.data(), f.contentType())));
        part.setFileName(MimeUtility.encodeText(f.filename(), "UTF-8", null));
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      msg.setContent(mixed);
    }
    if (row.inReplyTo() != null) {
      msg.setHeader("In-Reply-To", "<" + row.inReplyTo() + ">");
    }
    if (row.refs() != null && !row.refs().isBlank()) {
      StringBuilder refs = new StringBuilder();
      for (String r : row.refs().trim().split("\\s+")) {
        refs.append(refs.length() == 0 ? "" : " ").append('<').append(r).append('>');
      }
      msg.setHeader("References", refs.toString());
    }
    boolean reply = row.inReplyTo() != null || row.kind().equals("reply") || row.kind().equals("unregistered");
    msg.setHeader("Auto-Submitted", reply ? "auto-replied" : "auto-generated");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader("X-Marketdesk-Kind", row.kind());
    // the headers now, not at writeTo: the 8BITMIME conversion on the way reads the part's Content-Type
    // (its charset) before the message is written, and without it would write the text as US-ASCII
    msg.saveChanges();
    return msg;
  }

  /**
   * The text and its HTML as {@code multipart/alternative}: the text first (clients show the last
   * part they can, and commands are read from the text), both UTF-8 and never base64
   * (docs/mail-design.md).
   */
  private MimeMultipart alternative(Outbox.Row row, boolean eight) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(row.body(), "UTF-8");
    text.setHeader("Content-Transfer-Encoding", textEncoding(row.body(), eight));
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(row.html(), "UTF-8", "html");
    html.setHeader("Content-Transfer-Encoding", textEncoding(row.html(), eight));
    alternative.addBodyPart(html);
    return alternative;
  }

  /**
   * The transfer encoding of a text part: never base64, which curl and raw views show as noise.
   * 8bit when this server is known to keep 8-bit bytes (the embedded one, or one whose EHLO announced
   * 8BITMIME on this connection) and every line fits SMTP's 998 octets; otherwise quoted-printable,
   * which Jakarta Mail turns into 8bit on the way when the server announces 8BITMIME
   * ({@code allow8bitmime}).
   */
  String textEncoding(String body) {
    return textEncoding(body, eightBit);
  }

  private static String textEncoding(String body, boolean eightBit) {
    if (eightBit) {
      // the UTF-8 length of each line, counted without encoding it (a surrogate pair is 4 bytes)
      int lineBytes = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\n') {
          lineBytes = 0;
          continue;
        }
        lineBytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (lineBytes > 998) {
          return "quoted-printable";
        }
      }
      return "8bit";
    }
    return "quoted-printable";
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    wake.release(threads.size() + 1);
    for (Thread t : threads) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Line line : lines) {
      line.closeTransport();
    }
  }

  /** A MimeMessage that keeps the Message-ID the outbox chose, with an envelope sender of its own. */
  private static final class FixedIdMessage extends SMTPMessage {
    private final String id;

    FixedIdMessage(Session s, String id) {
      super(s);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
