package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.app.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailPipelineIT {
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldReplyThreadedWithHelpWhenProviderAsksForHelp() {
    String id = t.mail.send(DemoData.ALICE, "market@marketdesk.test", "你好", "帮助\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.subject()).isEqualTo("Re: 你好");
    assertThat(reply.references()).contains(id);
    assertThat(reply.autoSubmitted()).isEqualTo("auto-replied");
    assertThat(reply.body()).contains("【1】帮助").contains("✔ 已完成").contains("100012345678");
  }
}
