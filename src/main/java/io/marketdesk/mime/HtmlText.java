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
 * {@code <br>} is a newline, links are their text, and quoted containers ({@code <blockquote>},
 * Gmail's {@code gmail_quote}, Outlook's {@code divRplyFwdMsg} and everything after it, QQ Mail's
 * and others' quote containers) come out with every line prefixed by {@code "> "}, so that
 * {@link ReplyText} skips them as it skips quoted plain text. Stateless and thread-safe.
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
          "qmail_quote", "ntes-mailmaster-quote", "mail-quote", "foxmail_quote");
  private static final Set<String> QUOTE_IDS =
      Set.of("original-content", "isreplycontent", "qqmail_quote", "ntes-quote");
  private static final Set<String> QUOTE_REST_IDS = Set.of("divrplyfwdmsg", "appendonsend");

  private HtmlText() {}

  static String render(String html) {
    Element body = Jsoup.parse(html).body();
    StringBuilder out = new StringBuilder();
    children(body.childNodes(), out, false);
    return tidy(out.toString());
  }

  private static void children(List<Node> nodes, StringBuilder out, boolean pre) {
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Element e && isQuoteRest(e)) {
        StringBuilder quoted = new StringBuilder();
        for (Node rest : nodes.subList(i, nodes.size())) {
          node(rest, quoted, pre);
        }
        appendQuoted(quoted, out);
        return;
      }
      node(n, out, pre);
    }
  }

  private static boolean isQuoteRest(Element e) {
    return QUOTE_REST_IDS.contains(e.id().toLowerCase(Locale.ROOT)) && e.hasText();
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

  private static void node(Node n, StringBuilder out, boolean pre) {
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
      children(e.childNodes(), quoted, pre);
      appendQuoted(quoted, out);
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      endLine(out);
    } else if ((tag.equals("td") || tag.equals("th")) && !atLineStart(out)) {
      out.append(' ');
    }
    children(e.childNodes(), out, pre || tag.equals("pre"));
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
