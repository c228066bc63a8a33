package io.marketdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.template.Templates;
import org.junit.jupiter.api.Test;

class BannerTest {

  @Test
  void shouldShowHowToFindAndReadTheReplyDecodedWhenTheMailServerIsEmbedded() {
    String text = new Templates(null).render("console/banner.ftl", new Banner.Model("http://localhost:7070",
        "jdbc:sqlite:data/marketdesk.db", true, "", "market@marketdesk.test", 3025, 3143, "demo", "ops@marketdesk.test",
        "alice@provider-a.test", "100012345678", "bob@provider-b.test", "100087654321", "buyer@customer.test", ""));
    assertThat(text).contains("SMTP 127.0.0.1:3025").contains("SEARCH SUBJECT \"Re: hi\"").contains("m.get_body((\"plain\",)).get_content()")
        .contains("帮助").contains("start empty after a restart").contains("(none set)").doesNotContain("MAILINDEX=1'");
  }
}
