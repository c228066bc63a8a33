package io.marketdesk.testing;

import org.awaitility.Awaitility;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A person's mail client for tests: sends over real SMTP to the embedded GreenMail and reads a
 * mailbox over real IMAP (password {@code demo}).
 */
public final class MailClient {
  /** A mail as a person reads it. */
  public record Mail(String from, String to, String subject, String body, String messageId, String inReplyTo,
      String references, String replyTo, String autoSubmitted, MimeMessage raw) {
    /** The token in the subject tag [MD#...], or null. */
    public String token() {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[MD#([a-z2-7]{26})\\]").matcher(subject);
      return m.find() ? m.group(1) : null;
    }
  }

  private final int smtpPort;
  private final int imapPort;
  private final Session session;
  /** Secure (a real mail stack): the MX port {@link #sendRaw} uses; 0 otherwise. */
  private final int mxPort;
  private final boolean secure;

  public MailClient(int smtpPort, int imapPort) {
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
    this.mxPort = 0;
    this.secure = false;
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(smtpPort));
    p.put("mail.imap.host", "127.0.0.1");
    p.put("mail.imap.port", String.valueOf(imapPort));
    this.session = Session.getInstance(withTimeouts(p));
  }

  /**
   * Sets connect, read and write timeouts for SMTP and IMAP on a test's mail session: a stuck
   * server fails the test in seconds instead of hanging the build.
   */
  public static Properties withTimeouts(Properties p) {
    for (String protocol : new String[] {"smtp", "smtps", "imap", "imaps"}) {
      p.put("mail." + protocol + ".connectiontimeout", "10000");
      p.put("mail." + protocol + ".timeout", "60000");
      p.put("mail." + protocol + ".writetimeout", "60000");
    }
    return p;
  }

