package io.marketdesk.outbox;

import io.marketdesk.token.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The transactional outbox: mails are written in the same transaction as the effects that cause
 * them, and {@link OutboxSender} drains them over SMTP. Rows are claimed with a lease so that several
 * instances never send one row twice at the same time. Thread-safe.
 */
public final class Outbox {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One row as the sender and the status page see it. */
  public record Row(
      long id,
      String messageId,
      String kind,
      String toAddr,
      String replyTo,
      String subject,
      String body,
      String inReplyTo,
      String refs,
      String token,
      String status,
      int attempts,
      Long inboundId,
      boolean hasAttachments,
      String bounceToken,
      String html) {}

  /**
   * Counts by state, for the status page and the metrics; {@code suppressed} counts the replies the
   * hourly cap holds back (they go out when the hour allows) and the ones older versions dropped.
   */
  public record Counts(long waiting, long retrying, long sent, long failed, long suppressed) {}

  /** The outgoing mail a bounce address names, as a bounce is checked against it. */
  public record Sent(long id, String messageId, String toAddr, String status) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final String domain;
  private final String instance;
  private volatile Runnable onEnqueue = () -> {};

  public Outbox(Jdbi jdbi, Clock clock, String domain, String instance) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.domain = domain;
    this.instance = instance;
  }

  /**
   * What wakes the sender: run after each transaction that enqueued mail commits ({@link #enqueue}
   * registers it on the handle), so no caller wakes the sender by hand and a rolled-back mail wakes
   * nobody.
   */
  public void onEnqueue(Runnable r) {
    this.onEnqueue = r;
  }

  /** Wakes the sender now (a test that changed the clock, say); an enqueue needs no call. */
  public void wake() {
    onEnqueue.run();
  }

  /** A fresh Message-ID (without brackets) in the service's domain. */
  public String newMessageId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return "md." + HexFormat.of().formatHex(b) + "@" + domain;
  }

  /**
   * The envelope sender (SMTP {@code MAIL FROM}) of one outgoing mail: the service address with
   * {@code +b-TOKEN} (VERP), so that a bounce names the mail it is about by the address it comes
   * back to, which only the mail's own path has seen.
   */
  public static String bounceAddress(String serviceAddress, String bounceToken) {
    int at = serviceAddress.indexOf('@');
    return serviceAddress.substring(0, at) + "+b-" + bounceToken + serviceAddress.substring(at);
  }

  /**
   * Adds a mail in the caller's transaction, to go at once.
   *
   * @return the new mail's Message-ID
   */
  public String enqueue(Handle h, OutgoingMail m, Long inboundId) {
    return enqueue(h, m, inboundId, clock.millis());
  }

  /**
   * Adds a mail in the caller's transaction that goes no earlier than {@code releaseAt} (a reply the
   * hourly cap holds back).
   *
   * @return the new mail's Message-ID
   */
  public String enqueue(Handle h, OutgoingMail m, Long inboundId, long releaseAt) {
    String messageId = newMessageId();
    long now = clock.millis();
    long id = h.createUpdate(
            "INSERT INTO outbox (message_id, inbound_id, kind, to_addr, reply_to, subject,"
                + " in_reply_to, refs, token, status, attempts, next_attempt_at, created_at, bounce_token, release_at)"
                + " VALUES (:mid, :inbound, :kind, :to, :replyTo, :subject, :inReplyTo, :refs,"
                + " :token, 'waiting', 0, :release, :now, :bounce, :release)")
        .bind("mid", messageId)
        .bind("inbound", inboundId)
        .bind("kind", m.kind())
        .bind("to", m.to())
        .bind("replyTo", m.replyTo())
        .bind("subject", m.subject())
        .bind("inReplyTo", m.inReplyTo())
        .bind("refs", String.join(" ", m.references()))
        .bind("token", m.token())
        .bind("now", now)
        .bind("release", Math.max(now, releaseAt))
        .bind("bounce", Tokens.random())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    // the words apart from the row, whose state changes on its way (V210)
    h.createUpdate("INSERT INTO outbox_content (outbox_id, body, html) VALUES (:id, :body, :html)")
        .bind("id", id)
        .bind("body", m.body())
        .bind("html", m.html())
        .execute();
    wakeAfterCommit(h);
    if (!m.attachments().isEmpty()) {
      for (OutgoingMail.FileAttachment a : m.attachments()) {
        h.createUpdate("INSERT INTO outbox_attachment (outbox_id, filename, content_type, data) VALUES (:id, :f, :ct, :d)")
            .bind("id", id).bind("f", a.filename()).bind("ct", a.contentType()).bind("d", a.data()).execute();
      }
    }
    return messageId;
  }

  /**
   * Wakes the sender once the caller's transaction commits (Jdbi runs the hook on commit, on SQLite
   * and PostgreSQL alike, and drops it on rollback); outside a transaction the row is there already.
   */
  private void wakeAfterCommit(Handle h) {
    if (h.isInTransaction()) {
      h.afterCommit(this::wake);
    } else {
      wake();
    }
  }

  /** The files an outgoing mail carries, in order. */
  public List<OutgoingMail.FileAttachment> attachments(long outboxId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT filename, content_type, data FROM outbox_attachment WHERE outbox_id = :id ORDER BY id")
        .bind("id", outboxId)
        .map((rs, c) -> new OutgoingMail.FileAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .list());
  }

  /**
   * When the next mail of these kinds to an address may go so that at most {@code perWindow} of them
   * go in any {@code window} (a sliding window over the times they were let go): now, or the moment
   * the oldest of the last {@code perWindow} leaves the window ({@code now} is the caller's, so that it
   * can tell "now" from "later" by the same instant). Mails queued one after the other get
   * times that never decrease, so held mails go in the order they were queued.
   */
  public long nextRelease(Handle h, String to, List<String> kinds, int perWindow, Duration window, long now) {
    List<Long> recent = h.createQuery(
            "SELECT release_at FROM outbox WHERE to_addr = :to AND kind IN (<kinds>) AND status <> 'suppressed'"
                + " AND release_at > :since ORDER BY release_at DESC LIMIT :cap")
        .bind("to", to)
        .bindList("kinds", kinds)
        .bind("since", now - window.toMillis())
        .bind("cap", perWindow)
        .mapTo(Long.class)
        .list();
    if (recent.size() < perWindow) {
      return now;
    }
    return Math.max(now, recent.get(perWindow - 1) + window.toMillis());
  }

  /**
   * How many mails of these kinds went (or will go) to an address since a moment, counting at most
   * {@code cap}: the limits only ask "at least N?", and a bounded count stays cheap however much
   * mail an address has had.
   */
  public long countTo(Handle h, String to, List<String> kinds, long sinceMillis, int cap) {
    return h.createQuery(
            "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE to_addr = :to AND kind IN (<kinds>)"
                + " AND created_at >= :since AND status <> 'suppressed' LIMIT :cap) recent")
        .bind("to", to)
        .bindList("kinds", kinds)
        .bind("since", sinceMillis)
        .bind("cap", cap)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Claims up to {@code limit} due rows for this instance, with a lease. Safe across instances: the
   * UPDATE repeats the due condition, so when two instances pick the same rows the second one's UPDATE
   * waits for the first to commit (a row lock on PostgreSQL, the write lock on SQLite), then finds them
   * no longer due and leaves them; each instance sends only the rows it holds the lease of.
   */
  public List<Row> claimDue(int limit, Duration lease) {
    long now = clock.millis();
    return jdbi.inTransaction(
        h -> {
          List<Long> ids =
              h.createQuery(
                      "SELECT id FROM outbox WHERE ((status = 'waiting' AND next_attempt_at <= :now)"
                          + " OR (status = 'sending' AND claimed_until < :now)) ORDER BY id LIMIT :limit")
                  .bind("now", now)
                  .bind("limit", limit)
                  .mapTo(Long.class)
                  .list();
          if (ids.isEmpty()) {
            return List.of();
          }
          h.createUpdate(
                  "UPDATE outbox SET status = 'sending', claimed_by = :me, claimed_until = :until"
                      + " WHERE id IN (<ids>) AND ((status = 'waiting' AND next_attempt_at <= :now)"
                      + " OR (status = 'sending' AND claimed_until < :now))")
              .bind("me", claimer())
              .bind("until", now + lease.toMillis())
              .bind("now", now)
              .bindList("ids", ids)
              .execute();
          return h.createQuery(
                  "SELECT id, message_id, kind, to_addr, reply_to, subject, c.body, in_reply_to, refs,"
                      + " token, status, attempts, inbound_id,"
                      + " EXISTS (SELECT 1 FROM outbox_attachment a WHERE a.outbox_id = outbox.id), bounce_token, c.html"
                      + " FROM outbox JOIN outbox_content c ON c.outbox_id = outbox.id"
                      + " WHERE id IN (<ids>) AND claimed_by = :me AND claimed_until = :until AND status = 'sending'"
                      + " ORDER BY id")
              .bindList("ids", ids)
              .bind("me", claimer())
              .bind("until", now + lease.toMillis())
              .map(
                  (rs, ctx) ->
                      new Row(
                          rs.getLong(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          rs.getString(8),
                          rs.getString(9),
                          rs.getString(10),
                          rs.getString(11),
                          rs.getInt(12),
                          rs.getObject(13) == null ? null : rs.getLong(13),
                          rs.getBoolean(14),
                          rs.getString(15),
                          rs.getString(16)))
              .list();
        });
  }

  /**
   * Who holds a claim: this instance and the thread that made it. The sender runs several threads,
   * and two of them claiming in the same millisecond must not read each other's rows as their own.
   */
  private String claimer() {
    return instance + "/" + Thread.currentThread().getId();
  }

  /** Extends the calling thread's lease on claimed mails it has not sent yet. */
  public void renew(List<Long> ids, Duration lease) {
    if (ids.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> h.createUpdate(
            "UPDATE outbox SET claimed_until = :until WHERE id IN (<ids>) AND claimed_by = :me AND status = 'sending'")
        .bind("until", clock.millis() + lease.toMillis())
        .bind("me", claimer())
        .bindList("ids", ids)
        .execute());
  }

  /** Gives back claimed mails the calling thread will not send (it is stopping): due again at once. */
  public void release(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> h.createUpdate(
            "UPDATE outbox SET status = 'waiting', claimed_by = NULL, claimed_until = NULL"
                + " WHERE id IN (<ids>) AND claimed_by = :me AND status = 'sending'")
        .bind("me", claimer())
        .bindList("ids", ids)
        .execute());
  }

  /** Marks a mail sent (the server took it), in a transaction of its own. */
  public void markSent(long id) {
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "UPDATE outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1,"
                        + " claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = :id")
                .bind("now", clock.millis())
                .bind("id", id)
                .execute());
  }

  /** A temporary failure: waits and tries again, or fails for good after the last attempt. */
  public void markRetry(long id, int attempts, String error, Duration wait, int maxAttempts) {
    boolean last = attempts + 1 >= maxAttempts;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE outbox SET status = :status, attempts = attempts + 1, last_error = :err,"
                        + " next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                .bind("status", last ? "failed" : "waiting")
                .bind("err", truncate(error))
                .bind("next", clock.millis() + wait.toMillis())
                .bind("id", id)
                .execute());
  }

  public void markFailed(long id, String error) {
    jdbi.useHandle(h -> markFailed(h, id, error));
  }

  private static void markFailed(Handle h, long id, String error) {
    h.createUpdate(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = :err,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id")
        .bind("err", truncate(error))
        .bind("id", id)
        .execute();
  }

  /** The mail a bounce token was sent with, if any. */
  public Optional<Sent> byBounceToken(Handle h, String bounceToken) {
    return h.createQuery("SELECT id, message_id, to_addr, status FROM outbox WHERE bounce_token = :t")
        .bind("t", bounceToken)
        .map((rs, ctx) -> new Sent(rs.getLong("id"), rs.getString("message_id"), rs.getString("to_addr"),
            rs.getString("status")))
        .findFirst();
  }

  /** A trusted bounce came back for a mail we sent: it failed. */
  public void markBounced(Handle h, long id, String reason) {
    h.createUpdate(
            "UPDATE outbox SET status = 'failed', last_error = :err, claimed_by = NULL, claimed_until = NULL WHERE id = :id")
        .bind("err", truncate("bounced: " + reason))
        .bind("id", id)
        .execute();
  }

  /** The error of the mail that failed last, as the server answered it, or empty. */
  public Optional<String> lastFailure() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT last_error FROM outbox WHERE status = 'failed' AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1")
        .mapTo(String.class)
        .findFirst());
  }

  /** The token an earlier mail of ours carried, found by its Message-ID (replies thread to it). */
  public Optional<String> tokenOfMessage(Handle h, String messageId) {
    return h.createQuery("SELECT token FROM outbox WHERE message_id = :mid AND token IS NOT NULL")
        .bind("mid", messageId)
        .mapTo(String.class)
        .findFirst();
  }

  /**
   * Whether a mail of ours with this Message-ID went (or was queued) to this address since a moment:
   * our Message-IDs are random, so a mail that names one in its thread was written by someone who
   * read that mail (docs/security.md).
   */
  public boolean sentTo(Handle h, String messageId, String address, long since) {
    return h.createQuery("SELECT to_addr FROM outbox WHERE message_id = :mid AND created_at >= :since")
        .bind("mid", messageId)
        .bind("since", since)
        .mapTo(String.class)
        .findFirst()
        .filter(to -> to.equalsIgnoreCase(address))
        .isPresent();
  }

  public Counts counts() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT"
                        + " SUM(CASE WHEN status IN ('waiting','sending') AND attempts = 0 AND release_at <= :now THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status IN ('waiting','sending') AND attempts > 0 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'suppressed'"
                        + " OR (status = 'waiting' AND attempts = 0 AND release_at > :now) THEN 1 ELSE 0 END) FROM outbox")
                .bind("now", clock.millis())
                .map(
                    (rs, ctx) ->
                        new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .one());
  }

  /** Records what a queued mail is about (the thread's context for its answers). */
  public void recordAbout(Handle h, String messageId, About about) {
    if (about == null || about.isEmpty()) {
      return;
    }
    h.createUpdate("UPDATE outbox SET about = :about WHERE message_id = :mid")
        .bind("about", about.encode())
        .bind("mid", messageId)
        .execute();
  }

  /** A mail of ours as a reply to it sees it: its text, what it was about, its token. */
  public record Answered(String messageId, String kind, String body, About about, String token) {}

  /** Our mail with this Message-ID (without brackets), if it is one of ours. */
  public Optional<Answered> answered(Handle h, String messageId) {
    return h.createQuery("SELECT message_id, kind, c.body, about, token FROM outbox"
            + " JOIN outbox_content c ON c.outbox_id = outbox.id WHERE message_id = :mid")
        .bind("mid", messageId)
        .map((rs, ctx) -> new Answered(rs.getString("message_id"), rs.getString("kind"), rs.getString("body"),
            About.decode(rs.getString("about")), rs.getString("token")))
        .findFirst();
  }

  private static String truncate(String s) {
    if (s == null) {
      return null;
    }
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}
