package io.marketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.Mailto;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailtoTest {
  @Test
  void shouldPercentEncodeSubjectAndBodyWithCrLfAndNoPlus() {
    String link = Mailto.of("market@marketdesk.test", "审核 12 同意", "审核 12 同意\n理由: a+b & c?");
    assertThat(link).startsWith("mailto:market@marketdesk.test?subject=").doesNotContain(" ").doesNotContain("+");
    String subject = link.substring(link.indexOf("subject=") + 8, link.indexOf("&body="));
    String body = link.substring(link.indexOf("&body=") + 6);
    assertThat(subject).isEqualTo("%E5%AE%A1%E6%A0%B8%2012%20%E5%90%8C%E6%84%8F");
    assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).isEqualTo("审核 12 同意\r\n理由: a+b & c?");
    assertThat(body).contains("%0D%0A").contains("%2B").contains("%26").contains("%3F");
  }
}
