package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AboutTest {
  record OrderModel(String orderNo, String productId, long reviewId, String other) {}

  record Review(long id, String kind, String subject) {}

  record ReviewModel(Review review, String due) {}

  @Test
  void shouldReadTheSubjectOfAMailFromItsModel() {
    assertThat(About.ofModel(new OrderModel("20261128000123", "P1001", 0, "x")))
        .isEqualTo(new About("20261128000123", "P1001", null));
    assertThat(About.ofModel(new ReviewModel(new Review(7, "product", "P1002"), "d")))
        .isEqualTo(new About(null, "P1002", 7L));
    assertThat(About.ofModel(new ReviewModel(new Review(8, "appeal", "20261128000123"), "d")))
        .isEqualTo(new About("20261128000123", null, 8L));
    assertThat(About.ofModel(new ReviewModel(new Review(9, "account", "100012345678"), "d")))
        .isEqualTo(new About(null, null, 9L));
    assertThat(About.ofModel("not a record").isEmpty()).isTrue();
  }

  @Test
  void shouldEncodeAndDecodeTheColumn() {
    About a = new About("20261128000123", "P1001", 12L);
    assertThat(a.encode()).isEqualTo("order:20261128000123 product:P1001 review:12");
    assertThat(About.decode(a.encode())).isEqualTo(a);
    assertThat(About.decode(null)).isEqualTo(About.NOTHING);
    assertThat(About.NOTHING.encode()).isNull();
    assertThat(About.decode("review:x junk order:1")).isEqualTo(new About("1", null, null));
  }
}
