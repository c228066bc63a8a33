package io.marketdesk.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Charset lookup and decoding the way real mail needs it: the GB family read as GB18030 (a superset
 * that clients labelling GB2312 actually send), and a fallback chain UTF-8, GB18030, ISO-8859-1 for
 * unlabelled or mislabelled bytes. Stateless.
 */
final class TextCharsets {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("gb2312", "GB18030"),
          Map.entry("gbk", "GB18030"),
          Map.entry("x-gbk", "GB18030"),
          Map.entry("cp936", "GB18030"),
          Map.entry("ms936", "GB18030"),
          Map.entry("windows-936", "GB18030"),
          Map.entry("gb_2312-80", "GB18030"),
          Map.entry("euc-cn", "GB18030"),
          Map.entry("x-euc-cn", "GB18030"),
          Map.entry("gb18030", "GB18030"),
          Map.entry("big5", "x-windows-950"),
          Map.entry("cn-big5", "x-windows-950"),
          Map.entry("x-x-big5", "x-windows-950"),
          Map.entry("utf8", "UTF-8"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("iso-8859-8-i", "ISO-8859-8"));

  private TextCharsets() {}

  /** The charset for a MIME charset name, or null when the name is missing, unknown or ASCII. */
  static Charset lookup(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    int star = n.indexOf('*');
    if (star >= 0) {
      n = n.substring(0, star);
    }
    if (n.isEmpty() || n.equals("us-ascii") || n.equals("ascii") || n.equals("ansi_x3.4-1968")) {
      return null;
    }
    String mapped = ALIASES.getOrDefault(n, n);
    try {
      return Charset.isSupported(mapped) ? Charset.forName(mapped) : fallbackFor(n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Charset fallbackFor(String n) {
    if (n.equals("big5") && Charset.isSupported("Big5")) {
      return Charset.forName("Big5");
    }
    return null;
  }

  /**
   * Decodes bytes labelled with {@code declared} (may be null or unknown). A known label is trusted,
   * except that invalid UTF-8 labelled as UTF-8 is tried as GB18030 before it is decoded with
   * replacement characters; ASCII, missing or unknown labels go through the fallback chain.
   */
  static String decode(byte[] bytes, String declared) {
    Charset cs = lookup(declared);
    if (cs == null) {
      return decodeUnlabelled(bytes);
    }
    if (cs.equals(StandardCharsets.UTF_8)) {
      String s = strict(bytes, StandardCharsets.UTF_8);
      if (s == null) {
        s = strict(bytes, GB18030);
      }
      return s != null ? s : new String(bytes, StandardCharsets.UTF_8);
    }
    if (cs.equals(StandardCharsets.ISO_8859_1)) {
      cs = Charset.forName("windows-1252");
    }
    return new String(bytes, cs);
  }

  /** UTF-8 if valid, else GB18030 if valid, else ISO-8859-1 (which never fails). */
  static String decodeUnlabelled(byte[] bytes) {
    if (isAscii(bytes)) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    String s = strict(bytes, StandardCharsets.UTF_8);
    if (s == null) {
      s = strict(bytes, GB18030);
    }
    return s != null ? s : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String strict(byte[] bytes, Charset cs) {
    try {
      CharBuffer out =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Line ends to \n, a leading BOM dropped, NBSP to a plain space. */
  static String normalise(String text) {
    String t = text;
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    return t.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
  }
}
