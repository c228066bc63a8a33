package io.marketdesk.mime;

import io.marketdesk.mime.HeaderValues.Mailbox;
import io.marketdesk.mime.HeaderValues.Parameterised;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Reads one raw RFC 5322 message into a {@link ParsedMail}: the first stage after intake, before
 * the command parser. It streams the message through Mime4j's {@link MimeTokenStream} with an
 * explicit {@link MimeConfig} built from {@link Limits} (never the permissive preset: this is
 * untrusted input), so a large attachment passes through once and is kept in memory only when it
 * is within {@link Limits#maxAttachmentBytes()}; above it only its size is counted.
 *
 * <p>It is lenient where real clients are sloppy (unlabelled 8-bit headers, GB2312 labels on GBK
 * bytes, bad base64, a missing closing boundary, unknown charsets) and strict where a limit is
 * exceeded or nothing resembling a mail header can be found: then it throws {@link
 * MailFormatException} so the caller can keep the raw message and answer with a clear reason.
 *
 * <p>Text: the first text/plain part that is not an attachment; when there is none (or it is
 * blank), the first HTML part rendered as text, with quoted containers prefixed by {@code "> "}.
 * When both exist, the HTML part's structure marks the quote in the plain text: from the line where
 * the original the HTML quotes begins, the plain lines get {@code "> "} too (a client may leave them
 * unmarked). Line ends become {@code \n}, a leading BOM is dropped and NBSP becomes a space.
 *
 * <p>Immutable and thread-safe: one instance can serve every intake thread.
 */
public final class MailReader {
  /**
   * Limits applied while reading.
   *
   * @param maxHeaderCount header fields per entity; more is a {@link MailFormatException}
   * @param maxLineLength the longest line accepted; more is a {@link MailFormatException}
   * @param maxHeaderLength the longest header field (folded lines included)
   * @param maxAttachmentBytes the largest decoded attachment kept in memory; larger ones are
   *     counted but their data is dropped ({@link ParsedMail.Attachment#tooLarge()})
   * @param maxParts MIME body parts per message; more is a {@link MailFormatException}
   */
  public record Limits(
      int maxHeaderCount, int maxLineLength, int maxHeaderLength, long maxAttachmentBytes, int maxParts) {
    public Limits {
      if (maxHeaderCount <= 0
          || maxLineLength <= 0
          || maxHeaderLength <= 0
          || maxAttachmentBytes < 0
          || maxParts <= 0) {
        throw new IllegalArgumentException(
            "mail limits must be positive: headers=" + maxHeaderCount + ", line=" + maxLineLength
                + ", header=" + maxHeaderLength + ", attachment=" + maxAttachmentBytes
                + ", parts=" + maxParts);
      }
    }

    /** 1000 header fields, 64 KiB lines and header fields, 10 MiB attachments, 100 parts. */
    public static Limits defaults() {
      return new Limits(1000, 64 * 1024, 64 * 1024, 10L * 1024 * 1024, 100);
    }

    public Limits withMaxAttachmentBytes(long bytes) {
      return new Limits(maxHeaderCount, maxLineLength, maxHeaderLength, bytes, maxParts);
    }

    public Limits withMaxParts(int parts) {
      return new Limits(maxHeaderCount, maxLineLength, maxHeaderLength, maxAttachmentBytes, parts);
    }
  }

  private static final int HEADER_PREFIX_BYTES = 64 * 1024;
  private static final Set<String> MAIL_HEADERS =
      Set.of(
          "from", "to", "cc", "subject", "date", "message-id", "received", "mime-version",
          "content-type", "return-path", "delivered-to", "sender", "reply-to", "in-reply-to");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)");

  private final Limits limits;
  private final MimeConfig config;

  public MailReader(Limits limits) {
    this.limits = limits;
    this.config =
        new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMalformedHeaderStartsBody(false)
            .setMaxHeaderCount(limits.maxHeaderCount())
            .setMaxLineLen(limits.maxLineLength())
            .setMaxHeaderLen(limits.maxHeaderLength())
            .setMaxContentLen(-1)
            .setCountLineNumbers(false)
            .build();
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Reads a whole message from {@code raw} (not closed).
   *
   * @throws MailFormatException when the input has no mail header, or exceeds a header, line or
   *     part limit
   * @throws UncheckedIOException when reading {@code raw} itself fails
   */
  public ParsedMail read(InputStream raw) throws MailFormatException {
    Reading reading = new Reading();
    MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    try {
      stream.parse(raw);
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = stream.next()) {
        reading.on(state, stream);
      }
    } catch (MimeException e) {
      throw new MailFormatException(reasonOf(e), "unreadable mail: " + e.getMessage(), e);
    } catch (MimeIOException e) {
      throw new MailFormatException(reasonOf(e.getCause()), "unreadable mail: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new MailFormatException(MailFormatException.Reason.TOO_MANY_PARTS, "nested too deeply to read");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reading.result();
  }

  /** The reason of a Mime4j refusal, by the limit exception anywhere in its cause chain. */
  private static MailFormatException.Reason reasonOf(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof MaxHeaderLimitException) {
        return MailFormatException.Reason.TOO_MANY_HEADER_FIELDS;
      }
      if (c instanceof MaxHeaderLengthLimitException) {
        return MailFormatException.Reason.HEADER_TOO_LONG;
      }
      if (c instanceof MaxLineLimitException) {
        return MailFormatException.Reason.LINE_TOO_LONG;
      }
    }
    return MailFormatException.Reason.MALFORMED;
  }

  /** The most a reply to an unreadable mail quotes of its subject. */
  private static final int ENVELOPE_SUBJECT = 200;
  /** How far into a mail its From, Subject and Message-ID are looked for. */
  private static final int ENVELOPE_SCAN_BYTES = 4 * 1024 * 1024;
  /** How much of one of those fields is kept while looking. */
  private static final int ENVELOPE_FIELD_CHARS = 8 * 1024;

  /** The header fields {@link #envelope} keeps: what a reply and the loop checks need. */
  private static final List<String> ENVELOPE_FIELDS = List.of("from", "subject", "message-id",
      "auto-submitted", "precedence", "list-id", "x-autoreply", "x-autorespond", "return-path");

  /**
   * What a reply to a mail that could not be read needs.
   *
   * @param from the From addr-spec, lower-cased, or null
   * @param subject the decoded subject, cut to 200 characters, or ""
   * @param messageId the Message-ID without angle brackets, or null
   * @param headers the first of each of the From, Subject, Message-ID and loop-marking fields
   *     (Auto-Submitted, Precedence, List-Id, X-Autoreply, X-Autorespond, Return-Path), decoded
   */
  public record Envelope(String from, String subject, String messageId, MailHeaders headers) {}

  /**
   * Reads the sender, subject, Message-ID and loop-marking fields of a raw mail, whatever else it
   * holds: the header is scanned line by line (up to the first blank line, 4 MiB at most) without
   * the limits {@link #read} applies, keeping at most 8 KiB of each field. Never throws.
   */
  public static Envelope envelope(byte[] raw) {
    Map<String, String> found = new LinkedHashMap<>();
    StringBuilder current = null;
    String currentName = null;
    int end = Math.min(raw.length, ENVELOPE_SCAN_BYTES);
    int lineStart = 0;
    while (lineStart < end) {
      int lineEnd = lineStart;
      while (lineEnd < end && raw[lineEnd] != '\n') {
        lineEnd++;
      }
      int contentEnd = lineEnd > lineStart && raw[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      boolean blank = contentEnd == lineStart;
      boolean continuation = !blank && (raw[lineStart] == ' ' || raw[lineStart] == '\t');
      if (!continuation && currentName != null) {
        found.putIfAbsent(currentName, current.toString());
        currentName = null;
      }
      if (blank) {
        break;
      }
      int take = Math.min(contentEnd - lineStart, ENVELOPE_FIELD_CHARS);
      String line = new String(raw, lineStart, take, StandardCharsets.UTF_8);
      if (continuation) {
        if (currentName != null && current.length() < ENVELOPE_FIELD_CHARS) {
          current.append(line);
        }
      } else {
        int colon = line.indexOf(':');
        String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
        if (ENVELOPE_FIELDS.contains(name) && !found.containsKey(name)) {
          currentName = name;
          current = new StringBuilder(line.substring(colon + 1));
        }
      }
      lineStart = lineEnd + 1;
    }
    if (currentName != null) {
      found.putIfAbsent(currentName, current.toString());
    }
    String address = null;
    if (found.containsKey("from")) {
      try {
        List<Mailbox> boxes = HeaderValues.mailboxes(found.get("from"));
        address = boxes.isEmpty() ? null : boxes.get(0).address();
      } catch (RuntimeException e) {
        address = null;
      }
    }
    List<MailHeaders.Field> fields = new ArrayList<>();
    String subject = "";
    for (Map.Entry<String, String> f : found.entrySet()) {
      String value;
      try {
        value = EncodedWords.decode(f.getValue().strip());
      } catch (RuntimeException e) {
        value = f.getValue().strip();
      }
      value = value.replaceAll("\\s+", " ").strip();
      if (f.getKey().equals("subject")) {
        subject = value.codePointCount(0, value.length()) > ENVELOPE_SUBJECT
            ? value.substring(0, value.offsetByCodePoints(0, ENVELOPE_SUBJECT)) + "\u2026"
            : value;
        value = subject;
      }
      fields.add(new MailHeaders.Field(f.getKey(), value));
    }
    String mid = null;
    if (found.containsKey("message-id")) {
      try {
        mid = HeaderValues.messageId(found.get("message-id"));
      } catch (RuntimeException e) {
        mid = null;
      }
    }
    return new Envelope(address, subject, mid, new MailHeaders(fields));
  }

  /** A MIME entity being read: its header fields raw (unfolded) and decoded. */
  private static final class Entity {
    final List<MailHeaders.Field> fields = new ArrayList<>();
    final Map<String, String> raw = new LinkedHashMap<>();
    final Map<String, List<String>> rawAll = new LinkedHashMap<>();

    void add(String name, String rawValue) {
      String key = name.toLowerCase(Locale.ROOT);
      raw.putIfAbsent(key, rawValue);
      rawAll.computeIfAbsent(key, k -> new ArrayList<>()).add(rawValue);
      fields.add(new MailHeaders.Field(name, EncodedWords.decode(rawValue).trim()));
    }

    String raw(String name) {
      return raw.get(name);
    }

    List<String> rawAll(String name) {
      return rawAll.getOrDefault(name, List.of());
    }
  }

  private record Collected(byte[] data, long size, byte[] prefix) {}

  /** The state of one {@link #read}: confined to the calling thread. */
  private final class Reading {
    private final Deque<Entity> stack = new ArrayDeque<>();
    private Entity top;
    private int parts;
    private String plain;
    private String html;
    private final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    private final DeliveryReportReader bounce = new DeliveryReportReader();

    void on(EntityState state, MimeTokenStream stream) throws MailFormatException, IOException {
      switch (state) {
        case T_START_MESSAGE:
          top = new Entity();
          stack.push(top);
          break;
        case T_START_BODYPART:
          if (++parts > limits.maxParts()) {
            throw new MailFormatException(MailFormatException.Reason.TOO_MANY_PARTS,
                "too many MIME parts: more than " + limits.maxParts() + " in one mail");
          }
          stack.push(new Entity());
          break;
        case T_END_BODYPART:
        case T_END_MESSAGE:
          if (stack.size() > 1) {
            stack.pop();
          }
          break;
        case T_FIELD:
          Field f = stream.getField();
          stack.peek().add(f.getName().trim(), rawValue(f));
          break;
        case T_BODY:
          body(stack.peek(), stream.getDecodedInputStream());
          break;
        default:
          break;
      }
    }

    private void body(Entity e, InputStream in) throws IOException {
      Parameterised type = HeaderValues.parameters(e.raw("content-type"));
      Parameterised disposition = HeaderValues.parameters(e.raw("content-disposition"));
      String mime = type.value().isEmpty() ? "text/plain" : type.value();
      String filename = disposition.param("filename");
      if (filename == null) {
        filename = type.param("name");
      }
      boolean attachment = disposition.value().equals("attachment") || filename != null;
      String charset = type.param("charset");
      if (mime.equals("message/delivery-status") || mime.equals("message/global-delivery-status")) {
        bounce.deliveryStatus(TextCharsets.decode(collect(in, true).data(), charset));
      } else if (mime.equals("text/rfc822-headers")) {
        bounce.enclosedHeader(collect(in, true).data());
      } else if (mime.equals("message/rfc822") || mime.equals("message/global")) {
        Collected c = collect(in, false);
        bounce.enclosedHeader(c.prefix());
        attachments.add(
            new ParsedMail.Attachment(
                filename == null ? "" : filename, mime, c.size(), c.data(), c.data() == null));
      } else if (mime.equals("text/plain") && !attachment && plain == null) {
        plain = TextCharsets.decode(collect(in, true).data(), charset);
      } else if (mime.equals("text/html") && !attachment && html == null) {
        byte[] bytes = collect(in, true).data();
        html = TextCharsets.decode(bytes, charset != null ? charset : metaCharset(bytes));
      } else {
        Collected c = collect(in, false);
        attachments.add(
            new ParsedMail.Attachment(
                filename == null ? "" : filename, mime, c.size(), c.data(), c.data() == null));
      }
    }

    /**
     * Reads a decoded body once. Within the limit the bytes are kept; above it they are counted
     * only ({@code keepPrefix} keeps the first {@code maxAttachmentBytes} instead, for text).
     */
    private Collected collect(InputStream in, boolean keepPrefix) throws IOException {
      long cap = limits.maxAttachmentBytes();
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] prefix = null;
      byte[] buf = new byte[8192];
      long size = 0;
      boolean over = false;
      int n;
      while ((n = in.read(buf)) != -1) {
        size += n;
        if (!over && size > cap) {
          over = true;
          int room = (int) (cap - (size - n));
          kept.write(buf, 0, room);
          prefix = prefixOf(kept.toByteArray());
          if (!keepPrefix) {
            kept = null;
          }
        } else if (!over) {
          kept.write(buf, 0, n);
        }
      }
      byte[] data = kept == null ? null : kept.toByteArray();
      return new Collected(data, size, prefix != null ? prefix : prefixOf(data));
    }

    private byte[] prefixOf(byte[] bytes) {
      if (bytes == null || bytes.length <= HEADER_PREFIX_BYTES) {
        return bytes;
      }
      return Arrays.copyOf(bytes, HEADER_PREFIX_BYTES);
    }

    ParsedMail result() throws MailFormatException {
      if (top == null || top.fields.isEmpty()) {
        throw new MailFormatException(MailFormatException.Reason.NO_HEADER, "no mail header found");
      }
      if (top.raw.keySet().stream().noneMatch(MAIL_HEADERS::contains)) {
        throw new MailFormatException(MailFormatException.Reason.NO_HEADER, "no mail header found (not a mail?)");
      }
      List<Mailbox> from = HeaderValues.mailboxes(top.raw("from"));
      Set<String> to = new LinkedHashSet<>();
      for (String name : List.of("to", "cc")) {
        for (String v : top.rawAll(name)) {
          HeaderValues.mailboxes(v).forEach(m -> to.add(m.address()));
        }
      }
      MailHeaders headers = new MailHeaders(top.fields);
      String text;
      boolean htmlOnly = false;
      if (plain != null && (!plain.isBlank() || html == null)) {
        text = html == null ? plain : ReplyText.markQuote(plain, HtmlText.quotedPart(html));
      } else if (html != null) {
        text = HtmlText.render(html);
        htmlOnly = true;
      } else {
        text = "";
      }
      text = TextCharsets.normalise(text);
      String subject = headers.first("subject");
      String fromAddress = from.isEmpty() ? null : from.get(0).address();
      return new ParsedMail(
          HeaderValues.messageId(top.raw("message-id")),
          fromAddress,
          from.isEmpty() ? "" : from.get(0).name(),
          new ArrayList<>(to),
          subject == null ? "" : subject.replaceAll("\\s*[\\r\\n]+\\s*", " "),
          HeaderValues.date(top.raw("date")),
          HeaderValues.messageId(top.raw("in-reply-to")),
          HeaderValues.messageIds(top.raw("references")),
          headers,
          text,
          htmlOnly,
          attachments,
          bounce.report(fromAddress, text));
    }
  }

  private static String rawValue(Field f) {
    byte[] raw = f.getRaw() == null ? null : f.getRaw().toByteArray();
    String value;
    if (raw == null) {
      value = f.getBody() == null ? "" : f.getBody();
    } else {
      int colon = 0;
      while (colon < raw.length && raw[colon] != ':') {
        colon++;
      }
      byte[] v = colon < raw.length ? Arrays.copyOfRange(raw, colon + 1, raw.length) : raw;
      value = TextCharsets.decodeUnlabelled(v);
    }
    return value.replaceAll("\\r?\\n(?=[ \\t])", "").replaceAll("[\\r\\n]+$", "").trim();
  }

  private static String metaCharset(byte[] html) {
    int n = Math.min(html.length, 4096);
    Matcher m = META_CHARSET.matcher(new String(html, 0, n, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }
}
