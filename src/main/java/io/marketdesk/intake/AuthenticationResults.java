package io.marketdesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header field, parsed as RFC 8601 writes it:
 *
 * <pre>
 * authres-payload = [CFWS] authserv-id [ CFWS authres-version ] ( no-result / 1*resinfo ) [CFWS]
 * no-result       = [CFWS] ";" [CFWS] "none"
 * resinfo         = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
 * methodspec      = [CFWS] method [CFWS] "=" [CFWS] result      ; method = Keyword [ "/" version ]
 * reasonspec      = "reason" [CFWS] "=" [CFWS] value
 * propspec        = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
 * pvalue          = [CFWS] ( value / [ [ local-part ] "@" ] domain-name ) [CFWS]
 * value           = token / quoted-string
 * </pre>
 *
 * Comments ({@code (...)}, nested, with quoted pairs) count as white space and never as content, and
 * quoted strings are one value whatever they hold: {@code smtp.mailfrom=dkim=pass@evil.test} is one
 * property whose value is that text, never a second result. A property value that is not a quoted
 * string runs to the next white space, {@code ;} or {@code (} (real servers write DKIM signatures
 * with {@code +/=} in them). A {@code key=value} that is no property (Exchange Online's
 * {@code action=none}) is passed over like a reasonspec. A result clause that breaks the grammar is dropped alone (up to the
 * next {@code ;} outside quotes and comments); the others are kept. One pass over the text, no
 * regular expressions, no recursion: linear time on any input. Immutable.
 *
 * @param authservId the server that wrote the header, lower case; "" when the header names none
 *     (Exchange Online writes its results without one)
 * @param results the result clauses in order; empty for {@code none}
 */
public record AuthenticationResults(String authservId, List<Result> results) {

  /** One {@code method=result} clause with its properties, names in lower case. */
  public record Result(String method, String result, List<Property> properties) {
    public Result {
      properties = List.copyOf(properties);
    }

    /** The value of the first property {@code ptype.property}, e.g. {@code header.d}. */
    public Optional<String> property(String ptypeDotProperty) {
      for (Property p : properties) {
        if ((p.ptype() + "." + p.name()).equals(ptypeDotProperty)) {
          return Optional.of(p.value());
        }
      }
      return Optional.empty();
    }
  }

  /** A property such as {@code header.d=example.com}; ptype and name in lower case, value as written. */
  public record Property(String ptype, String name, String value) {}

  public AuthenticationResults {
    results = List.copyOf(results);
  }

  /** Parses a header value (the text after the colon, folded or not). Never throws. */
  public static AuthenticationResults parse(String value) {
    return new Parser(value == null ? "" : value).payload();
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    AuthenticationResults payload() {
      List<Result> results = new ArrayList<>();
      skipCfws();
      String id = "";
      int start = i;
      String first = value();
      skipCfws();
      if (first.isEmpty() || peek() == '=' || peek() == '/' || peek() == '.') {
        // no authserv-id: the header starts with a result clause (Exchange Online)
        i = start;
        clause(results);
      } else {
        id = first.toLowerCase(Locale.ROOT);
        if (isDigits(peekWord())) {
          word();
          skipCfws();
        }
      }
      while (i < s.length()) {
        if (peek() == ';') {
          i++;
          clause(results);
        } else {
          skipClause();
        }
      }
      return new AuthenticationResults(id, results);
    }

    /** One resinfo after its ';' (or at the start), added when it parses; else skipped to the next ';'. */
    private void clause(List<Result> out) {
      skipCfws();
      String method = word().toLowerCase(Locale.ROOT);
      skipCfws();
      if (method.isEmpty()) {
        skipClause();
        return;
      }
      if (peek() == '/') {
        i++;
        skipCfws();
        word();
        skipCfws();
      }
      if (peek() != '=') {
        // "none" (no-result) and broken clauses alike carry no result
        skipClause();
        return;
      }
      i++;
      skipCfws();
      String result = word().toLowerCase(Locale.ROOT);
      if (result.isEmpty()) {
        skipClause();
        return;
      }
      List<Property> props = new ArrayList<>();
      while (true) {
        skipCfws();
        if (i >= s.length() || peek() == ';') {
          break;
        }
        String ptype = word().toLowerCase(Locale.ROOT);
        skipCfws();
        if (ptype.isEmpty()) {
          skipClause();
          return;
        }
        if (peek() == '=') {
          // reasonspec, or a bare key=value that servers add (Exchange Online's action=none): no property
          i++;
          skipCfws();
          pvalue();
          continue;
        }
        if (peek() != '.') {
          skipClause();
          return;
        }
        i++;
        skipCfws();
        String name = word().toLowerCase(Locale.ROOT);
        skipCfws();
        if (name.isEmpty() || peek() != '=') {
          skipClause();
          return;
        }
        i++;
        skipCfws();
        props.add(new Property(ptype, name, pvalue()));
      }
      out.add(new Result(method, result, props));
    }

    /** A Keyword (letters, digits, '-', '_'); "" when none starts here. */
    private String word() {
      int start = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
          i++;
        } else {
          break;
        }
      }
      return s.substring(start, i);
    }

    private String peekWord() {
      int save = i;
      String w = word();
      i = save;
      return w;
    }

    /** A value: a quoted string, or a token (RFC 2045: no white space, controls or tspecials). */
    private String value() {
      if (peek() == '"') {
        return quoted();
      }
      int start = i;
      while (i < s.length() && isTokenChar(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }

    /** A property value: a quoted string, or everything up to white space, ';' or a comment. */
    private String pvalue() {
      if (peek() == '"') {
        return quoted();
      }
      int start = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ';' || c == '(' || c == '"' || Character.isWhitespace(c) || Character.isISOControl(c)) {
          break;
        }
        i++;
      }
      return s.substring(start, i);
    }

    private String quoted() {
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        sb.append(c);
      }
      return sb.toString();
    }

    /** White space and comments; comments nest and hold quoted pairs. An unclosed one runs to the end. */
    private void skipCfws() {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (depth > 0) {
          if (c == '\\' && i + 1 < s.length()) {
            i++;
          } else if (c == '(') {
            depth++;
          } else if (c == ')') {
            depth--;
          }
          i++;
        } else if (c == '(') {
          depth = 1;
          i++;
        } else if (Character.isWhitespace(c)) {
          i++;
        } else {
          return;
        }
      }
    }

    /** Skips to the next ';' outside quotes and comments (or the end). */
    private void skipClause() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ';') {
          return;
        }
        if (c == '"') {
          quoted();
        } else if (c == '(' || Character.isWhitespace(c)) {
          skipCfws();
        } else {
          i++;
        }
      }
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean isDigits(String w) {
      if (w.isEmpty()) {
        return false;
      }
      for (int k = 0; k < w.length(); k++) {
        if (w.charAt(k) < '0' || w.charAt(k) > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean isTokenChar(char c) {
      return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }
  }
}