  private MailClient(int submissionPort, int imapsPort, int mxPort, io.marketdesk.config.MailTls tls) {
    this.smtpPort = submissionPort;
    this.imapPort = imapsPort;
    this.mxPort = mxPort;
    this.secure = true;
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(submissionPort));
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.starttls.enable", "true");
    p.put("mail.smtp.starttls.required", "true");
    tls.apply(p, "smtp");
    p.put("mail.imaps.host", "127.0.0.1");
    p.put("mail.imaps.port", String.valueOf(imapsPort));
    tls.apply(p, "imaps");
    this.session = Session.getInstance(withTimeouts(p));
  }

  /**
   * A person's client on a real mail stack ({@link Postfix} and {@link Dovecot#startSecure}): sends
   * through submission (STARTTLS, logged in as the sender, password {@code demo}), reads over IMAPS,
   * both checking the server's certificate against {@code tls}; {@link #sendRaw} hands raw mail to the
   * MX port as another mail server would.
   */
  public static MailClient secure(int submissionPort, int imapsPort, int mxPort, io.marketdesk.config.MailTls tls) {
    return new MailClient(submissionPort, imapsPort, mxPort, tls);
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** Sends a plain UTF-8 text mail; returns its Message-ID (without brackets). */
  public String send(String from, String to, String subject, String body) {
    return send(from, to, subject, body, Map.of(), null);
  }

  /** Sends a mail with extra headers; {@code inReplyTo} threads it to an earlier mail. */
  public String send(String from, String to, String subject, String body, Map<String, String> headers, Mail inReplyTo) {
    try {
      String id = "test." + java.util.UUID.randomUUID() + "@client.test";
      MimeMessage m = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + id + ">");
        }
      };
      m.setFrom(new InternetAddress(from));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      m.setSubject(subject, "UTF-8");
      m.setSentDate(new Date());
      m.setText(body, "UTF-8");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        m.setHeader(h.getKey(), h.getValue());
      }
      if (inReplyTo != null) {
        m.setHeader("In-Reply-To", "<" + inReplyTo.messageId() + ">");
        m.setHeader("References", "<" + inReplyTo.messageId() + ">");
      }
      if (secure) {
        Transport.send(m, from, "demo");
      } else {
        Transport.send(m);
      }
      return id;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replies to a mail the way a client does: to its Reply-To, subject "Re: ...", threaded. */
  public String reply(String from, Mail to, String body) {
    String dest = to.replyTo() != null ? to.replyTo() : to.from();
    return send(from, dest, "Re: " + to.subject(), body, Map.of(), to);
  }

  /**
   * Sends raw RFC 822 bytes as they are (charsets, odd clients, broken MIME). {@code envelopeFrom} is
   * the SMTP MAIL FROM; "<>" sends a null return path, as bounces have.
   */
  public void sendRaw(String envelopeFrom, String to, byte[] raw) {
    try {
      Properties p = new Properties();
      if (secure) {
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mxPort));
      } else {
        p.putAll(session.getProperties());
      }
      Session s = Session.getInstance(withTimeouts(p));
      org.eclipse.angus.mail.smtp.SMTPMessage m = new org.eclipse.angus.mail.smtp.SMTPMessage(s, new ByteArrayInputStream(raw)) {
        @Override
        protected void updateMessageID() {}

        @Override
        protected void updateHeaders() {}
      };
      m.setEnvelopeFrom(envelopeFrom);
      Transport t = s.getTransport("smtp");
      t.connect();
      try {
        t.sendMessage(m, new Address[] {new InternetAddress(to)});
      } finally {
        t.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void sendRaw(String from, String to, String raw) {
    sendRaw(from, to, raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The Message-IDs (without brackets) of the mails in a folder of a mailbox; headers only. */
  public List<String> messageIds(String address, String folder) {
    return eachMail(address, folder, m -> {
      String[] id = m.getHeader("Message-ID");
      return id == null ? null : strip(id[0]);
    });
  }

  /** Every mail in a mailbox's INBOX, oldest first. */
  public List<Mail> inbox(String address) {
    return eachMail(address, "INBOX", m -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      m.writeTo(bytes);
      return toMail(new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())));
    });
  }

  /** What a function makes of a mail. */
  private interface MailFunction<T> {
    T apply(Message m) throws MessagingException, IOException;
  }

  /** A function of each mail in a folder of a mailbox, oldest first (empty when there is no such folder). */
  private <T> List<T> eachMail(String address, String folder, MailFunction<T> fn) {
    try {
      Store store = session.getStore(secure ? "imaps" : "imap");
      store.connect("127.0.0.1", imapPort, address, "demo");
      try {
        Folder f = store.getFolder(folder);
        if (!f.exists()) {
          return List.of();
        }
        f.open(Folder.READ_ONLY);
        List<T> out = new ArrayList<>();
        for (Message m : f.getMessages()) {
          out.add(fn.apply(m));
        }
        f.close(false);
        return out;
      } finally {
        store.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Mail toMail(MimeMessage m) throws MessagingException, IOException {
    Address[] from = m.getFrom();
    Address[] to = m.getRecipients(Message.RecipientType.TO);
    Address[] replyTo = m.getReplyTo();
    String body = textOf(m);
    return new Mail(
        from == null ? null : ((InternetAddress) from[0]).getAddress(),
        to == null ? null : ((InternetAddress) to[0]).getAddress(),
        m.getSubject() == null ? "" : m.getSubject(),
        body.replace("\r\n", "\n"),
        strip(m.getMessageID()),
        strip(m.getHeader("In-Reply-To", null)),
        m.getHeader("References", " "),
        replyTo == null ? null : ((InternetAddress) replyTo[0]).getAddress(),
        m.getHeader("Auto-Submitted", null),
        m);
  }

  /** The first text/plain part of a mail (its whole body when it is not multipart). */
  private static String textOf(jakarta.mail.Part p) throws MessagingException, IOException {
    Object content = p.getContent();
    if (content instanceof String && p.isMimeType("text/*")) {
      return (String) content;
    }
    if (content instanceof jakarta.mail.Multipart) {
      jakarta.mail.Multipart mp = (jakarta.mail.Multipart) content;
      for (int i = 0; i < mp.getCount(); i++) {
        String t = textOf(mp.getBodyPart(i));
        if (!t.isEmpty()) {
          return t;
        }
      }
    }
    return "";
  }

  /** The attachments of a mail: decoded file name -> bytes. */
  public static java.util.Map<String, byte[]> attachments(Mail mail) {
    java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try {
      Object content = mail.raw().getContent();
      if (content instanceof jakarta.mail.Multipart) {
        jakarta.mail.Multipart mp = (jakarta.mail.Multipart) content;
        for (int i = 0; i < mp.getCount(); i++) {
          jakarta.mail.BodyPart part = mp.getBodyPart(i);
          if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            out.put(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()), part.getInputStream().readAllBytes());
          }
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static String strip(String id) {
    if (id == null) {
      return null;
    }
    id = id.trim();
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }

  /** Waits until a mailbox holds at least {@code count} mails, and returns them all. */
  public List<Mail> awaitCount(String address, int count) {
    List<List<Mail>> holder = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
      List<Mail> all = inbox(address);
      holder.clear();
      holder.add(all);
      return all.size() >= count;
    });
    return holder.get(0);
  }

  /** Waits for a mail matching the predicate and returns the newest such. */
  public Mail await(String address, Predicate<Mail> p) {
    List<Mail> found = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
      found.clear();
      for (Mail m : inbox(address)) {
        if (p.test(m)) {
          found.add(m);
        }
      }
      return !found.isEmpty();
    });
    return found.get(found.size() - 1);
  }

  /** The reply to a mail we sent (threaded by In-Reply-To). */
  public Mail awaitReplyTo(String address, String messageId) {
    return await(address, m -> messageId.equals(m.inReplyTo()));
  }
}
