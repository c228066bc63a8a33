package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * security.actions-per-hour: past the cap, a provider's state change is refused with the time the
 * count resets, nothing is created and no operator is mailed; an hour later it runs again.
 * Operators are not counted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ActionCapIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.actions-per-hour", "3", "security.replies-per-hour", "1000"));
    t.closeDemoReviews();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Mail newProduct(int n) {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "新建商品", "新建商品\n名称: 上限测试" + n
        + "\n服务类型: 运维服务\n价格: 100\n计费单位: 次\n简介: 一句话简介\n详情: 第一行\n");
    return t.mail.awaitReplyTo(DemoData.ALICE, id);
  }

  static long products() {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(DISTINCT product_id) FROM product_version WHERE name LIKE '上限测试%'").mapTo(Long.class).one());
  }

  static long reviewMails() {
    return t.mail.inbox(DemoData.OPERATOR).stream().filter(m -> m.subject().contains("上限测试")).count();
  }

  @Test
  void shouldRefuseWithTheResetTimeAndCreateNothingWhenOverTheCap() {
    for (int i = 1; i <= 3; i++) {
      assertThat(newProduct(i).body()).contains("⧗ 已提交审核");
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reviewMails() == 3);

    Mail over = newProduct(4);
    assertThat(over.body()).contains("✘ 未执行").contains("最多执行 3 条").contains("之后可以重新发送")
        .doesNotContain("已新建商品");
    assertThat(products()).isEqualTo(3);
    t.app.sender().drainOnce();
    assertThat(reviewMails()).isEqualTo(3);

    // a read-only command is not counted
    String help = t.mail.send(DemoData.ALICE, SERVICE, "帮助", "商品列表\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, help).body()).contains("✔").doesNotContain("最多执行");

    t.clock.advance(Duration.ofMinutes(61));
    assertThat(newProduct(5).body()).contains("⧗ 已提交审核").contains("已新建商品");
    assertThat(products()).isEqualTo(4);
  }
}
