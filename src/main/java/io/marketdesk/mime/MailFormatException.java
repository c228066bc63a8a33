package io.marketdesk.mime;

/**
 * Thrown by {@link MailReader} when nothing sensible can be read from a message: no header at all,
 * binary garbage, or a limit exceeded (header count, header or line length, part count). Ordinary
 * sloppiness never raises it; the reader then returns a best-effort {@link ParsedMail}. Its {@link
 * #reason()} says which, in a form a reply and the public status page can name without showing
 * the exception text.
 */
public final class MailFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a mail could not be read; {@link #code()} is stored with the mail and shown publicly. */
  public enum Reason {
    /** No mail header at all (not a mail). */
    NO_HEADER("no-header"),
    /** More header fields than the limit. */
    TOO_MANY_HEADER_FIELDS("too-many-header-fields"),
    /** One header field (a long subject, thousands of recipients) longer than the limit. */
    HEADER_TOO_LONG("header-too-long"),
    /** A line longer than the limit. */
    LINE_TOO_LONG("line-too-long"),
    /** More MIME parts, or deeper nesting, than the limit. */
    TOO_MANY_PARTS("too-many-parts"),
    /** Anything else the MIME parser refused. */
    MALFORMED("malformed");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The reason whose code starts {@code text} (as stored), or null. */
    public static Reason ofStored(String text) {
      if (text == null) {
        return null;
      }
      for (Reason r : values()) {
        if (text.startsWith(r.code + ":") || text.equals(r.code)) {
          return r;
        }
      }
      return null;
    }
  }

  private final Reason reason;

  public MailFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MailFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The reason's code and the detail, as stored with the failed mail. */
  public String stored() {
    return reason.code() + ": " + getMessage();
  }
}
