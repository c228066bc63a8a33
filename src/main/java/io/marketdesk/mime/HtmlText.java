package io.marketdesk.mime;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders an HTML mail body as the plain text a person would have typed: block elements end lines,
 * {@code <br>} is a newline, links are their text. Quotes are found by their structure before the
 * text is flattened, and come out with every line prefixed by {@code "> "}, so that {@link
 * ReplyText} skips them as it skips quoted plain text:
 *
 * <ul>
 *   <li>quote containers: {@code <blockquote>} (Apple Mail's and Thunderbird's {@code type="cite"}
 *       too), Gmail's {@code gmail_quote}, Thunderbird's {@code
 *       moz-cite-prefix} attribution, Yahoo's {@code yahoo_quoted}, QQ Mail's, NetEase's, Proton's;
 *   <li>separators after which the whole rest of the document is the original, wherever it sits in
 *       the tree: Outlook's {@code divRplyFwdMsg} and {@code appendonsend}, Outlook desktop's header
 *       {@code <div>} with a {@code border-top} and no other content than the header block,
 *       Hotmail's {@code <hr id="stopSpelling">}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
          "tbody", "thead", "tfoot", "tr", "ul");
  private static final Set<String> SKIPPED =
      Set.of("head", "script", "style", "title", "template", "noscript", "object", "svg");
  private static final Set<String> QUOTE_CLASSES =
      Set.of(
          "gmail_quote", "gmail_quote_container", "yahoo_quoted", "protonmail_quote",
          "qmail_quote", "ntes-mailmaster-quote", "mail-quote", "foxmail_quote", "moz-cite-prefix",
          "yahoo_quoted_begin");
  private static final Set<String> QUOTE_IDS =
      Set.of("original-content", "isreplycontent", "qqmail_quote", "ntes-quote");
  private static final Set<String> QUOTE_REST_IDS = Set.of("divrplyfwdmsg", "appendonsend", "stopspelling");

  private HtmlText() {}

  static String render(String html) {
    Element body = Jsoup.parse(html).body();
    StringBuilder out = new StringBuilder();
    int[] rest = {-1};
    children(body.childNodes(), out, false, rest);
    if (rest[0] >= 0) {
      StringBuilder quoted = new StringBuilder(out.substring(rest[0]));
      out.setLength(rest[0]);
      appendQuoted(quoted, out);
    }
    return tidy(out.toString());
  }

  /**
   * Renders nodes; {@code rest[0]} is where in {@code out} the rest of the document became the
   * quote (-1 until a separator is met), so that everything after it, at any depth, is quoted.
   */
  private static void children(List<Node> nodes, StringBuilder out, boolean pre, int[] rest) {
    for (Node n : nodes) {
      if (rest[0] < 0 && n instanceof Element e && isQuoteRest(e)) {
        endLine(out);
        rest[0] = out.length();
      }
      node(n, out, pre, rest);
    }
  }

  /**
   * The quoted original of an HTML part, found by its structure, as plain text without the quote
   * prefixes: used to find the same original in the plain-text alternative, where a client may
   * have left it unmarked. Null when the HTML holds no quote, when the sender wrote more below the
   * quote (then the plain text is read as it is), or when the HTML cannot be read.
   */
  static String quotedPart(String html) {
    String rendered;
    try {
      rendered = render(html);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
    String[] lines = rendered.split("\n", -1);
    int first = -1;
    for (int i = 0; i < lines.length; i++) {
      boolean quoted = lines[i].startsWith(">");
      if (first < 0 && quoted) {
        first = i;
      } else if (first >= 0 && !quoted && !lines[i].isBlank()) {
        return null;
      }
    }
    if (first < 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = first; i < lines.length; i++) {
      sb.append(ReplyText.unprefixed(lines[i])).append('\n');
    }
    return sb.toString();
  }

  private static boolean isQuoteRest(Element e) {
    String id = e.id().toLowerCase(Locale.ROOT);
    if (QUOTE_REST_IDS.contains(id)) {
      return e.hasText() || e.normalName().equals("hr");
    }
    return isOutlookHeaderBox(e);
  }

  /**
   * Outlook desktop's reply header: {@code <div style="border:none;border-top:solid #E1E1E1
   * 1.0pt;...">} holding only the {@code From:}/{@code Sent:} block.
   */
  private static boolean isOutlookHeaderBox(Element e) {
    if (!e.normalName().equals("div")) {
      return false;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    if (!style.contains("border-top:solid") && !style.contains("border-top:1")) {
      return false;
    }
    String text = e.text();
    return text.length() < 2000 && text.indexOf(':') > 0 && !e.select("b").isEmpty();
  }

  private static boolean isQuote(Element e) {
    if (e.normalName().equals("blockquote")) {
      return true;
    }
    if (QUOTE_IDS.contains(e.id().toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String c : e.classNames()) {
      if (QUOTE_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static void node(Node n, StringBuilder out, boolean pre, int[] rest) {
    if (n instanceof TextNode t) {
      text(pre ? t.getWholeText() : t.text(), out, pre);
      return;
    }
    if (!(n instanceof Element e)) {
      return;
    }
    String tag = e.normalName();
    if (SKIPPED.contains(tag)) {
      return;
    }
    if (tag.equals("br")) {
      out.append('\n');
      return;
    }
    if (isQuote(e)) {
      StringBuilder quoted = new StringBuilder();
      children(e.childNodes(), quoted, pre, new int[] {-1});
      appendQuoted(quoted, out);
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      endLine(out);
    } else if ((tag.equals("td") || tag.equals("th")) && !atLineStart(out)) {
      out.append(' ');
    }
    children(e.childNodes(), out, pre || tag.equals("pre"), rest);
    if (block) {
      endLine(out);
    }
  }

  private static void text(String text, StringBuilder out, boolean pre) {
    if (pre) {
      out.append(text);
      return;
    }
    String t = text.replace('\u00A0', ' ');
    if (atLineStart(out)) {
      t = t.stripLeading();
    } else if (out.charAt(out.length() - 1) == ' ' && t.startsWith(" ")) {
      t = t.substring(1);
    }
    out.append(t);
  }

  private static void appendQuoted(StringBuilder quoted, StringBuilder out) {
    String q = tidy(quoted.toString());
    if (q.isEmpty()) {
      return;
    }
    endLine(out);
    for (String line : q.split("\n", -1)) {
      out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
    }
  }

  private static boolean atLineStart(StringBuilder out) {
    return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
  }

  private static void endLine(StringBuilder out) {
    if (!atLineStart(out)) {
      out.append('\n');
    }
  }

  private static String tidy(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.replace('\u00A0', ' ').split("\n", -1)) {
      sb.append(line.stripTrailing()).append('\n');
    }
    return sb.toString().replaceAll("^\\n+", "").replaceAll("\\n+$", "");
  }
}
