package io.marketdesk.outbox;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The From header of outgoing mail, {@code display name <address>}, with the display name encoded
 * so that every reader shows it as written. Jakarta Mail encodes the whole name as encoded-words and
 * splits them where the 75-character limit falls, inside a word ("marketdes" | "k"); RFC 2047
 * readers join adjacent encoded-words, but Python's email parser keeps the space between them in a
 * phrase and shows "marketdes k". Here a word made of plain atom characters stays as it is, and each
 * run of other words (CJK, specials) is one encoded-word holding the run whole, spaces included; so
 * no two encoded-words are ever adjacent and no word is ever split. Stateless.
 */
public final class FromHeader {
  private FromHeader() {}

  /** {@code name <address>}, the name encoded where it must be; just the address when the name is blank. */
  public static String value(String name, String address) {
    if (name == null || name.isBlank()) {
      return address;
    }
    String trimmed = name.trim().replaceAll("\\s+", " ");
    if (trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      try {
        return new InternetAddress(address, trimmed, StandardCharsets.US_ASCII.name()).toString();
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (String word : trimmed.split(" ")) {
      if (isAtom(word)) {
        if (run.length() > 0) {
          out.add(encodedWord(run.toString()));
          run.setLength(0);
        }
        out.add(word);
      } else {
        run.append(run.length() > 0 ? " " : "").append(word);
      }
    }
    if (run.length() > 0) {
      out.add(encodedWord(run.toString()));
    }
    return String.join(" ", out) + " <" + address + ">";
  }

  /** RFC 5322 atext only: a word that needs neither quoting nor encoding. */
  private static boolean isAtom(String word) {
    if (word.isEmpty() || word.contains("=?")) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
      if (!atext) {
        return false;
      }
    }
    return true;
  }

  private static String encodedWord(String text) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
  }
}
