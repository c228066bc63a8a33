package io.marketdesk.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the item numbers at the start of a decision line's argument (docs/reviews.md):
 *
 * <pre>
 * numbers   = [ws] item *( sep item ) [ws [reason]]
 * item      = number [ws] [dash [ws] number]
 * number    = 1*6 digit                   ; ASCII or full-width (０-９)
 * dash      = "-" | "－" | "~" | "～" | "〜" | "–" | "—"
 * sep       = [ws] ("," | "，" | "、" | ";" | "；") [ws] | ws
 * ws        = space, tab or full-width space
 * </pre>
 *
 * A number must end at a separator, a dash, a space or the end: {@code 3rd} starts the reason. One
 * pass over the characters, no backtracking and no regular expression, so the time is linear in the
 * length whatever the input. Stateless and thread-safe.
 */
final class DecisionNumbers {
  /** The longest number read (a list never has a million items). */
  static final int MAX_DIGITS = 6;

  private DecisionNumbers() {}

  /** A range of item numbers, both ends included; {@code from == to} for one number. */
  record Range(int from, int to) {}

  /** What an argument came to. */
  sealed interface Result permits Numbers, NotNumbers, Malformed {}

  /** Numbers were read; {@code rest} is what follows them (the reason of a reject), stripped. */
  record Numbers(List<Range> ranges, String rest) implements Result {
    Numbers {
      ranges = List.copyOf(ranges);
    }
  }

  /** The argument does not start with a number: not a decision by numbers. */
  record NotNumbers() implements Result {}

  /**
   * It starts with a number but is wrong at {@code at}: a range written backwards, a number too
   * long, a dash with no end.
   */
  record Malformed(int at, Problem problem) implements Result {}

  /** Why numbers are malformed. */
  enum Problem {
    BACKWARDS,
    TOO_LONG,
    OPEN_RANGE,
    ZERO
  }

  static Result parse(String s) {
    int n = s.length();
    int i = skipWs(s, 0);
    if (i >= n || digit(s.charAt(i)) < 0) {
      return new NotNumbers();
    }
    List<Range> ranges = new ArrayList<>();
    while (true) {
      int start = i;
      int from = 0;
      int digits = 0;
      while (i < n && digit(s.charAt(i)) >= 0) {
        if (++digits > MAX_DIGITS) {
          return new Malformed(start, Problem.TOO_LONG);
        }
        from = from * 10 + digit(s.charAt(i));
        i++;
      }
      if (i < n && !boundary(s.charAt(i))) {
        // "3rd": the number is part of the reason's first word.
        if (ranges.isEmpty()) {
          return new NotNumbers();
        }
        return new Numbers(ranges, s.substring(start).strip());
      }
      if (from == 0) {
        return new Malformed(start, Problem.ZERO);
      }
      int to = from;
      int j = skipWs(s, i);
      if (j < n && dash(s.charAt(j))) {
        j = skipWs(s, j + 1);
        int endStart = j;
        to = 0;
        digits = 0;
        while (j < n && digit(s.charAt(j)) >= 0) {
          if (++digits > MAX_DIGITS) {
            return new Malformed(endStart, Problem.TOO_LONG);
          }
          to = to * 10 + digit(s.charAt(j));
          j++;
        }
        if (digits == 0 || (j < n && !boundary(s.charAt(j)))) {
          return new Malformed(endStart, Problem.OPEN_RANGE);
        }
        if (to < from) {
          return new Malformed(start, Problem.BACKWARDS);
        }
        i = j;
      }
      ranges.add(new Range(from, to));
      // A separator: a list mark (with spaces around) or spaces alone before the next number.
      int k = skipWs(s, i);
      boolean mark = k < n && listMark(s.charAt(k));
      if (mark) {
        k = skipWs(s, k + 1);
      }
      if (k < n && digit(s.charAt(k)) >= 0 && (mark || k > i)) {
        i = k;
        continue;
      }
      return new Numbers(ranges, s.substring(mark ? k : i).strip());
    }
  }

  private static int skipWs(String s, int i) {
    while (i < s.length() && ws(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= '\uFF10' && c <= '\uFF19') {
      return c - '\uFF10';
    }
    return -1;
  }

  private static boolean ws(char c) {
    return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0';
  }

  private static boolean dash(char c) {
    return c == '-' || c == '\uFF0D' || c == '~' || c == '\uFF5E' || c == '\u301C' || c == '\u2013' || c == '\u2014';
  }

  private static boolean listMark(char c) {
    return c == ',' || c == '\uFF0C' || c == '\u3001' || c == ';' || c == '\uFF1B';
  }

  private static boolean boundary(char c) {
    return ws(c) || dash(c) || listMark(c) || c == '\n' || c == '\r';
  }
}
