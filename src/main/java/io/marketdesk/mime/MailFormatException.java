package io.marketdesk.mime;

/**
 * Thrown by {@link MailReader} when nothing sensible can be read from a message: no header at all,
 * binary garbage, or a limit exceeded (header count, header or line length, part count). Ordinary
 * sloppiness never raises it; the reader then returns a best-effort {@link ParsedMail}.
 */
public final class MailFormatException extends Exception {
  public MailFormatException(String message) {
    super(message);
  }

  public MailFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
