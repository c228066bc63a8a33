package io.marketdesk.mime;

import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded-word decoding ({@code =?charset?B|Q?text?=}), lenient the way mail clients are:
 * adjacent words of one charset are joined as bytes before decoding, so a multi-byte character split
 * across two words (a common bug of GBK senders) still comes out whole; bad base64 is skipped rather
 * than fatal; unknown charsets fall back as {@link TextCharsets#decodeUnlabelled} does. Stateless.
 */
final class EncodedWords {
  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

  private EncodedWords() {}

  static String decode(String value) {
    if (value == null || !value.contains("=?")) {
      return value;
    }
    Matcher m = WORD.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    String runCharset = null;
    ByteArrayOutputStream runBytes = new ByteArrayOutputStream();
    StringBuilder pendingBase64 = new StringBuilder();
    while (m.find()) {
      String gap = value.substring(last, m.start());
      boolean adjacent = runCharset != null && gap.isBlank();
      String charset = m.group(1);
      if (!adjacent || !charset.equalsIgnoreCase(runCharset)) {
        flush(out, runCharset, runBytes, pendingBase64);
        runCharset = null;
        if (!adjacent) {
          out.append(gap);
        }
      }
      runCharset = charset;
      String text = m.group(3);
      if (m.group(2).equalsIgnoreCase("B")) {
        pendingBase64.append(text.replace("=", ""));
        if (text.endsWith("=") || pendingBase64.length() % 4 == 0) {
          writeBase64(pendingBase64, runBytes);
        }
      } else {
        writeBase64(pendingBase64, runBytes);
        writeQ(text, runBytes);
      }
      last = m.end();
    }
    flush(out, runCharset, runBytes, pendingBase64);
    out.append(value.substring(last));
    return out.toString();
  }

  private static void flush(
      StringBuilder out, String charset, ByteArrayOutputStream bytes, StringBuilder pendingBase64) {
    if (charset == null) {
      return;
    }
    writeBase64(pendingBase64, bytes);
    out.append(TextCharsets.decode(bytes.toByteArray(), charset));
    bytes.reset();
  }

  private static void writeBase64(StringBuilder text, ByteArrayOutputStream out) {
    if (text.length() == 0) {
      return;
    }
    int bits = 0;
    int buffer = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = base64Value(text.charAt(i));
      if (v < 0) {
        continue;
      }
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xFF);
      }
    }
    text.setLength(0);
  }

  static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+' || c == '-') {
      return 62;
    }
    if (c == '/' || c == '_') {
      return 63;
    }
    return -1;
  }

  private static void writeQ(String text, ByteArrayOutputStream out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c & 0xFF);
      }
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
