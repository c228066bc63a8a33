package io.marketdesk.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.CatalogWords;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keywords two commands share are settled by what the command is about (the registry's
 * {@code yieldWhenAbout}): {@code confirm NO} and {@code reject NO REASON} by the buyer of an order
 * are 确认完成 and 验收不通过; the same keywords without an order stay the confirmation and the
 * review answer. Real mails over SMTP and IMAP on the demo data.
 */
class KeywordClashIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldCompleteTheOrderWhenTheBuyerConfirmsItsNumber() {
    Mail reply = t.mail.awaitReplyTo(DemoData.BUYER,
        t.mail.send(DemoData.BUYER, SERVICE, "x", "confirm 20261128000104\n"));

    assertThat(reply.body()).contains("20261128000104");
    assertThat(status("20261128000104")).isEqualTo("completed");
  }

  @Test
  void shouldRejectTheDeliveryWhenTheBuyerRejectsAnOrderNumber() {
    Mail reply = t.mail.awaitReplyTo(DemoData.BUYER,
        t.mail.send(DemoData.BUYER, SERVICE, "x", "reject 20261128000204 the report is empty\n"));

    assertThat(reply.body()).contains("20261128000204");
    assertThat(status("20261128000204")).isEqualTo("implementing");
  }

  @Test
  void shouldKeepConfirmAConfirmationWhenItNamesNoOrder() {
    Mail reply = t.mail.awaitReplyTo(DemoData.BUYER, t.mail.send(DemoData.BUYER, SERVICE, "x", "确定\n"));

    assertThat(reply.body()).contains(CatalogWords.CATALOG.text("zh", "confirm-handler.handle.2"));
  }

  @Test
  void shouldKeepRejectAReviewAnswerWhenTheBuyerNamesNoOrder() {
    Mail reply = t.mail.awaitReplyTo(DemoData.BUYER, t.mail.send(DemoData.BUYER, SERVICE, "x", "拒绝 不好\n"));

    assertThat(reply.body()).contains(CatalogWords.CATALOG.text("zh", "reject-handler.handle.1"));
  }

  private static String status(String no) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM orders WHERE order_no = :n")
        .bind("n", no).mapTo(String.class).one());
  }
}
