package io.marketdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketdesk.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceChangeRulesTest {

  @ParameterizedTest(name = "{0} of {1} is {2}%, {3}% off")
  @CsvSource({"88000,100000,88,12", "87500,100000,87.5,12.5", "9999,100000,9.9,90.1", "1,100000,0,100",
      "99999,100000,99.9,0.1", "128000,200000,64,36"})
  void shouldWriteDiscountRoundedDownWhenPercentHasDecimals(long newPrice, long oldPrice, String percent, String off) {
    assertThat(PriceChangeHandler.percentOf(newPrice, oldPrice)).isEqualTo(percent);
    assertThat(PriceChangeHandler.percentOff(newPrice, oldPrice)).isEqualTo(off);
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({"云帆科技,云帆科技有限公司,true", "云帆科技有限公司,云帆科技有限公司,true", "云帆 科技,云帆科技有限公司,true",
      "ＹＵＮＦＡＮ,Yunfan Tech Ltd,true", "星河网络,云帆科技有限公司,false", "云帆,北辰数据服务有限公司,false"})
  void shouldCompareCompanyNamesLooselyWhenShortenedOrSpaced(String written, String registered, boolean same) {
    assertThat(PriceChangeHandler.sameCompany(written, registered)).isEqualTo(same);
  }

  @Test
  void shouldRecogniseOrderSentenceAsOrderArgsWhenWrittenAsInGuide() {
    assertThat(PriceChangeHandler.RECOGNIZER.recognize(
            "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00"))
        .contains("20261128000123 880.00 account=100012345678 name=云帆科技");
  }

  @Test
  void shouldRecogniseProductSentenceWhenProductNamedInsteadOfOrder() {
    assertThat(PriceChangeHandler.RECOGNIZER.recognize(
            "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将商品P1001价格修改为折扣价800.00"))
        .contains("product=P1001 800.00");
  }

  @Test
  void shouldNotRecogniseOrdinaryLinesWhenTheyMentionProductsOrPrices() {
    assertThat(PriceChangeHandler.RECOGNIZER.recognize("商品价格修改为 800 元可以吗")).isEmpty();
    assertThat(PriceChangeHandler.RECOGNIZER.recognize("请把商品P1001的价格改为800")).isEmpty();
  }

  @Test
  void shouldReadThresholdWhenConfiguredAndRefuseWhenOutOfRange() {
    assertThat(PricingFeature.reasonBelowPercent("")).isEqualTo(10);
    assertThat(PricingFeature.reasonBelowPercent(" 25 ")).isEqualTo(25);
    assertThat(PricingFeature.reasonBelowPercent("0")).isZero();
    assertThatThrownBy(() -> PricingFeature.reasonBelowPercent("101")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("pricing.reason-below-percent");
    assertThatThrownBy(() -> PricingFeature.reasonBelowPercent("ten")).isInstanceOf(ConfigException.class);
  }
}
