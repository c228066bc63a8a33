package io.marketdesk.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what makes a mail a bounce, as {@link MailReader} meets its parts: a delivery-status part
 * (RFC 3464, {@code message/delivery-status}), the header of the enclosed original mail ({@code
 * text/rfc822-headers} or {@code message/rfc822}); then says what the report is, or that there is
 * none. A mail from {@code mailer-daemon} or {@code postmaster} that encloses a mail but has no
 * delivery-status part is a bounce recognised by its shape. One per mail read; not thread-safe.
 */
final class DeliveryReportReader {
  private static final Pattern STATUS_CODE = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

  private Map<String, String> dsn;
  private String enclosedMessageId;
  private boolean enclosedMessage;

  /** A delivery-status part, decoded: the per-message fields, then the first per-recipient group's. */
  void deliveryStatus(String text) {
    dsn = fieldBlock(TextCharsets.normalise(text), false);
  }

  /** The header block of the enclosed original mail (null when it was not kept): it names the mail. */
  void enclosedHeader(byte[] headerBytes) {
    enclosedMessage = true;
    if (enclosedMessageId == null) {
      enclosedMessageId = headerMessageId(headerBytes);
    }
  }

  /**
   * The report the mail carries, or null.
   *
   * @param fromAddress the mail's From address, or null
   * @param text the mail's text (a shape-only bounce's status code is read from it)
   */
  ParsedMail.DeliveryReport report(String fromAddress, String text) {
    if (dsn != null) {
      String original = HeaderValues.messageId(dsn.get("original-message-id"));
      String recipient = afterType(firstNonNull(dsn.get("final-recipient"), dsn.get("original-recipient")));
      String action = dsn.getOrDefault("action", "failed").trim().toLowerCase(Locale.ROOT);
      return new ParsedMail.DeliveryReport(
          firstNonNull(original, enclosedMessageId),
          recipient == null ? null : recipient.toLowerCase(Locale.ROOT),
          action.isEmpty() ? "failed" : action,
          dsn.getOrDefault("status", "").trim(),
          afterType(dsn.getOrDefault("diagnostic-code", "")).trim());
    }
    if (enclosedMessage && fromAddress != null) {
      String local = fromAddress.substring(0, fromAddress.indexOf('@'));
      if (local.equals("mailer-daemon") || local.equals("postmaster")) {
        Matcher m = STATUS_CODE.matcher(text);
        return new ParsedMail.DeliveryReport(
            enclosedMessageId, null, "failed", m.find() ? m.group(1) : "", "");
      }
    }
    return null;
  }

  private static String headerMessageId(byte[] headerBytes) {
    if (headerBytes == null) {
      return null;
    }
    String text = TextCharsets.decodeUnlabelled(headerBytes).replace("\r\n", "\n");
    Map<String, String> fields = fieldBlock(text, true);
    return HeaderValues.messageId(fields.get("message-id"));
  }

  /** Header-like "Name: value" lines with folding; the first value of each name wins. */
  private static Map<String, String> fieldBlock(String text, boolean stopAtBlank) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.trim());
        continue;
      }
      if (name != null) {
        out.putIfAbsent(name, value.toString().trim());
        name = null;
      }
      if (line.isBlank()) {
        if (stopAtBlank && !out.isEmpty()) {
          break;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      }
    }
    if (name != null) {
      out.putIfAbsent(name, value.toString().trim());
    }
    return out;
  }

  private static String afterType(String value) {
    if (value == null) {
      return null;
    }
    int semi = value.indexOf(';');
    return (semi >= 0 ? value.substring(semi + 1) : value).trim();
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}
