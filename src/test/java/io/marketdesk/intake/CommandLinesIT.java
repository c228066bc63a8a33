package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every line that starts like a command gets its own outcome in the reply, over real SMTP/IMAP:
 * price lines with amounts that cannot be read, two decisions on two lines, a typo answered with
 * the nearest commands, punctuation after an argument.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CommandLinesIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String ORDER = "20261128000123";
  static final String HEAD = "云帆科技服务商（腾讯云账号ID：" + DemoData.ALICE_ACCOUNT + "），申请将订单" + ORDER + "价格修改为";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Mail command(String from, String body) {
    String id = t.mail.send(from, SERVICE, "test", body);
    return t.mail.awaitReplyTo(from, id);
  }

  @Test
  void shouldAnswerEveryPriceLineWhenItsAmountCannotBeRead() {
    String[] amounts = {"-100.00", "八百", "800.005", "99999999999999999999.99", "1e9"};
    StringBuilder body = new StringBuilder();
    for (String a : amounts) {
      body.append(HEAD).append(a).append('\n');
    }
    Mail reply = command(DemoData.ALICE, body.toString());
    assertThat(reply.body()).contains("共有 5 条命令");
    for (String a : amounts) {
      assertThat(reply.body()).contains(HEAD + a);
    }
    assertThat(count(reply.body(), "✘ 未执行")).isEqualTo(5);
    assertThat(reply.body()).doesNotContain("1.00");
  }

  @Test
  void shouldRunTwoDecisionsWhenTheyAreOnTwoLines() {
    Mail reply = command(DemoData.OPERATOR, "审核 999914 同意\n审核 999915 同意\n");
    assertThat(reply.body()).contains("共有 2 条命令").contains("【1】审核 999914 同意").contains("【2】审核 999915 同意")
        .contains("没有编号为 999914 的审核").contains("没有编号为 999915 的审核");
  }

  @Test
  void shouldNameTheNearestCommandsWhenTheFirstLineIsATypo() {
    Mail reply = command(DemoData.ALICE, "订单详请 " + ORDER + "\n");
    assertThat(reply.body()).contains("没有读懂“订单详请 " + ORDER + "”").contains("您是不是想用下面的命令")
        .contains("订单详情");
    // only the nearest, not the whole help
    assertThat(reply.body()).doesNotContain("新建商品").doesNotContain("修改账户信息");

    Mail hant = command(DemoData.ALICE, "訂單詳請 " + ORDER + "\n");
    assertThat(hant.body()).contains("沒有讀懂「訂單詳請 " + ORDER + "」").contains("訂單詳情").doesNotContain("新建商品");

    Mail en = command(DemoData.ALICE, "prodcts\n");
    assertThat(en.body()).contains("Did you mean").contains("products").doesNotContain("product new");
  }

  @Test
  void shouldIgnorePunctuationWhenItFollowsTheArgument() {
    Mail reply = command(DemoData.ALICE, "订单详情：" + ORDER + "！\n");
    assertThat(reply.body()).contains("✔ 完成").contains(ORDER).doesNotContain(ORDER + "!");
    Mail hant = command(DemoData.ALICE, "訂單詳情：" + ORDER + "！\n");
    assertThat(hant.body()).contains("✔ 完成").contains(ORDER).doesNotContain("沒有讀懂");
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
