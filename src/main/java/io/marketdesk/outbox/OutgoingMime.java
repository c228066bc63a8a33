package io.marketdesk.outbox;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Builds the MIME message of one outbox row: the service's From, the envelope sender that names the
 * mail (VERP), the thread headers, the automatic-mail headers, the text (and its HTML as an
 * alternative) and the files. No connection: the {@link OutboxSender} hands the result to its
 * {@link SmtpConnection}. Immutable and thread-safe.
 */
final class OutgoingMime {
  private final Session session;
  private final String fromAddress;
  private final String fromName;
  private final boolean eightBit;

  /**
   * @param eightBit whether the server is known to keep 8-bit bytes (the embedded one): text parts
   *     then go as 8bit
   */
  OutgoingMime(Session session, String fromAddress, String fromName, boolean eightBit) {
    this.session = session;
    this.fromAddress = fromAddress;
    this.fromName = fromName;
    this.eightBit = eightBit;
  }

  /** The message of a row with its files, its headers saved, ready to send. */
  SMTPMessage toMime(Outbox.Row row, List<OutgoingMail.FileAttachment> files)
      throws MessagingException, UnsupportedEncodingException {
    return toMime(row, files, false);
  }

  /**
   * The message of a row with its files; {@code serverEightBit}: the connection it goes on announced
   * 8BITMIME, so its text parts are written 8bit as they are (as Jakarta Mail's {@code allow8bitmime}
   * would make them on the way, at the cost of reading each part back through a thread and a pipe).
   */
  SMTPMessage toMime(Outbox.Row row, List<OutgoingMail.FileAttachment> files, boolean serverEightBit)
      throws MessagingException, UnsupportedEncodingException {
    boolean eight = eightBit || serverEightBit;
    FixedIdMessage msg = new FixedIdMessage(session, "<" + row.messageId() + ">");
    if (row.bounceToken() != null) {
      msg.setEnvelopeFrom(Outbox.bounceAddress(fromAddress, row.bounceToken()));
    }
    msg.setHeader("From", MimeUtility.fold(6, FromHeader.value(fromName, fromAddress)));
    msg.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(row.toAddr())});
    if (row.replyTo() != null) {
      msg.setReplyTo(new Address[] {new InternetAddress(row.replyTo())});
    }
    msg.setSubject(row.subject(), "UTF-8");
    msg.setSentDate(new Date());
    if (files.isEmpty() && row.html() == null) {
      setText(msg, row.body(), "plain", eight);
    } else if (files.isEmpty()) {
      msg.setContent(alternative(row, eight));
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart first = new MimeBodyPart();
      if (row.html() == null) {
        setText(first, row.body(), "plain", eight);
      } else {
        first.setContent(alternative(row, eight));
      }
      mixed.addBodyPart(first);
      for (OutgoingMail.FileAttachment f : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(
            new jakarta.mail.util.ByteArrayDataSource(f.data(), f.contentType())));
        part.setFileName(MimeUtility.encodeText(f.filename(), "UTF-8", null));
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      msg.setContent(mixed);
    }
    if (row.inReplyTo() != null) {
      msg.setHeader("In-Reply-To", "<" + row.inReplyTo() + ">");
    }
    if (row.refs() != null && !row.refs().isBlank()) {
      StringBuilder refs = new StringBuilder();
      for (String r : row.refs().trim().split("\\s+")) {
        refs.append(refs.length() == 0 ? "" : " ").append('<').append(r).append('>');
      }
      msg.setHeader("References", refs.toString());
    }
    boolean reply = row.inReplyTo() != null || row.kind().equals("reply") || row.kind().equals("unregistered");
    msg.setHeader("Auto-Submitted", reply ? "auto-replied" : "auto-generated");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader("X-Marketdesk-Kind", row.kind());
    // the headers now, not at writeTo: the 8BITMIME conversion on the way reads the part's Content-Type
    // (its charset) before the message is written, and without it would write the text as US-ASCII
    msg.saveChanges();
    return msg;
  }

  /**
   * The text and its HTML as {@code multipart/alternative}: the text first (clients show the last
   * part they can, and commands are read from the text), both UTF-8 and never base64
   * (docs/mail-design.md).
   */
  private static MimeMultipart alternative(Outbox.Row row, boolean eight) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    setText(text, row.body(), "plain", eight);
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    setText(html, row.html(), "html", eight);
    alternative.addBodyPart(html);
    return alternative;
  }

  /**
   * A text part's content, as UTF-8 bytes. Not {@code setText}: Jakarta Mail's text handler writes a
   * string through a stream that passes it on one byte at a time (a locked call per byte, three
   * quarters of the sender's time in writing the mail: docs/BENCHMARKS.md); bytes go in blocks.
   */
  private static void setText(MimePart part, String text, String subtype, boolean eight) throws MessagingException {
    String type = "text/" + subtype + "; charset=UTF-8";
    part.setDataHandler(new DataHandler(new Utf8Text(text, type)));
    part.setHeader("Content-Type", type);
    part.setHeader("Content-Transfer-Encoding", textEncoding(text, eight));
  }

  /** A text as a data source of its UTF-8 bytes, encoded once. */
  private static final class Utf8Text implements DataSource {
    private final byte[] bytes;
    private final String type;

    Utf8Text(String text, String type) {
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
      this.type = type;
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("a text part is read only");
    }

    @Override
    public String getContentType() {
      return type;
    }

    @Override
    public String getName() {
      return null;
    }
  }

  /**
   * The transfer encoding of a text part: never base64, which curl and raw views show as noise.
   * 8bit when this server is known to keep 8-bit bytes (the embedded one, or one whose EHLO announced
   * 8BITMIME on this connection) and every line fits SMTP's 998 octets; otherwise quoted-printable,
   * which Jakarta Mail turns into 8bit on the way when the server announces 8BITMIME
   * ({@code allow8bitmime}).
   */
  String textEncoding(String body) {
    return textEncoding(body, eightBit);
  }

  private static String textEncoding(String body, boolean eightBit) {
    if (eightBit) {
      // the UTF-8 length of each line, counted without encoding it (a surrogate pair is 4 bytes)
      int lineBytes = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\n') {
          lineBytes = 0;
          continue;
        }
        lineBytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (lineBytes > 998) {
          return "quoted-printable";
        }
      }
      return "8bit";
    }
    return "quoted-printable";
  }

  /** A MimeMessage that keeps the Message-ID the outbox chose, with an envelope sender of its own. */
  private static final class FixedIdMessage extends SMTPMessage {
    private final String id;

    FixedIdMessage(Session s, String id) {
      super(s);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
