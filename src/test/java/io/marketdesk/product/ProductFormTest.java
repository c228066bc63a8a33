package io.marketdesk.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductFormTest {
  private static final java.util.function.Function<String, java.util.List<String>> WORDS = io.marketdesk.testing.CatalogWords.WORDS;

  private static Map<String, String> full() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("名称", "服务器运维");
    f.put("服务类型", "运维服务");
    f.put("价格", "¥1,280.50");
    f.put("计费单位", "次");
    f.put("简介", "简介");
    f.put("详情", "第一行\n第二行");
    return f;
  }

  @Test
  void shouldReadEveryFieldWhenNewProductIsComplete() {
    ProductForm.Result r = ProductForm.read(full(), null, WORDS);
    assertThat(r.errors()).isEmpty();
    assertThat(r.content()).isEqualTo(new ProductContent(ProductType.OPS, "服务器运维", 128050, "次", "简介", "第一行\n第二行"));
  }

  @Test
  void shouldGiveOneErrorPerBadFieldWhenFieldsAreWrong() {
    Map<String, String> f = full();
    f.put("价格", "0");
    f.put("服务类型", "hardware");
    f.put("名称", "x".repeat(101));
    f.remove("简介");
    f.put("颜色", "红");
    ProductForm.Result r = ProductForm.read(f, null, WORDS);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).hasSize(5);
    assertThat(String.join("\n", r.errors().stream().map(e -> io.marketdesk.testing.CatalogWords.text("en", e)).toList())).contains("more than 0").contains("hardware").contains("at most 100")
        .contains("summary").contains("颜色");
  }

  @Test
  void shouldRefuseAmountsThatAreNotMoney() {
    Map<String, String> f = Map.of("price", "-5");
    assertThat(ProductForm.read(f, null, WORDS).errors()).anyMatch(e -> io.marketdesk.testing.CatalogWords.text("zh", e).contains("不是金额"));
  }

  @Test
  void shouldApplyOnlyGivenFieldsWhenRevising() {
    ProductContent base = new ProductContent(ProductType.IMAGE, "镜像", 9900, "月", "s", "d");
    ProductForm.Result r = ProductForm.read(Map.of("price", "88", "unit", "年"), base, WORDS);
    assertThat(r.content()).isEqualTo(new ProductContent(ProductType.IMAGE, "镜像", 8800, "年", "s", "d"));
    assertThat(ProductForm.diff(base, r.content())).containsExactly(ProductForm.Field.PRICE, ProductForm.Field.UNIT);
  }

  @Test
  void shouldReadTypesInChineseAndEnglish() {
    assertThat(ProductType.parse("镜像服务", WORDS)).contains(ProductType.IMAGE);
    assertThat(ProductType.parse("ＳａａＳ", WORDS)).contains(ProductType.SAAS);
    assertThat(ProductType.parse("Ops Service", WORDS)).contains(ProductType.OPS);
    assertThat(ProductType.parse("软件", WORDS)).contains(ProductType.SOFTWARE);
    assertThat(ProductType.parse("硬件", WORDS)).isEmpty();
  }
}
