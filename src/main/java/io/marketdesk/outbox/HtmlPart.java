package io.marketdesk.outbox;

import io.marketdesk.text.Language;
import io.marketdesk.template.Templates;
import io.marketdesk.text.HanCharacters;
import io.marketdesk.token.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail, made from the same rendering as its text part (docs/mail-design.md). The
 * text is read into blocks — paragraphs, {@code label：value} facts, {@code · label：old → new}
 * changes, list rows with cells two spaces apart, and the indented command lines a person is told to
 * write — and the footer below {@code --}. A mail kind with a template of its own
 * ({@code mail-html/NAME.ftlh}, or the one of its family: {@code provider-order-paid} finds
 * {@code provider-order.ftlh}) adds what only its model knows (an order's step bar, a review's
 * buttons); every other kind gets {@code mail-html/_auto.ftlh}, the layout around the blocks. Every
 * value is escaped by Freemarker's HTML output format. Thread-safe.
 */
public final class HtmlPart {
  private static final Pattern FACT = Pattern.compile("^(?:· )?([^\\uFF1A:\\uFF0C\\u3002,.()\\uFF08\\uFF09\\s\\d][^\\uFF1A:\\uFF0C\\u3002,.()\\uFF08\\uFF09]{0,11}?)\\s*[\\uFF1A:]\\s*(\\S.*)$");
  private static final Pattern CHANGE = Pattern.compile("^· ([^\\uFF1A:]{1,30})[\\uFF1A:]\\s*(.*?) → (.*)$");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'\\uFF08\\uFF09()\\uFF0C\\u3002]+");
  private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})\\. (\\S.*)$");
  private static final Pattern CELL_GAP = Pattern.compile(" {2,}");
  private static final String FOLDER = "mail-html/";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HtmlPart.class);

  private final Templates templates;
  /** The command keywords of every language, normalised, by their first character: a line is looked up by its own. */
  private final Map<Character, List<String>> keywords = new HashMap<>();
  /** The HTML template of each text template: looked up once (a missing template costs an exception). */
  private final Map<String, String> chosen = new ConcurrentHashMap<>();

  public HtmlPart(Templates templates) {
    this.templates = templates;
    for (Language lang : Language.values()) {
      for (String key : templates.catalog().keys(lang.code())) {
        if (key.startsWith("keyword.")) {
          for (String word : templates.catalog().source(lang.code(), key).split("\\|")) {
            String k = normal(word);
            if (!k.isEmpty()) {
              keywords.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(k);
            }
          }
        }
      }
    }
  }

  /**
   * True when an indented line of a text is a command a person is told to write: it starts with a
   * command keyword of some language ({@code keyword.*} in the catalog). Other indented lines (a
   * digest's detail lines) stay text.
   */
  boolean isCommand(String line) {
    String l = normal(line);
    if (l.isEmpty()) {
      return false;
    }
    for (String k : keywords.getOrDefault(l.charAt(0), List.of())) {
      if (l.startsWith(k) && (l.length() == k.length() || !Character.isLetter(l.charAt(k.length()))
          || HanCharacters.is(k.codePointAt(k.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static String normal(String s) {
    return java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /**
   * The HTML part of a mail.
   *
   * @param lang the mail's language
   * @param template the text template's name ({@code order-paid}), or null for a mail made otherwise
   * @param model the model the text was rendered from, or null
   * @param subject the mail's subject as sent (with its token tag)
   * @param body the text part
   * @param replyTo where a reply goes: the buttons' address
   * @return the HTML, or null when even the plain layout fails (the mail then goes as text alone)
   */
  public String render(Language lang, String template, Object model, String subject, String body, String replyTo) {
    Text text = read(body, this::isCommand);
    String reSubject = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    HtmlMail mail = new HtmlMail(lang.code(), Tokens.withoutSubjectTags(subject).strip(), text.blocks(), text.footer(),
        replyTo, reSubject, model, template == null ? "" : template, body);
    String chosen = templateFor(template);
    try {
      return templates.render(chosen, new Page(mail));
    } catch (RuntimeException e) {
      // the HTML is the extra part: a fault in a kind's own template costs its layout, never the mail
      LOG.warn("HTML template {} failed for {}; the mail gets the plain layout", chosen, template, e);
    }
    try {
      return templates.render(FOLDER + "_auto.ftlh", new Page(mail));
    } catch (RuntimeException e) {
      LOG.error("the HTML layout failed for {}; the mail goes as text alone", template, e);
      return null;
    }
  }

  private String templateFor(String template) {
    return template == null ? FOLDER + "_auto.ftlh" : chosen.computeIfAbsent(template, this::lookUp);
  }

  private String lookUp(String template) {
    String name = template;
    while (true) {
      if (templates.exists(FOLDER + name + ".ftlh")) {
        return FOLDER + name + ".ftlh";
      }
      int dash = name.lastIndexOf('-');
      if (dash < 0) {
        return FOLDER + "_auto.ftlh";
      }
      name = name.substring(0, dash);
    }
  }

  /** The data model of an HTML template: {@code mail}. */
  public record Page(HtmlMail mail) {}

  /**
   * What an HTML template is given as {@code mail}. Immutable.
   *
   * @param lang the language code ({@code zh}, {@code zh-Hant}, {@code en})
   * @param subject the subject as sent, without its token tag
   * @param blocks the text part, read into blocks
   * @param footer the lines below the text's {@code --}
   * @param replyTo the address the buttons write to
   * @param replySubject the subject the buttons' mails carry (with the token tag, so that they count as replies)
   * @param m the text template's model, or null
   * @param template the text template's name, or ""
   * @param text the text part
   */
  public record HtmlMail(String lang, String subject, List<Block> blocks, List<String> footer, String replyTo,
      String replySubject, Object m, String template, String text) {
    public HtmlMail {
      blocks = List.copyOf(blocks);
      footer = List.copyOf(footer);
    }

    /** True when the text part says this: a button of a template's own only offers what the text tells. */
    public boolean says(String words) {
      return text.contains(words);
    }

    /** A {@code mailto:} link (RFC 6068) that opens a reply with this command written in it. */
    public String href(String command) {
      return mailto(replyTo, replySubject, command);
    }

    /** The footer's lines, each cut into plain text and links. */
    public List<List<Segment>> footerSegments() {
      List<List<Segment>> out = new ArrayList<>();
      for (String l : footer) {
        out.add(segmentsOf(l));
      }
      return out;
    }

    /** The command lines of the text, in order: what the person is told to write. */
    public List<Block> commands() {
      List<Block> out = new ArrayList<>();
      for (Block b : blocks) {
        if (b.kind().equals("command")) {
          out.add(b);
        }
      }
      return out;
    }
  }

  /**
   * A part of the text. Immutable.
   *
   * @param kind {@code p} (lines of a paragraph), {@code facts} (rows of label and value), {@code changes}
   *     (rows of label, old and new), {@code rows} (a list whose rows have several cells), {@code items}
   *     (a numbered list: number and the item's lines), {@code command} (a line to write, in
   *     {@code lines}), {@code gap} (a paragraph break)
   * @param lines the lines of a paragraph or the command
   * @param rows the cells of each row of a table
   */
  public record Block(String kind, List<String> lines, List<List<Cell>> rows) {
    public Block {
      lines = List.copyOf(lines);
      rows = List.copyOf(rows);
    }

    /** The first line (a command's text). */
    public String line() {
      return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The lines, each cut into plain text and links. */
    public List<List<Segment>> segments() {
      List<List<Segment>> out = new ArrayList<>();
      for (String l : lines) {
        out.add(segmentsOf(l));
      }
      return out;
    }
  }

  /** A table cell: its lines, each cut into plain text and links. */
  public record Cell(List<List<Segment>> lines) {
    public Cell {
      lines = List.copyOf(lines);
    }

    static Cell of(List<String> text) {
      List<List<Segment>> out = new ArrayList<>();
      for (String l : text) {
        out.add(segmentsOf(l));
      }
      return new Cell(out);
    }

    static Cell of(String text) {
      return of(List.of(text));
    }
  }

  /** A piece of a line: plain text, or a link when {@code href} is not empty. */
  public record Segment(String text, String href) {}

  /** The text part read into blocks, and its footer. */
  record Text(List<Block> blocks, List<String> footer) {}

  static Text read(String body, Predicate<String> isCommand) {
    List<String> lines = new ArrayList<>(List.of(body.replace("\r\n", "\n").stripTrailing().split("\n", -1)));
    List<String> footer = new ArrayList<>();
    int sig = lines.lastIndexOf("--");
    if (sig < 0) {
      sig = lines.lastIndexOf("-- ");
    }
    if (sig >= 0) {
      footer.addAll(lines.subList(sig + 1, lines.size()));
      lines = new ArrayList<>(lines.subList(0, sig));
    }
    List<Block> blocks = new ArrayList<>();
    String runKind = null;
    List<String> run = new ArrayList<>();
    for (String line : lines) {
      String kind = kindOf(line, isCommand);
      boolean continues = ("rows".equals(runKind) || "items".equals(runKind)) && line.startsWith("  ")
          && !line.isBlank() && !kind.equals("command");
      if (continues) {
        kind = runKind;
      }
      if (!kind.equals(runKind)) {
        flush(blocks, runKind, run);
        runKind = kind;
      }
      if (kind.equals("command")) {
        flush(blocks, runKind, run);
      }
      run.add(line);
    }
    flush(blocks, runKind, run);
    while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind().equals("gap")) {
      blocks.remove(blocks.size() - 1);
    }
    return new Text(blocks, footer);
  }

  private static String kindOf(String line, Predicate<String> isCommand) {
    if (line.isBlank()) {
      return "gap";
    }
    if (line.startsWith("    ")) {
      return isCommand.test(line) ? "command" : "p";
    }
    // each pattern is tried only on a line that has what it needs (most lines have none of it)
    boolean colon = line.indexOf('\uFF1A') >= 0 || line.indexOf(':') >= 0;
    if (colon && line.startsWith("· ") && line.contains(" → ") && CHANGE.matcher(line).matches()) {
      return "changes";
    }
    if (!line.isEmpty() && line.charAt(0) >= '0' && line.charAt(0) <= '9' && ITEM.matcher(line).matches()) {
      return "items";
    }
    // three cells need two gaps of two spaces: most lines have none, and are not split
    if (!line.startsWith(" ") && line.contains("  ") && cells(line).size() >= 3) {
      return "rows";
    }
    if (colon && !line.endsWith("\uFF1A") && !line.endsWith(":") && FACT.matcher(line).matches()) {
      return "facts";
    }
    return "p";
  }

  private static void flush(List<Block> blocks, String kind, List<String> run) {
    if (run.isEmpty()) {
      return;
    }
    List<String> lines = List.copyOf(run);
    run.clear();
    if (kind.equals("gap")) {
      if (!blocks.isEmpty() && !blocks.get(blocks.size() - 1).kind().equals("gap")) {
        blocks.add(new Block("gap", List.of(), List.of()));
      }
      return;
    }
    if (kind.equals("command")) {
      String command = lines.get(0).strip();
      blocks.add(new Block("command", List.of(command), List.of()));
      return;
    }
    if (kind.equals("facts") && lines.size() < 2) {
      kind = "p";
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (String l : lines) {
      if (kind.equals("facts")) {
        Matcher m = FACT.matcher(l);
        m.matches();
        rows.add(List.of(Cell.of(m.group(1)), Cell.of(m.group(2))));
      } else if (kind.equals("changes")) {
        Matcher m = CHANGE.matcher(l);
        m.matches();
        rows.add(List.of(Cell.of(m.group(1)), Cell.of(m.group(2)), Cell.of(m.group(3))));
      } else if (kind.equals("rows") && !l.startsWith("  ")) {
        List<Cell> cells = new ArrayList<>();
        for (String c : cells(l)) {
          cells.add(Cell.of(c));
        }
        rows.add(cells);
      } else if (kind.equals("items") && !l.startsWith("  ")) {
        Matcher m = ITEM.matcher(l);
        m.matches();
        rows.add(List.of(Cell.of(m.group(1)), Cell.of(m.group(2))));
      } else if (kind.equals("rows") || kind.equals("items")) {
        // a line below a row or an item belongs to its last cell
        List<Cell> last = new ArrayList<>(rows.get(rows.size() - 1));
        List<List<Segment>> cellLines = new ArrayList<>(last.get(last.size() - 1).lines());
        cellLines.add(segmentsOf(l.strip()));
        last.set(last.size() - 1, new Cell(cellLines));
        rows.set(rows.size() - 1, last);
      }
    }
    if (kind.equals("rows") && rows.size() < 2) {
      kind = "p";
    }
    Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    if (kind.equals("p") && previous != null && previous.kind().equals("p")) {
      List<String> joined = new ArrayList<>(previous.lines());
      joined.addAll(lines);
      blocks.set(blocks.size() - 1, new Block("p", joined, List.of()));
      return;
    }
    // the items of one list stay one table across the blank lines between them
    if ((kind.equals("items") || kind.equals("rows")) && blocks.size() >= 2 && previous.kind().equals("gap")
        && blocks.get(blocks.size() - 2).kind().equals(kind)) {
      blocks.remove(blocks.size() - 1);
      List<List<Cell>> joined = new ArrayList<>(blocks.get(blocks.size() - 1).rows());
      joined.addAll(rows);
      blocks.set(blocks.size() - 1, new Block(kind, List.of(), joined));
      return;
    }
    blocks.add(new Block(kind, kind.equals("p") ? lines : List.of(), rows));
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String c : CELL_GAP.split(line.startsWith("· ") ? line.substring(2) : line)) {
      if (!c.isBlank()) {
        out.add(c.strip());
      }
    }
    return out;
  }

  static List<Segment> segmentsOf(String line) {
    List<Segment> out = new ArrayList<>();
    Matcher m = URL.matcher(line);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Segment(line.substring(at, m.start()), ""));
      }
      out.add(new Segment(m.group(), m.group()));
      at = m.end();
    }
    if (at < line.length() || out.isEmpty()) {
      out.add(new Segment(line.substring(at), ""));
    }
    return out;
  }

  /** A {@code mailto:} link (RFC 6068): UTF-8 percent-encoded, spaces {@code %20}, line breaks CRLF. */
  static String mailto(String to, String subject, String body) {
    return "mailto:" + to + "?subject=" + encode(subject) + "&body="
        + encode(body.replace("\r\n", "\n").replace("\n", "\r\n"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
