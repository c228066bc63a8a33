package io.marketdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A team per provider account over real SMTP/IMAP (docs/teams.md): members listed, added with a
 * welcome mail, roles enforced with the role named, the last admin kept, other accounts' addresses
 * refused, and adding a member held to the sender proof.
 */
class TeamIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String ALICE = DemoData.ALICE;
  static final String CAROL = "carol@provider-a.test";
  static final String DAVE = "dave@provider-a.test";

  static Mail command(TestApp t, String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "x", body));
  }

  static String productStatus(TestApp t, String id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM product WHERE id = :id").bind("id", id)
        .mapTo(String.class).one());
  }

  /** The personal page of {@code address}, after logging in with the link mailed to it. */
  static String page(TestApp t, String address) throws Exception {
    Matcher m = Pattern.compile("/login/([a-z2-7]{26})").matcher(command(t, address, "登录").body());
    assertThat(m.find()).isTrue();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/login/" + m.group(1))).build(),
        HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    return http.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/me?lang=zh"))
        .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static long members(TestApp t, String address) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_address WHERE address = :a")
        .bind("a", address).mapTo(Long.class).one());
  }

  @Test
  void shouldAddMembersWithRolesAndRefuseCommandsOutsideThem() throws Exception {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "1000"))) {
      t.mailServer.addUser(CAROL, "demo");
      t.mailServer.addUser(DAVE, "demo");
      // the account's first address is its admin
      assertThat(command(t, ALICE, "成员 列表").body()).contains("账号 " + DemoData.ALICE_ACCOUNT + " 的成员（1 人）")
          .contains(ALICE + "：管理员（您）");

      // a readonly member: welcome mail with the read-only help only
      assertThat(command(t, ALICE, "成员 添加 " + CAROL + " 只读").body()).contains("已把 " + CAROL + " 加入账号")
          .contains("角色“只读”");
      Mail welcome = t.mail.await(CAROL, m -> m.subject().contains("您已加入"));
      assertThat(welcome.subject()).contains(DemoData.ALICE_ACCOUNT).contains("只读");
      assertThat(welcome.body()).contains("商品列表").contains("订单列表").contains("成员 列表")
          .doesNotContain("下架商品 P1001").doesNotContain("· 开始实施").doesNotContain("· 下架商品").doesNotContain("成员 添加 colleague")
          .contains("您收到此邮件，因为账号 " + DemoData.ALICE_ACCOUNT + " 的管理员把您加入了团队。")
          .contains("请账号的管理员发送 成员 删除 " + CAROL);

      // read-only commands run, 下架商品 is refused naming the role it needs, and nothing changes
      assertThat(command(t, CAROL, "商品列表").body()).contains("P1001");
      assertThat(command(t, CAROL, "帮助").body()).contains("· 商品列表").doesNotContain("· 下架商品")
          .doesNotContain("· 成员 添加");
      String before = productStatus(t, "P1001");
      Mail refused = command(t, CAROL, "下架商品 P1001 确定");
      assertThat(refused.body()).contains("角色是“只读”").contains("“下架商品”需要“商品”角色");
      assertThat(productStatus(t, "P1001")).isEqualTo(before);

      // a non-admin cannot add a member
      assertThat(command(t, CAROL, "成员 添加 " + DAVE + " 订单").body()).contains("“成员 添加”需要“管理员”角色。")
          .contains("角色是“只读”");
      assertThat(members(t, DAVE)).isZero();

      // a products member may delist (English), but not answer for orders
      assertThat(command(t, ALICE, "member add " + CAROL + " products").body()).contains("is now \"products\" (was \"read-only\")");
      assertThat(command(t, CAROL, "product delist P1001 confirm").body()).doesNotContain("needs the");
      assertThat(productStatus(t, "P1001")).isEqualTo("delisted");
      assertThat(command(t, CAROL, "start 20261101000001").body()).contains("\"start\" needs the \"orders\" role");

      // the personal page shows the team; only an admin gets the add action
      String carolPage = page(t, CAROL);
      assertThat(carolPage).contains("id=\"team\"").contains("团队成员").contains(ALICE).contains(CAROL + " (您)")
          .contains(">商品<").contains("入驻时登记").doesNotContain(">添加成员<");
      assertThat(page(t, ALICE)).contains("id=\"team\"").contains(">添加成员<").contains(CAROL);

      // the last admin stays; an address of another account is refused; 繁體 keywords
      assertThat(command(t, ALICE, "成员 删除 " + ALICE).body()).contains(ALICE + " 是账号唯一的管理员，不能删除");
      assertThat(command(t, ALICE, "成员 添加 " + ALICE + " 只读").body()).contains("唯一的管理员");
      assertThat(command(t, ALICE, "成员 添加 " + DemoData.BOB).body()).contains("已登记在另一个服务商账号");
      assertThat(command(t, ALICE, "成員 刪除 " + CAROL).body()).contains("已把 " + CAROL + " 移出帳號");
      assertThat(command(t, CAROL, "商品列表").body()).doesNotContain("P1001");
      assertThat(command(t, ALICE, "members").body()).contains("(1)").doesNotContain(CAROL);

      // two admins: one may now leave
      command(t, ALICE, "member add " + DAVE + " admin");
      assertThat(command(t, DAVE, "成员 删除 " + ALICE).body()).contains("已把 " + ALICE + " 移出账号");
    }
  }

  @Test
  void shouldHoldAddingAMemberToTheSenderProof() {
    try (TestApp t = TestApp.start(Map.of("security.unauthenticated", "refuse", "security.authserv-id", "mx.marketdesk.test"))) {
      t.mailServer.addUser(CAROL, "demo");
      Mail reply = command(t, ALICE, "成员 添加 " + CAROL + " 订单");
      assertThat(reply.body()).doesNotContain("已把");
      assertThat(members(t, CAROL)).isZero();
      assertThat(command(t, ALICE, "成员 列表").body()).contains("（1 人）");
    }
  }

  @Test
  void shouldMailOrderNewsToEveryMemberButThoseWhoOnlyLookAfterProducts() {
    try (TestApp t = TestApp.start(Map.of())) {
      t.mailServer.addUser(CAROL, "demo");
      t.mailServer.addUser(DAVE, "demo");
      command(t, ALICE, "成员 添加 " + CAROL + " 商品");
      command(t, ALICE, "成员 添加 " + DAVE + " 订单");
      // the buyer sends a requirement form for alice's paid demo order: her team hears of it
      command(t, DemoData.BUYER, "提交需求单 20261128000102\n请在周末实施。");
      t.mail.await(ALICE, m -> m.subject().contains("20261128000102"));
      t.mail.await(DAVE, m -> m.subject().contains("20261128000102"));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'").mapTo(Long.class).one()) == 0);
      assertThat(t.mail.inbox(CAROL)).extracting(Mail::subject).noneMatch(s -> s.contains("20261128000102"));
    }
  }
}
