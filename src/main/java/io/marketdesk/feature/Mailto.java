package io.marketdesk.feature;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code mailto:} links (RFC 6068) that open the person's mail client with a command already written,
 * so that every action on a page still arrives by mail. Subject and body are UTF-8 percent-encoded;
 * spaces are {@code %20} and line breaks {@code %0D%0A}, as mail clients expect.
 */
public final class Mailto {
  private Mailto() {}

  /** A link to {@code to} with this subject and body. */
  public static String of(String to, String subject, String body) {
    return "mailto:" + to + "?subject=" + encode(subject) + "&body=" + encode(body.replace("\r\n", "\n").replace("\n", "\r\n"));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
