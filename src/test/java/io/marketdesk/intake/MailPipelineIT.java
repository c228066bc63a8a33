package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mail pipeline end to end: real SMTP in, real IMAP out, a real SQLite file. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MailPipelineIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("limits.commands", "3", "limits.attachments", "2"));
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

  @Test
  void shouldReplyThreadedWithHelpWhenProviderAsksForHelp() {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "你好", "帮助\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.subject()).isEqualTo("Re: 你好");
    assertThat(reply.references()).contains(id);
    assertThat(reply.autoSubmitted()).isEqualTo("auto-replied");
    assertThat(reply.from()).isEqualTo(SERVICE);
    assertThat(reply.body()).contains("【1】帮助").contains("✔ 完成").contains("100012345678");
  }

  @Test
  void shouldAnswerInEnglishWhenTheCommandIsEnglish() {
    String id = t.mail.send(DemoData.BOB, SERVICE, "question", "help\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    assertThat(reply.body()).contains("[1] help").contains("OK, done").contains("100087654321").doesNotContain("已完成");
  }

  @Test
  void shouldSendHelpWhenTheMailHasNoCommand() {
    String id = t.mail.send(DemoData.OPERATOR, SERVICE, "hello there", "what can I do here?\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.OPERATOR, id);
    assertThat(reply.body()).contains("could not read a command").contains("what can I do here?").contains("You are an operator");
  }

  @Test
  void shouldReadTheSubjectWhenTheBodyHasNoCommand() {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "Re: 帮助", "");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("【1】").contains("✔ 完成");
  }

  @Test
  void shouldGiveOneCommandsTemplateWhenHelpNamesIt() {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "帮助 确定\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("确定：回复系统发来的确认邮件").doesNotContain("帮助 [命令]");
  }

  @Test
  void shouldNotRunACommandThatIsOnlyInTheQuote() {
    String body = "谢谢\n\n在 2026年11月28日 10:00，market@marketdesk.test 写道：\n> 帮助\n";
    String id = t.mail.send(DemoData.ALICE, SERVICE, "Re: 你好", body);
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("以下是您可以使用的命令").doesNotContain("【1】");
  }

  @Test
  void shouldRunOnlyTheFirstCommandsWhenAMailHasTooMany() {
    String id = t.mail.send(DemoData.BOB, SERVICE, "many", "help\nhelp\nhelp\nhelp\nhelp\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    assertThat(reply.body()).contains("at most 3 commands").contains("[3] help").doesNotContain("[4]");
  }

  @Test
  void shouldRefuseAllCommandsWhenAMailHasTooManyAttachments() {
    StringBuilder raw = new StringBuilder("From: " + DemoData.BOB + "\r\nTo: " + SERVICE + "\r\nSubject: files\r\n"
        + "Message-ID: <att-limit@client.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        + "--XX\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhelp\r\n");
    for (int i = 0; i < 3; i++) {
      raw.append("--XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a").append(i).append(".txt\r\n\r\nx\r\n");
    }
    raw.append("--XX--\r\n");
    t.mail.sendRaw(DemoData.BOB, SERVICE, raw.toString());
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, "att-limit@client.test");
    assertThat(reply.body()).contains("3 attachments, more than the limit of 2").doesNotContain("[1]");
  }

  @Test
  void shouldAnswerAnUnregisteredSenderOnceADay() {
    String stranger = "stranger@elsewhere.test";
    t.app.embedded().addUser(stranger, "demo");
    String first = t.mail.send(stranger, SERVICE, "hi", "帮助");
    Mail reply = t.mail.awaitReplyTo(stranger, first);
    assertThat(reply.subject()).contains("尚未在云市场登记");
    String second = t.mail.send(stranger, SERVICE, "hi again", "帮助");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status = 'processed'", second) == 1);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", stranger)).isEqualTo(1);
    t.clock.advance(Duration.ofHours(25));
    String third = t.mail.send(stranger, SERVICE, "next day", "帮助");
    t.mail.awaitReplyTo(stranger, third);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", stranger)).isEqualTo(2);
  }

  @Test
  void shouldNotAnswerRobotsListsBouncesOrItself() {
    String who = "loops@provider-a.test";
    t.app.embedded().addUser(who, "demo");
    t.app.db().jdbi().useHandle(h -> h.execute("INSERT INTO provider_address (address, provider_id) VALUES (?, 1)", who));
    List<Map<String, String>> robots = List.of(
        Map.of("Auto-Submitted", "auto-replied"),
        Map.of("Auto-Submitted", "auto-generated"),
        Map.of("Precedence", "bulk"),
        Map.of("Precedence", "junk"),
        Map.of("Precedence", "list"),
        Map.of("List-Id", "<providers.lists.test>"),
        Map.of("X-Autoreply", "yes"));
    for (Map<String, String> headers : robots) {
      t.mail.send(who, SERVICE, "auto: out of office", "帮助", headers, null);
    }
    // GreenMail refuses MAIL FROM:<>, so this one goes in as the delivering MTA would leave it
    assertThat(t.app.processor().accept(("Return-Path: <>\r\nFrom: " + who + "\r\nTo: " + SERVICE
        + "\r\nSubject: empty return path\r\nMessage-ID: <null-path@client.test>\r\n\r\n帮助\r\n").getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(MailProcessor.Result.IGNORED);
    t.mail.sendRaw("MAILER-DAEMON@provider-a.test", SERVICE, ("From: MAILER-DAEMON@provider-a.test\r\nTo: " + SERVICE
        + "\r\nSubject: failure\r\nMessage-ID: <daemon@client.test>\r\n\r\n帮助\r\n").getBytes(StandardCharsets.UTF_8));
    t.mail.sendRaw(SERVICE, SERVICE, ("From: " + SERVICE + "\r\nTo: " + SERVICE
        + "\r\nSubject: myself\r\nMessage-ID: <self@client.test>\r\n\r\n帮助\r\n").getBytes(StandardCharsets.UTF_8));
    // a normal mail afterwards: once it is answered, every mail before it has been processed
    String normal = t.mail.send(who, SERVICE, "real", "帮助");
    t.mail.awaitReplyTo(who, normal);
    assertThat(t.mail.inbox(who)).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE status = 'ignored'")).isGreaterThanOrEqualTo(10);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr IN (?, ?)", SERVICE, "mailer-daemon@provider-a.test")).isZero();
  }

  @Test
  void shouldMarkTheOutgoingMailFailedWhenItBounces() throws Exception {
    String id = t.mail.send(DemoData.BOB, SERVICE, "bounce me", "help");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    // a bounce goes to the mail's own envelope sender (its Return-Path); BounceIT has the forged ones
    String bounceAddress = reply.raw().getHeader("Return-Path", null).replaceAll("[<>\\s]", "");
    String dsn = "From: MAILER-DAEMON@provider-b.test\r\nTo: " + bounceAddress + "\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        + "Message-ID: <dsn-1@provider-b.test>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=B\r\n\r\n"
        + "--B\r\nContent-Type: text/plain\r\n\r\nYour mail could not be delivered.\r\n"
        + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.provider-b.test\r\n\r\n"
        + "Final-Recipient: rfc822; " + DemoData.BOB + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 no such user\r\n"
        + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" + reply.messageId() + ">\r\nSubject: " + "x" + "\r\n"
        + "--B--\r\n";
    t.mail.sendRaw("mailer-daemon@provider-b.test", bounceAddress, dsn.getBytes(StandardCharsets.UTF_8));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> count("SELECT COUNT(*) FROM outbox WHERE message_id = ? AND status = 'failed'", reply.messageId()) == 1);
  }

  @Test
  void shouldKeepAnUnreadableMailAndGoOnWithTheNext() {
    byte[] garbage = new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 10, 10, 0, 0};
    MailProcessor.Result r = t.app.processor().accept(garbage);
    assertThat(r).isEqualTo(MailProcessor.Result.FAILED);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE status = 'failed' AND error IS NOT NULL AND raw IS NOT NULL")).isGreaterThanOrEqualTo(1);
    String broken = "From: " + DemoData.ALICE + "\r\nTo: " + SERVICE + "\r\nSubject: broken\r\nMessage-ID: <broken-mime@client.test>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=NEVER\r\n\r\n--NEVER\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n5biu5Yqp\r\n";
    t.mail.sendRaw(DemoData.ALICE, SERVICE, broken.getBytes(StandardCharsets.US_ASCII));
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, "broken-mime@client.test");
    assertThat(reply.body()).contains("【1】帮助");
    String next = t.mail.send(DemoData.ALICE, SERVICE, "next", "帮助");
    t.mail.awaitReplyTo(DemoData.ALICE, next);
  }

  @Test
  void shouldNotActTwiceOnTheSameMessageId() {
    String raw = "From: " + DemoData.BOB + "\r\nTo: " + SERVICE + "\r\nSubject: twice\r\nMessage-ID: <twice@client.test>\r\n\r\nhelp\r\n";
    t.mail.sendRaw(DemoData.BOB, SERVICE, raw.getBytes(StandardCharsets.US_ASCII));
    t.mail.awaitReplyTo(DemoData.BOB, "twice@client.test");
    t.mail.sendRaw(DemoData.BOB, SERVICE, raw.getBytes(StandardCharsets.US_ASCII));
    String after = t.mail.send(DemoData.BOB, SERVICE, "after", "help");
    t.mail.awaitReplyTo(DemoData.BOB, after);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE in_reply_to = ?", "twice@client.test")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", "twice@client.test")).isEqualTo(1);
  }

  @Test
  void shouldAnswerAMailWithA20MbAttachmentAndGoOnWithTheNext() {
    byte[] big = new byte[20 * 1024 * 1024];
    new java.util.Random(7).nextBytes(big);
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(big);
    String raw = "From: " + DemoData.BOB + "\r\nTo: " + SERVICE + "\r\nSubject: big file\r\nMessage-ID: <big-20mb@client.test>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhelp\r\n"
        + "--BB\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--BB--\r\n";
    t.mail.sendRaw(DemoData.BOB, SERVICE, raw.getBytes(StandardCharsets.US_ASCII));
    String next = t.mail.send(DemoData.BOB, SERVICE, "after the big one", "help");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, "big-20mb@client.test");
    assertThat(reply.body()).contains("larger than the 25 MB limit").contains("kept");
    t.mail.awaitReplyTo(DemoData.BOB, next);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND size > 20000000", "big-20mb@client.test")).isEqualTo(1);
    // over the limit, only its header was read and stored; the whole mail is kept in the mailbox
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND LENGTH(raw) < 10000", "big-20mb@client.test"))
        .isEqualTo(1);
    Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> t.mail.messageIds(SERVICE, t.app.config().processedFolder).contains("big-20mb@client.test"));
  }
}
