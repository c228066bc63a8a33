package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dedupe key tells the same mail from another mail under the same Message-ID. */
class DedupeKeyTest {
  static byte[] mail(String trace, String subject, String body) {
    return (trace + "From: a@b.test\r\nTo: market@marketdesk.test\r\nSubject: " + subject
        + "\r\nMessage-ID: <one@b.test>\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldGiveTheSameMailTheSameKeyWhateverTheServersAdded() {
    String key = InboundStore.dedupeKey(mail("", "s", "帮助\r\n"));
    assertThat(InboundStore.dedupeKey(mail("Received: from x; Mon, 30 Nov 2026\r\nReturn-Path: <a@b.test>\r\n", "s",
        "帮助"))).isEqualTo(key);
    assertThat(InboundStore.dedupeKey(mail("Authentication-Results: mx; none\r\n", "s", "帮助\n\n"))).isEqualTo(key);
    assertThat(key).startsWith("mid:").hasSize(4 + 64);
  }

  @Test
  void shouldGiveAnotherMailUnderTheSameMessageIdAnotherKey() {
    String key = InboundStore.dedupeKey(mail("", "s", "帮助\r\n"));
    assertThat(InboundStore.dedupeKey(mail("", "s", "商品列表\r\n"))).isNotEqualTo(key);
    assertThat(InboundStore.dedupeKey(mail("", "other", "帮助\r\n"))).isNotEqualTo(key);
  }

  @Test
  void shouldHashTheBytesOfAMailWithoutMessageId() {
    byte[] raw = "From: a@b.test\r\n\r\nhi\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(InboundStore.dedupeKey(raw)).startsWith("sha256:");
  }
}
