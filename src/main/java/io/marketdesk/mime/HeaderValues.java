package io.marketdesk.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for structured header values: MIME parameters with RFC 2231 extended values and
 * continuations, address lists, message ids and dates. Lenient, never throwing. Stateless.
 */
final class HeaderValues {
  private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");

  private HeaderValues() {}

  /** A parsed {@code type/subtype; a=b} value: the lower-cased first token and the parameters. */
  record Parameterised(String value, Map<String, String> params) {
    String param(String name) {
      return params.get(name);
    }
  }

  static Parameterised parameters(String header) {
    if (header == null) {
      return new Parameterised("", Map.of());
    }
    List<String> parts = splitOutsideQuotes(header, ';');
    String value = parts.get(0).trim().toLowerCase(Locale.ROOT);
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
    for (int i = 1; i < parts.size(); i++) {
      String p = parts.get(i);
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String raw = unquote(p.substring(eq + 1).trim());
      boolean extended = name.endsWith("*");
      if (extended) {
        name = name.substring(0, name.length() - 1);
      }
      int star = name.indexOf('*');
      if (star > 0) {
        int index;
        try {
          index = Integer.parseInt(name.substring(star + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        continued
            .computeIfAbsent(name.substring(0, star), k -> new TreeMap<>())
            .put(index, new String[] {raw, extended ? "*" : ""});
      } else if (extended) {
        plain.put(name, decode2231(raw, null, true));
      } else if (!plain.containsKey(name)) {
        plain.put(name, EncodedWords.decode(raw));
      }
    }
    for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
      String charset = null;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      boolean first = true;
      for (String[] piece : e.getValue().values()) {
        String text = piece[0];
        boolean extended = !piece[1].isEmpty();
        if (first && extended) {
          int q1 = text.indexOf('\'');
          int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
          if (q2 > 0) {
            charset = text.substring(0, q1);
            text = text.substring(q2 + 1);
          }
        }
        first = false;
        if (extended) {
          percentDecode(text, bytes);
        } else {
          Charset cs = TextCharsets.lookup(charset);
          byte[] b = text.getBytes(cs != null ? cs : StandardCharsets.UTF_8);
          bytes.write(b, 0, b.length);
        }
      }
      plain.put(e.getKey(), TextCharsets.decode(bytes.toByteArray(), charset));
    }
    return new Parameterised(value, plain);
  }

  private static String decode2231(String raw, String charset, boolean hasPrefix) {
    String text = raw;
    String cs = charset;
    if (hasPrefix) {
      int q1 = raw.indexOf('\'');
      int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
      if (q2 > 0) {
        cs = raw.substring(0, q1);
        text = raw.substring(q2 + 1);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    percentDecode(text, bytes);
    return TextCharsets.decode(bytes.toByteArray(), cs);
  }

  private static void percentDecode(String text, ByteArrayOutputStream out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }

  /** Splits on {@code sep} outside double quotes, angle brackets and comments. */
  static List<String> splitOutsideQuotes(String s, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int angle = 0;
    int paren = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '"' && paren == 0) {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '<') {
          angle++;
        } else if (c == '>' && angle > 0) {
          angle--;
        } else if (c == '(') {
          paren++;
        } else if (c == ')' && paren > 0) {
          paren--;
        } else if (c == sep && angle == 0 && paren == 0) {
          out.add(cur.toString());
          cur.setLength(0);
          continue;
        }
      }
      cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }

  /** One mailbox: a lower-cased addr-spec and a decoded display name ("" when none). */
  record Mailbox(String address, String name) {}

  /**
   * The mailboxes of an address-list header value (still RFC 2047 encoded, so that an encoded comma
   * in a display name cannot split an address). Group names are dropped; items without an
   * addr-spec are skipped.
   */
  static List<Mailbox> mailboxes(String value) {
    List<Mailbox> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    // full-width semicolon and comma (U+FF1B, U+FF0C), as typed in Chinese address fields
    String v = value.replace('\uFF1B', ';').replace('\uFF0C', ',');
    for (String item : splitOutsideQuotes(v, ',')) {
      for (String piece : splitOutsideQuotes(item, ';')) {
        Mailbox m = mailbox(piece);
        if (m != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /**
   * The text with each comment {@code (…)} (up to the next {@code )}) replaced by a space. A scanner:
   * the regular expression it replaces took time quadratic in a header of many {@code (} (seconds
   * for 40 KB, HostileMailIT's kin in {@code MailReaderPropertiesTest}).
   */
  static String withoutComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '(') {
        int close = s.indexOf(')', i + 1);
        if (close < 0) {
          out.append(s, i, s.length());
          break;
        }
        out.append(' ');
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().trim();
  }

  /**
   * The first run of address characters (anything but white space, {@code <>"()}) with an {@code @}
   * that has such a character on each side, or null; in one pass.
   */
  static String bareAddress(String s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && !addressChar(s.charAt(i))) {
        i++;
      }
      int start = i;
      boolean at = false;
      while (i < n && addressChar(s.charAt(i))) {
        if (s.charAt(i) == '@' && i > start && i + 1 < n && addressChar(s.charAt(i + 1))) {
          at = true;
        }
        i++;
      }
      if (at) {
        return s.substring(start, i);
      }
    }
    return null;
  }

  private static boolean addressChar(char c) {
    return !isSpace(c) && c != '<' && c != '>' && c != '"' && c != '(' && c != ')';
  }

  /** White space as {@code \s} reads it: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static Mailbox mailbox(String item) {
    String s = item.trim();
    int lt = s.lastIndexOf('<');
    int gt = s.lastIndexOf('>');
    String addr;
    String name;
    if (lt >= 0 && gt > lt) {
      addr = s.substring(lt + 1, gt).trim();
      name = s.substring(0, lt).trim();
    } else {
      addr = bareAddress(withoutComments(s));
      if (addr == null) {
        return null;
      }
      int open = s.indexOf('(');
      int close = open < 0 ? -1 : s.indexOf(')', open + 1);
      name = close < 0 ? "" : s.substring(open + 1, close);
    }
    int colon = name.lastIndexOf(':');
    if (colon >= 0 && !name.startsWith("\"")) {
      name = name.substring(colon + 1).trim();
    }
    int groupColon = addr.indexOf(':');
    if (groupColon >= 0 && addr.indexOf('@') > groupColon) {
      addr = addr.substring(groupColon + 1).trim();
    }
    if (addr.startsWith("mailto:")) {
      addr = addr.substring(7);
    }
    if (addr.indexOf('@') <= 0 || addr.endsWith("@") || addr.chars().anyMatch(HeaderValues::isSpace)) {
      return null;
    }
    name = EncodedWords.decode(unquote(name)).trim();
    if (name.equalsIgnoreCase(addr)) {
      name = "";
    }
    return new Mailbox(addr.toLowerCase(Locale.ROOT), name);
  }

  /** The first message id of a header value, without angle brackets, or null. */
  static String messageId(String value) {
    List<String> ids = messageIds(value);
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** Every message id of a header value, without angle brackets, in order. */
  static List<String> messageIds(String value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return out;
    }
    Matcher m = ANGLE_ID.matcher(value);
    while (m.find()) {
      out.add(m.group(1));
    }
    if (out.isEmpty()) {
      for (String token : value.trim().split("[\\s,]+")) {
        if (token.contains("@")) {
          out.add(token);
        }
      }
      if (out.isEmpty() && !value.isBlank()) {
        out.add(value.trim().split("\\s+")[0]);
      }
    }
    return out;
  }

  /** An RFC 5322 date, leniently, or null. */
  static Instant date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Date d =
          new jakarta.mail.internet.MailDateFormat().parse(value.trim().replaceAll("\\s+", " "));
      return d == null ? null : d.toInstant();
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }
}
