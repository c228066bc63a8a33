package io.marketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.Installed;
import io.marketdesk.testing.TestApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser (Debian's headless chromium): what it shows after loading, and
 * screenshots under target/screenshots for a person to look at. Skipped when chromium is missing
 * (failed in CI, {@link Installed}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BrowserIT {
  static final Path SHOTS = Path.of("target", "screenshots");
  static TestApp t;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    chromium = Chromium.find().orElse(null);
    Installed.require(chromium != null,
        "chromium is not installed (apt-get install -y chromium): the browser tests are skipped");
    t = TestApp.start();
    WebFixtures.seed(t);
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
  }

  @Test
  void shouldShowTheStatusPageInTheBrowser() {
    String dom = chromium.dumpDom(t.baseUrl() + "/?lang=zh");
    assertThat(dom).contains("运行状态").contains("收件").contains("发件箱").contains("待审核按截止日期")
        .contains("<svg").doesNotContain("@");
    chromium.screenshot(t.baseUrl() + "/?lang=zh", SHOTS.resolve("status-zh.png"), 1280, 1300);
    chromium.screenshot(t.baseUrl() + "/?lang=en", SHOTS.resolve("status-en-phone.png"), 390, 844);
  }

  @Test
  void shouldOpenTheProviderPageThroughALoginLink() {
    String dom = chromium.dumpDom(t.baseUrl() + "/login/" + WebFixtures.loginToken(t, DemoData.ALICE, "登录"));
    assertThat(dom).contains("我的页面").contains("100012345678").contains("云帆 Linux 运维托管")
        .contains("20260101000001").contains("mailto:market@marketdesk.test?subject=")
        .doesNotContain("北辰秘密数据服务");
    chromium.screenshot(t.baseUrl() + "/login/" + WebFixtures.loginToken(t, DemoData.ALICE, "登录"),
        SHOTS.resolve("me-provider-zh.png"), 1280, 2200);
    chromium.screenshot(t.baseUrl() + "/login/" + WebFixtures.loginToken(t, DemoData.OPERATOR, "login") + "?lang=en",
        SHOTS.resolve("me-operator-en-phone.png"), 390, 1600);
  }

  @Test
  void shouldExplainAUsedLoginLinkInTheBrowser() {
    String url = t.baseUrl() + "/login/" + WebFixtures.loginToken(t, DemoData.BOB, "登录");
    assertThat(chromium.dumpDom(url)).contains("100087654321");
    assertThat(chromium.dumpDom(url + "?lang=zh")).contains("登录链接已使用过").contains("market@marketdesk.test");
  }

  @Test
  void shouldShowAListedProductPageInTheBrowser() {
    assertThat(WebFixtures.get(t, "/products/P-A1", null).statusCode()).isEqualTo(200);
    String dom = chromium.dumpDom(t.baseUrl() + "/products/P-A1");
    assertThat(dom).contains("云帆 Linux 运维托管").doesNotContain("北辰");
    chromium.screenshot(t.baseUrl() + "/products/P-A1", SHOTS.resolve("product.png"), 1280, 900);
  }
}
