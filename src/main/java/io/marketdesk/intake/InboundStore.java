package io.marketdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.marketdesk.schedule.Scheduler;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Inbound mails as received: the raw bytes are stored before anything acts on them, under a dedupe
 * key (the Message-ID with the mail's content, else the SHA-256 of the raw bytes: {@link
 * #dedupeKey}), so a mail fetched twice is stored once and a different mail is never taken for it.
 * Thread-safe.
 */
public final class InboundStore {
  private static final Logger log = LoggerFactory.getLogger(InboundStore.class);
  private static final Pattern MESSAGE_ID =
      Pattern.compile("(?im)^message-id:[ \\t]*(?:\\r?\\n[ \\t]+)?<?([^>\\s]+)>?");

  /**
   * A mail as the intake read it: the raw bytes, and the size of the whole mail. The two differ only
   * for a mail over {@code limits.message-bytes}, of which the intake reads the header alone (the
   * whole mail stays in the mailbox): it is answered that it is too large, and no more of it is needed.
   */
  public record Incoming(byte[] raw, long size) {
    public static Incoming of(byte[] raw) {
      return new Incoming(raw, raw.length);
    }

    /** True when only the header was read. */
    public boolean headerOnly() {
      return size > raw.length;
    }
  }

  /** What storing a mail found: its row id and status (received when new or not yet processed). */
  public record Stored(long id, String status, boolean isNew) {}

  /** Counts for the status page (no personal data). */
  public record Counts(long today, long processed, long failed, long ignored, long waiting) {}

  /** A failed mail as the status page lists it: no sender, no subject. */
  public record Failure(long id, long receivedAt, String error) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public InboundStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * The dedupe key of a raw mail: the same mail gets the same key, a different mail another one. A
   * mail with a Message-ID is keyed by that id together with its content (the body and the header
   * fields the sender wrote: From, To, Cc, Subject, Date, In-Reply-To, References, Content-Type), so
   * a mail fetched twice, or delivered twice with other trace fields ({@code Received},
   * {@code Authentication-Results}...), is stored once, while another mail that reuses the
   * Message-ID (a careless client, or someone who wants a mail dropped) is a new mail. Without a
   * Message-ID, the SHA-256 of the raw bytes.
   */
  public static String dedupeKey(byte[] raw) {
    return dedupeKey(raw, headerBlock(raw));
  }

  private static String dedupeKey(byte[] raw, String head) {
    String id = messageId(head);
    if (id == null) {
      return "sha256:" + HexFormat.of().formatHex(sha256().digest(raw));
    }
    MessageDigest d = sha256();
    d.update(id.getBytes(StandardCharsets.ISO_8859_1));
    for (String field : CONTENT_FIELDS) {
      String v = headerValue(head, field, Integer.MAX_VALUE);
      d.update((byte) 0);
      if (v != null) {
        d.update(v.replaceAll("\\s+", " ").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    d.update((byte) 0);
    updateCanonicalBody(d, raw, bodyStart(raw));
    return "mid:" + HexFormat.of().formatHex(d.digest());
  }

  /**
   * The body as servers may pass it on: line ends as LF, trailing blank lines and white space gone
   * (a server that stores the mail may drop the last CRLF or convert line ends).
   */
  private static void updateCanonicalBody(MessageDigest d, byte[] raw, int from) {
    int end = raw.length;
    while (end > from && (raw[end - 1] == '\n' || raw[end - 1] == '\r' || raw[end - 1] == ' ' || raw[end - 1] == '\t')) {
      end--;
    }
    byte[] buf = new byte[8192];
    int n = 0;
    for (int i = from; i < end; i++) {
      if (raw[i] == '\r' && i + 1 < end && raw[i + 1] == '\n') {
        continue;
      }
      buf[n++] = raw[i];
      if (n == buf.length) {
        d.update(buf, 0, n);
        n = 0;
      }
    }
    d.update(buf, 0, n);
  }

  private static final List<String> CONTENT_FIELDS = List.of("from", "to", "cc", "subject", "date", "in-reply-to",
      "references", "content-type");

  private static String messageId(String head) {
    Matcher m = MESSAGE_ID.matcher(head);
    if (m.find()) {
      String id = m.group(1).trim();
      if (!id.isEmpty() && id.length() < 280) {
        return id;
      }
    }
    return null;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the body starts: after the first empty line, or the end when there is none. */
  private static int bodyStart(byte[] raw) {
    for (int i = 0; i + 1 < raw.length; i++) {
      if (raw[i] == '\n') {
        if (raw[i + 1] == '\n') {
          return i + 2;
        }
        if (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return raw.length;
  }

  private static String headerBlock(byte[] raw) {
    int end = Math.min(raw.length, 64 * 1024);
    for (int i = 0; i + 1 < end; i++) {
      if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < end && raw[i + 2] == '\n'))) {
        end = i;
        break;
      }
    }
    return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
  }

  /** Stores a raw mail unless a mail with the same dedupe key is already stored. */
  public Stored store(byte[] raw) {
    return storeAll(List.of(Incoming.of(raw))).get(0);
  }

  /**
   * Stores raw mails in one transaction, each unless a mail with the same dedupe key is already
   * stored; one {@link Stored} per mail, in order.
   */
  public List<Stored> storeAll(List<Incoming> mails) {
    return jdbi.inTransaction(h -> {
      List<Stored> out = new ArrayList<>(mails.size());
      for (Incoming m : mails) {
        out.add(store(h, m.raw(), m.size()));
      }
      return out;
    });
  }

  private Stored store(Handle h, byte[] raw, long size) {
    String head = headerBlock(raw);
    String key;
    String from;
    String subject;
    try {
      key = dedupeKey(raw, head);
      from = headerValue(head, "from", 320);
      subject = headerValue(head, "subject", 1000);
    } catch (RuntimeException | StackOverflowError e) {
      // a mail that makes reading its header fail is still stored (by its bytes) and answered or
      // kept by the processor; thrown here, it would stop the intake at this mail for good
      log.warn("header of an incoming mail unreadable for the store ({}); keyed by its bytes", e.toString());
      key = "sha256:" + HexFormat.of().formatHex(sha256().digest(raw));
      from = null;
      subject = null;
    }
    Optional<Stored> legacy = legacy(h, messageId(head), key);
    if (legacy.isPresent()) {
      return legacy.get();
    }
    int n =
        h.createUpdate(
                "INSERT INTO inbound_mail (dedupe_key, message_id, from_addr, subject, raw, size,"
                    + " received_at, status) VALUES (:key, :mid, :from, :subject, :raw, :size, :now, 'received')"
                    + " ON CONFLICT (dedupe_key) DO NOTHING")
            .bind("key", key)
            .bind("mid", messageId(head))
            .bind("from", from)
            .bind("subject", subject)
            .bind("raw", raw)
            .bind("size", size)
            .bind("now", clock.millis())
            .execute();
    Stored s = find(h, key).orElseThrow();
    return n == 1 ? new Stored(s.id(), s.status(), true) : s;
  }

  /**
   * The value of the first header field {@code name} (ASCII, any case) at the start of a line, its
   * continuation lines joined with one space each, trimmed; null when there is none. A scanner, in
   * time linear in the header: the regular expression it replaces ({@code ^name:[ \t]*(.*(?:\r?\n[
   * \t]+.*)*)}, multi-line, whose value it gives exactly) recursed once per continuation line, and a
   * mail with thousands of folded recipients overflowed the stack while being stored, before any
   * per-mail fault handling: the intake tried that mail again and again and read no other mail
   * (HostileMailIT, {@code many-recipients}).
   */
  static String headerValue(String head, String name, int max) {
    int start = fieldStart(head, name);
    if (start < 0) {
      return null;
    }
    int n = head.length();
    int p = start + name.length() + 1;
    while (p < n && (head.charAt(p) == ' ' || head.charAt(p) == '\t')) {
      p++;
    }
    StringBuilder v = new StringBuilder();
    int end = lineEnd(head, p);
    v.append(head, p, end);
    p = end;
    while (true) {
      int q = p;
      if (q + 1 < n && head.charAt(q) == '\r' && head.charAt(q + 1) == '\n') {
        q += 2;
      } else if (q < n && head.charAt(q) == '\n') {
        q += 1;
      } else {
        break;
      }
      if (q >= n || (head.charAt(q) != ' ' && head.charAt(q) != '\t')) {
        break;
      }
      while (q < n && (head.charAt(q) == ' ' || head.charAt(q) == '\t')) {
        q++;
      }
      end = lineEnd(head, q);
      v.append(' ').append(head, q, end);
      p = end;
    }
    String t = v.toString().trim();
    return t.length() > max ? t.substring(0, max) : t;
  }

  /** Where the first line that starts with {@code name:} starts (a line starts after CR, LF, CRLF or NEL), or -1. */
  private static int fieldStart(String head, String name) {
    int n = head.length();
    int len = name.length();
    int i = 0;
    while (i < n) {
      if (i + len < n && head.charAt(i + len) == ':' && head.regionMatches(true, i, name, 0, len)) {
        return i;
      }
      int e = lineEnd(head, i);
      if (e >= n) {
        return -1;
      }
      i = e + 1;
      if (head.charAt(e) == '\r' && i < n && head.charAt(i) == '\n') {
        i++;
      }
    }
    return -1;
  }

  /** The index of the first line terminator at or after {@code from} (CR, LF, NEL, LS, PS), or the length. */
  private static int lineEnd(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return s.length();
  }

  /**
   * The same mail stored by a version that keyed mails by their Message-ID alone ({@code mid:ID}),
   * should it come again (a crash before the mailbox move, then an upgrade): found by that key and
   * taken only when its content gives the same key as this one.
   */
  private static Optional<Stored> legacy(Handle h, String messageId, String key) {
    if (messageId == null) {
      return Optional.empty();
    }
    return h.createQuery("SELECT id, status, raw FROM inbound_mail WHERE dedupe_key = :key")
        .bind("key", "mid:" + messageId)
        .map((rs, ctx) -> Map.entry(new Stored(rs.getLong("id"), rs.getString("status"), false), rs.getBytes("raw")))
        .findFirst()
        .filter(e -> dedupeKey(e.getValue()).equals(key))
        .map(Map.Entry::getKey);
  }

  private static Optional<Stored> find(Handle h, String key) {
    return h.createQuery("SELECT id, status FROM inbound_mail WHERE dedupe_key = :key")
        .bind("key", key)
        .map((rs, ctx) -> new Stored(rs.getLong(1), rs.getString(2), false))
        .findFirst();
  }

  public byte[] raw(Handle h, long id) {
    return incoming(h, id).raw();
  }

  /** A stored mail as the intake read it: its raw bytes (maybe the header alone) and its whole size. */
  public Incoming incoming(Handle h, long id) {
    return h.createQuery("SELECT raw, size FROM inbound_mail WHERE id = :id")
        .bind("id", id)
        .map((rs, c) -> new Incoming(rs.getBytes(1), rs.getLong(2)))
        .one();
  }

  /**
   * Claims a received mail in the caller's transaction: true for exactly one caller, however many
   * instances try at once.
   */
  public boolean claim(Handle h, long id, String status, String note) {
    return h.createUpdate(
                "UPDATE inbound_mail SET status = :status, note = :note, processed_at = :now, attempts = attempts + 1"
                    + " WHERE id = :id AND status = 'received'")
            .bind("status", status)
            .bind("note", note)
            .bind("now", clock.millis())
            .bind("id", id)
            .execute()
        == 1;
  }

  /** Updates the status and note of a mail already claimed in this transaction. */
  public void setStatus(Handle h, long id, String status, String note) {
    h.createUpdate("UPDATE inbound_mail SET status = :status, note = :note WHERE id = :id")
        .bind("status", status)
        .bind("note", note)
        .bind("id", id)
        .execute();
  }

  /** Records that processing failed; the mail is kept with the error. */
  public void fail(long id, String error) {
    jdbi.useTransaction(h -> fail(h, id, error));
  }

  /** Records that processing failed, in the caller's transaction. */
  public void fail(Handle h, long id, String error) {
    h.createUpdate(
            "UPDATE inbound_mail SET status = 'failed', error = :err, processed_at = :now,"
                + " attempts = attempts + 1 WHERE id = :id AND status = 'received'")
        .bind("err", error.length() > 4000 ? error.substring(0, 4000) : error)
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
  }

  /** Mails stored but not yet processed (after a crash), oldest first. */
  public List<Long> unprocessed(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM inbound_mail WHERE status = 'received' ORDER BY id LIMIT :n")
                .bind("n", limit)
                .mapTo(Long.class)
                .list());
  }

  public Counts counts(long startOfDay) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT SUM(CASE WHEN received_at >= :sod THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'processed' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'ignored' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'received' THEN 1 ELSE 0 END) FROM inbound_mail")
                .bind("sod", startOfDay)
                .map((rs, c) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .one());
  }

  public List<Failure> recentFailures(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, received_at, error FROM inbound_mail WHERE status = 'failed' ORDER BY id DESC LIMIT :n")
                .bind("n", limit)
                .map((rs, c) -> new Failure(rs.getLong(1), rs.getLong(2), firstLine(rs.getString(3))))
                .list());
  }

  /** Mails received per hour since a moment: hour start (epoch ms) -> count. */
  public List<long[]> perHour(long since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (received_at / 3600000) * 3600000 AS hour, COUNT(*) FROM inbound_mail"
                        + " WHERE received_at >= :since GROUP BY (received_at / 3600000) * 3600000 ORDER BY 1")
                .bind("since", since)
                .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.lines().findFirst().orElse("");
    // errors may quote an address; the public status page must not show one
    line = line.replaceAll("[\\w.+-]+@[\\w.-]+", "<address>");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /**
   * Claims the move of a mail another instance processed and left in the inbox (it died between its
   * commit and its MOVE): true for the one instance that wins {@code key} in this {@code period}, so
   * that two survivors never MOVE one mail at once (Dovecot would then file it twice). A winner that
   * dies before moving leaves the claim to the next period.
   */
  public boolean claimMove(String key, long period) {
    return jdbi.inTransaction(h -> Scheduler.once(h, "inbox.move-left-over", key + "#" + period, clock.millis()));
  }
}
