package io.marketdesk.login;

import io.marketdesk.token.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Web sessions (table {@code web_session}): a random cookie value, of which only the SHA-256 is
 * stored, bound to the one address that used a login link, with an expiry. Stateless apart from the
 * database; thread-safe.
 */
public final class Sessions {
  /** How long a session opened by a login link lasts. */
  public static final Duration TTL = Duration.ofHours(8);
  /** The session cookie's name. */
  public static final String COOKIE = "md_session";

  private final Jdbi jdbi;
  private final Clock clock;

  public Sessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Opens a session for an address in the caller's transaction; returns the cookie value. */
  public String open(Handle h, String address) {
    String value = Tokens.random() + Tokens.random();
    long now = clock.millis();
    h.createUpdate("INSERT INTO web_session (id, address, created_at, expires_at) VALUES (:id, :a, :now, :exp)")
        .bind("id", hash(value))
        .bind("a", address.toLowerCase(Locale.ROOT))
        .bind("now", now)
        .bind("exp", now + TTL.toMillis())
        .execute();
    return value;
  }

  /** The address of a live session, if the cookie value names one. */
  public Optional<String> address(String cookieValue) {
    if (cookieValue == null || !cookieValue.matches("[a-z2-7]{52}")) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT address FROM web_session WHERE id = :id AND ended_at IS NULL AND expires_at > :now")
        .bind("id", hash(cookieValue))
        .bind("now", clock.millis())
        .mapTo(String.class)
        .findFirst());
  }

  /** Ends a session (log out). False when there was no live session. */
  public boolean end(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank()) {
      return false;
    }
    return jdbi.withHandle(h -> h.createUpdate(
                "UPDATE web_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
            .bind("id", hash(cookieValue))
            .bind("now", clock.millis())
            .execute())
        == 1;
  }

  static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
