package io.marketdesk.outbox;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.Config;
import io.marketdesk.config.MailConnection;
import io.marketdesk.config.MailTls;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox over SMTP: {@code outbox.connections} threads (2 by default), each reusing one
 * {@link SmtpConnection} of its own and claiming up to 20 due mails at a time; {@link OutgoingMime}
 * builds each message. A 4xx answer or a connection error is retried with exponential backoff; a 5xx
 * answer is a permanent failure. Delivery is at least once: a crash between the SMTP answer and the
 * row update sends that one mail again, with the same Message-ID so that mail clients show it once.
 * The {@link Outbox} wakes it after each transaction that enqueued mail commits.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final MailUrl smtp;
  private final OutgoingMime mime;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final int maxAttempts;
  private final Duration claimLease;
  private final Semaphore wake = new Semaphore(0);
  private final Session session;
  private volatile boolean running;
  private volatile boolean connected;
  private final int connections;
  private final List<Line> lines = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  /** Mails claimed at a time: what a crash leaves waiting for the lease to end. */
  private static final int CLAIM = 20;
  /** An SMTP connection unused this long is closed; servers drop idle ones anyway. */
  private static final long IDLE_CLOSE_NANOS = 30_000_000_000L;

  /**
   * How the sender sends: from whom, how it retries, over how many connections, and whether the
   * server keeps 8-bit bytes (the embedded one).
   */
  public record Settings(String fromAddress, String fromName, Duration retryInitial, Duration retryMax, int maxAttempts,
      Duration claimLease, int connections, String ehloName, boolean eightBit) {
    /** The settings {@code config} gives; {@code eightBit} for the embedded server. */
    public static Settings of(Config config, boolean eightBit) {
      return new Settings(config.mailAddress, config.mailFromName, config.retryInitial, config.retryMax,
          config.maxAttempts, config.claimLease, config.senderConnections, config.smtpEhloName, eightBit);
    }
  }

  /** With the trust anchors of the SMTP server's TLS certificate ({@code mail.trust-store}). */
  public OutboxSender(Outbox outbox, MailUrl smtp, Settings settings, MailTls tls) {
    this.outbox = outbox;
    this.smtp = smtp;
    this.retryInitial = settings.retryInitial();
    this.retryMax = settings.retryMax();
    this.maxAttempts = settings.maxAttempts();
    this.claimLease = settings.claimLease();
    this.connections = settings.connections();
    this.session = Session.getInstance(properties(smtp, settings.ehloName(), tls));
    this.mime = new OutgoingMime(session, settings.fromAddress(), settings.fromName(), settings.eightBit());
    outbox.onEnqueue(wake::release);
  }

  private static Properties properties(MailUrl u, String ehloName, MailTls tls) {
    Properties p = MailConnection.properties("smtp", u, tls, 30_000);
    String proto = MailConnection.protocol("smtp", u);
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".auth", String.valueOf(!u.user().isEmpty()));
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
   * One sender thread's state: its SMTP connection, so that while one thread waits for the server's
   * answer (or for the store) another sends.
   */
  private final class Line {
    private final SmtpConnection connection = new SmtpConnection(session, smtp, () -> connected = true);
    private long lastUse;

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
        connection.close();
      } else if (!rows.isEmpty()) {
        lastUse = System.nanoTime();
      }
      return rows.size();
    }

    /** Sends one mail; true when the server took it (the caller marks it sent). */
    private boolean send(Outbox.Row row) {
      MimeMessage msg;
      List<OutgoingMail.FileAttachment> files;
      boolean built8bit = connection.eightBit();
      try {
        files = row.hasAttachments() ? outbox.attachments(row.id()) : List.of();
        msg = mime.toMime(row, files, built8bit);
      } catch (MessagingException | UnsupportedEncodingException e) {
        outbox.markFailed(row.id(), "cannot build the mail: " + e.getMessage());
        return false;
      }
      try {
        connection.send(msg, built8bit, () -> {
          try {
            return mime.toMime(row, files, false);
          } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot build the mail", e);
          }
        });
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
        connection.close();
        MailTls.refusal(e, smtp.host() + ":" + smtp.port()).ifPresent(line -> {
          connected = false;
          log.error(line);
        });
        retry(row, e);
      }
      return false;
    }
  }

  /** Sends what is due now on a connection of its own; returns how many rows it handled (tests). */
  public int drainOnce() {
    Line line = new Line();
    try {
      return line.drainOnce();
    } finally {
      line.connection.close();
    }
  }

  /** The message of a row, its files read from the outbox. */
  MimeMessage toMime(Outbox.Row row) throws MessagingException, UnsupportedEncodingException {
    return toMime(row, false);
  }

  /** The message of a row as it goes on a connection whose server announced 8BITMIME, or not. */
  MimeMessage toMime(Outbox.Row row, boolean serverEightBit) throws MessagingException, UnsupportedEncodingException {
    return mime.toMime(row, row.hasAttachments() ? outbox.attachments(row.id()) : List.of(), serverEightBit);
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
      line.connection.close();
    }
  }
}
