package io.marketdesk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketdesk.product.ProductStatus;
import io.marketdesk.product.ProductType;
import io.marketdesk.testing.CatalogWords;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The one way of code, enum and words ({@link Coded}), over the product states and types and the real catalog. */
class CodedTest {
  @Property
  void shouldReadBackEveryStateFromItsCodeAndEachOfItsWords(@ForAll ProductStatus status) {
    assertThat(ProductStatus.ofCode(status.code())).isEqualTo(status);
    assertThat(ProductStatus.parse(status.code().replace('_', ' ').toUpperCase(Locale.ROOT), CatalogWords.WORDS))
        .contains(status);
    for (String w : CatalogWords.WORDS.apply("words." + status.labelKey())) {
      assertThat(ProductStatus.parse(" " + w + " ", CatalogWords.WORDS)).as(w).contains(status);
    }
  }

  @Property
  void shouldReadBackEveryTypeFromItsCodeAndEachOfItsWords(@ForAll ProductType type) {
    assertThat(ProductType.ofCode(type.code())).isEqualTo(type);
    assertThat(CatalogWords.WORDS.apply("words." + type.labelKey())).isNotEmpty();
    for (String w : CatalogWords.WORDS.apply("words." + type.labelKey())) {
      assertThat(ProductType.parse(w, CatalogWords.WORDS)).as(w).contains(type);
    }
  }

  @Test
  void shouldKeepTheStoredCodesAndLabelKeys() {
    assertThat(ProductStatus.IN_REVIEW.code()).isEqualTo("in_review");
    assertThat(ProductStatus.LISTED.labelKey()).isEqualTo("state.product.listed");
    assertThat(ProductType.SAAS.code()).isEqualTo("saas");
    assertThat(ProductType.IMAGE.labelKey()).isEqualTo("type.image");
    assertThat(ProductType.IMAGE.reviewDays()).isEqualTo(7);
  }

  @Test
  void shouldRefuseAnUnknownCodeAndReadNothingFromUnknownWords() {
    assertThatThrownBy(() -> ProductType.ofCode("OPS")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ProductStatus.parse("sold", CatalogWords.WORDS)).isEmpty();
    assertThat(ProductType.parse(null, CatalogWords.WORDS)).isEmpty();
  }
}
