package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.template.Templates.RenderedMail;
import org.junit.jupiter.api.Test;

/** The footer goes above the signature, or at the end of a mail with none. */
class NoticeFooterPlacementTest {
  @Test
  void shouldPutTheFooterAboveTheSignatureWhenThereIsOne() {
    RenderedMail m = Mailer.withFooter(new RenderedMail("s", "Hello,\n\ntext\n--\nsig\n"), "why\nhow");
    assertThat(m.body()).isEqualTo("Hello,\n\ntext\n\nwhy\nhow\n--\nsig\n");
    assertThat(Mailer.withFooter(new RenderedMail("s", "text\n"), "why").body()).isEqualTo("text\n\nwhy\n");
    assertThat(Mailer.withFooter(new RenderedMail("s", "text\n"), "").body()).isEqualTo("text\n");
  }
}
