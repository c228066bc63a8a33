package io.marketdesk.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Single-use tokens (docs/security.md): unguessable (128 random bits, lower-case base32 so that they survive
 * mail servers that lower-case local parts), bound to one purpose, one subject and the one address
 * they were mailed to, with an expiry. Review answers, confirmations and login links all use them.
 * Stateless apart from the database; thread-safe.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  /** A token as it appears in a subject tag {@code [MD#token]} or an address {@code local+token@}. */
  public static final Pattern SUBJECT_TAG = Pattern.compile("\\[MD#([a-z2-7]{26})\\]", Pattern.CASE_INSENSITIVE);
  /** Any subject tag, whatever it holds, with the space before it: what a subject shown to a person leaves out. */
  private static final Pattern ANY_SUBJECT_TAG = Pattern.compile("\\s*\\[MD#[^\\]]*\\]");

  private static final Pattern ADDRESS_TAG = Pattern.compile("^[^+@]+\\+([a-z2-7]{26})@", Pattern.CASE_INSENSITIVE);

  /** One stored token. */
  public record Token(
      String token, String purpose, String subjectId, String address, String payload,
      long createdAt, long expiresAt, Long usedAt, String usedBy) {}

  /** What a check of a presented token found. */
  public enum Status {
    VALID,
    UNKNOWN,
    USED,
    EXPIRED,
    WRONG_ADDRESS,
    WRONG_PURPOSE
  }

  /** The result of a check: the status and, unless UNKNOWN, the token. */
  public record Check(Status status, Token token) {
    public boolean valid() {
      return status == Status.VALID;
    }
  }

  private final Clock clock;

  public Tokens(Clock clock) {
    this.clock = clock;
  }

  public static String random() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    StringBuilder sb = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  /** The token in an address such as {@code market+TOKEN@domain}, if any. */
  public static Optional<String> fromAddress(String address) {
    if (address == null) {
      return Optional.empty();
    }
    Matcher m = ADDRESS_TAG.matcher(address);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** The subject tag {@code [MD#TOKEN]} of a token, which a mail's subject carries so that an answer presents it. */
  public static String subjectTag(String token) {
    return "[MD#" + token + "]";
  }

  /** A subject without its {@code [MD#…]} tags (and the space before each). */
  public static String withoutSubjectTags(String subject) {
    return ANY_SUBJECT_TAG.matcher(subject).replaceAll("");
  }

  /** The token in a subject tag {@code [MD#TOKEN]}, if any. */
  public static Optional<String> fromSubject(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher m = SUBJECT_TAG.matcher(subject);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** Issues a token in the caller's transaction. */
  public String issue(Handle h, String purpose, String subjectId, String address, String payload, Duration ttl) {
    String token = random();
    long now = clock.millis();
    h.createUpdate(
            "INSERT INTO token (token, purpose, subject_id, address, payload, created_at, expires_at)"
                + " VALUES (:t, :p, :s, :a, :payload, :now, :exp)")
        .bind("t", token)
        .bind("p", purpose)
        .bind("s", subjectId)
        .bind("a", address.toLowerCase(Locale.ROOT))
        .bind("payload", payload)
        .bind("now", now)
        .bind("exp", now + ttl.toMillis())
        .execute();
    return token;
  }

  public Optional<Token> find(Handle h, String token) {
    return h.createQuery(
            "SELECT token, purpose, subject_id, address, payload, created_at, expires_at, used_at, used_by"
                + " FROM token WHERE token = :t")
        .bind("t", token.toLowerCase(Locale.ROOT))
        .map(
            (rs, ctx) ->
                new Token(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6), rs.getLong(7), rs.getObject(8) == null ? null : rs.getLong(8),
                    rs.getString(9)))
        .findFirst();
  }

  /** Checks a presented token against the address presenting it and the purposes it may serve. */
  public Check check(Handle h, String token, String address, String... purposes) {
    Optional<Token> found = find(h, token);
    if (found.isEmpty()) {
      return new Check(Status.UNKNOWN, null);
    }
    Token t = found.get();
    if (purposes.length > 0 && !Arrays.asList(purposes).contains(t.purpose())) {
      return new Check(Status.WRONG_PURPOSE, t);
    }
    if (!t.address().equalsIgnoreCase(address)) {
      return new Check(Status.WRONG_ADDRESS, t);
    }
    if (t.usedAt() != null) {
      return new Check(Status.USED, t);
    }
    if (t.expiresAt() < clock.millis()) {
      return new Check(Status.EXPIRED, t);
    }
    return new Check(Status.VALID, t);
  }

  /**
   * Marks a valid token used, in the caller's transaction. False when someone used it first (so two
   * concurrent answers cannot both act).
   */
  public boolean consume(Handle h, String token, String usedBy) {
    return h.createUpdate(
                "UPDATE token SET used_at = :now, used_by = :by WHERE token = :t AND used_at IS NULL")
            .bind("now", clock.millis())
            .bind("by", usedBy)
            .bind("t", token.toLowerCase(Locale.ROOT))
            .execute()
        == 1;
  }
}
