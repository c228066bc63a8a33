package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.intake.MailProcessor;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounces are trusted only when they come back to the envelope sender of the one mail they are about
 * (VERP), for that mail's recipient: over real SMTP into the embedded GreenMail, read by the real
 * intake over IMAP.
 */
@Timeout(120)
class BounceIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static long count(String sql, Object... args) {
    return t.app.db().jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        q.bind(i, args[i]);
      }
      return q.mapTo(Long.class).one();
    });
  }

  private static String outboxStatus(String messageId) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM outbox WHERE message_id = :m")
        .bind("m", messageId).mapTo(String.class).one());
  }

  /** A reply to bob, once the outbox has marked it sent. */
  private static Mail sentReply(String subject) {
    String id = t.mail.send(DemoData.BOB, SERVICE, subject, "help");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxStatus(reply.messageId()).equals("sent"));
    return reply;
  }

  /** The envelope sender the mail was sent with, as the receiving server recorded it. */
  private static String returnPath(Mail m) throws MessagingException {
    String rp = m.raw().getHeader("Return-Path", null);
    return rp.trim().replaceAll("^<|>$", "");
  }

  /** A delivery-status report as Postfix writes one, addressed (header To) to {@code to}. */
  private static String dsn(String dsnId, String to, String finalRecipient, String originalMessageId) {
    return "From: MAILER-DAEMON@provider-b.test\r\nTo: " + to + "\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        + "Message-ID: <" + dsnId + ">\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=B\r\n\r\n"
        + "--B\r\nContent-Type: text/plain\r\n\r\nYour mail could not be delivered.\r\n"
        + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.provider-b.test\r\n\r\n"
        + "Final-Recipient: rfc822; " + finalRecipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 User unknown in virtual mailbox table\r\n"
        + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" + originalMessageId + ">\r\nSubject: x\r\n"
        + "--B--\r\n";
  }

  /** Sends a report over SMTP to {@code rcpt} and waits until the intake has settled it. */
  private static String settle(String dsnId, String rcpt, String raw) {
    t.mail.sendRaw("mailer-daemon@provider-b.test", rcpt, raw.getBytes(StandardCharsets.UTF_8));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
        count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status = 'ignored'", dsnId) == 1);
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT note FROM inbound_mail WHERE message_id = :m")
        .bind("m", dsnId).mapTo(String.class).one());
  }

  @Test
  void shouldSendEachMailWithAnEnvelopeSenderOfItsOwnAndKeepTheFromHeader() throws Exception {
    Mail first = sentReply("envelope 1");
    Mail second = sentReply("envelope 2");
    assertThat(returnPath(first)).matches("market\\+b-[a-z2-7]{26}@marketdesk\\.test");
    assertThat(returnPath(second)).matches("market\\+b-[a-z2-7]{26}@marketdesk\\.test").isNotEqualTo(returnPath(first));
    assertThat(first.from()).isEqualTo(SERVICE);
    assertThat(first.replyTo()).isEqualTo(SERVICE);
    // the EHLO name: smtp.ehlo-name, by default the service address's domain (GreenMail records it)
    assertThat(first.raw().getHeader("Received", null)).contains("HELO marketdesk.test");
  }

  @Test
  void shouldChangeNothingWhenAForgedBounceComesToThePlainAddress() throws Exception {
    Mail reply = sentReply("forged bounce");
    String note = settle("forged-1@provider-b.test", SERVICE,
        dsn("forged-1@provider-b.test", SERVICE, DemoData.BOB, reply.messageId()));
    assertThat(note).startsWith("bounce not trusted");
    assertThat(outboxStatus(reply.messageId())).isEqualTo("sent");

    // the bounce address of another mail does not do either: the token must name this mail
    Mail other = sentReply("forged bounce, other address");
    String otherAddress = returnPath(other);
    note = settle("forged-2@provider-b.test", otherAddress,
        dsn("forged-2@provider-b.test", otherAddress, DemoData.BOB, reply.messageId()));
    assertThat(note).startsWith("bounce not trusted");
    assertThat(outboxStatus(reply.messageId())).isEqualTo("sent");
    assertThat(outboxStatus(other.messageId())).isEqualTo("sent");

    // the right address, but a report about someone else than the mail's recipient
    String address = returnPath(reply);
    note = settle("forged-3@provider-b.test", address,
        dsn("forged-3@provider-b.test", address, DemoData.ALICE, reply.messageId()));
    assertThat(note).startsWith("bounce not trusted");
    assertThat(outboxStatus(reply.messageId())).isEqualTo("sent");
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", "mailer-daemon@provider-b.test")).isZero();
  }

  @Test
  void shouldMarkTheMailFailedWhenTheBounceComesBackToItsAddress() throws Exception {
    Mail reply = sentReply("real bounce");
    String address = returnPath(reply);
    String note = settle("real-1@provider-b.test", address,
        dsn("real-1@provider-b.test", address, DemoData.BOB, reply.messageId()));
    assertThat(note).isEqualTo("bounce of " + reply.messageId());
    assertThat(outboxStatus(reply.messageId())).isEqualTo("failed");
    String error = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE message_id = :m")
        .bind("m", reply.messageId()).mapTo(String.class).one());
    assertThat(error).contains("5.1.1").contains("User unknown in virtual mailbox table");
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", "mailer-daemon@provider-b.test")).isZero();
  }

  @Test
  void shouldFindTheBounceAddressInTheDeliveryHeadersOfANullSenderReport() throws Exception {
    Mail reply = sentReply("null sender bounce");
    String address = returnPath(reply);
    // as Postfix and Dovecot LMTP leave a real DSN in the mailbox: MAIL FROM:<>, the envelope recipient
    // in Delivered-To (GreenMail refuses MAIL FROM:<>, so the mail goes in as delivered)
    String raw = "Return-Path: <>\r\nDelivered-To: " + address + "\r\n"
        + dsn("null-1@provider-b.test", SERVICE, DemoData.BOB, reply.messageId());
    assertThat(t.app.processor().accept(raw.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(MailProcessor.Result.IGNORED);
    assertThat(outboxStatus(reply.messageId())).isEqualTo("failed");
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", "mailer-daemon@provider-b.test")).isZero();
  }
}
