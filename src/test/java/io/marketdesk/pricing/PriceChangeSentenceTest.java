package io.marketdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.pricing.PriceChangeSentence.Request;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceChangeSentenceTest {

  private static final String SEED =
      "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00";

  @Test
  void shouldReadSeedSentenceWhenWrittenAsInTheGuide() {
    assertThat(PriceChangeSentence.parse(SEED))
        .contains(new Request("云帆科技", "100012345678", "20261128000123", "880.00"));
  }

  @Test
  void shouldReadTheSentenceWhenItIsWrittenInTraditionalCharacters() {
    assertThat(PriceChangeSentence.parse("雲帆科技服務商（騰訊雲帳號 ID : 100012345678），申請將訂單20261128000123價格修改為折扣價880.00"))
        .contains(new Request("雲帆科技", "100012345678", "20261128000123", "880.00"));
  }

  /** Each line: the sentence variant | account | order | amount in fen. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // the console guide, half- and full-width brackets and colons, spaces or none
        "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商(腾讯云账号 ID : 100012345678),申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商(腾讯云账号ID:100012345678)申请将订单20261128000123价格修改为折扣价880|100012345678|20261128000123|88000",
        "云帆科技服务商 （ 腾讯云 账号 ID ： 100012345678 ） ， 申请 将 订单 20261128000123 价格 修改为 折扣价 880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号 id: 100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账户ID: 100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云帐号ID: 100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        // 腾讯云 and 服务商 optional
        "云帆科技服务商（账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技（账号ID：100012345678）申请将订单20261128000123价格修改为880.00|100012345678|20261128000123|88000",
        // wording of the change
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格调整为880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123的价格修改为价格880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单号：20261128000123价格修改为折扣价：880.00|100012345678|20261128000123|88000",
        // amounts
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880元|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价¥880|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价￥880.50|100012345678|20261128000123|88050",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价￥1,280.50元|100012345678|20261128000123|128050",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价1，280．5|100012345678|20261128000123|128050",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价 RMB 880|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价CNY880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ＩＤ：１０００１２３４５６７８），申请将订单２０２６１１２８０００１２３价格修改为折扣价８８０.００|100012345678|20261128000123|88000",
        // brackets left out, the old price given
        "云帆科技服务商，腾讯云账号ID：100012345678，申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商 腾讯云账号ID 100012345678 申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格由1,000元修改为折扣价880元|100012345678|20261128000123|88000",
        // surrounding text on the same line
        "您好，云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00，谢谢|100012345678|20261128000123|88000",
        "您好！云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00元。谢谢！|100012345678|20261128000123|88000",
        "运营同学您好，云帆科技服务商（腾讯云账号ID：100012345678）申请将订单20261128000123价格修改为折扣价880.00，麻烦审核，谢谢|100012345678|20261128000123|88000",
        // subject-like lines
        "Re: 云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00|100012345678|20261128000123|88000",
        "[MD#k3j9] 申请改价：云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880|100012345678|20261128000123|88000",
        "订单改价申请 - 云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价 880 元|100012345678|20261128000123|88000",
        // other providers, other numbers
        "北京星云网络科技有限公司服务商（腾讯云账号ID：100087654321），申请将订单20261201000456价格修改为折扣价1,000|100087654321|20261201000456|100000",
        "Acme Cloud服务商（腾讯云账号ID：100087654321），申请将订单20261201000456价格修改为折扣价99.9|100087654321|20261201000456|9990",
      })
  void shouldReadAccountOrderAndAmountWhenSentenceVaries(
      String line, String account, String order, long minor) {
    Request r = PriceChangeSentence.parse(line).orElseThrow(() -> new AssertionError(line));
    assertThat(r.accountId()).isEqualTo(account);
    assertThat(r.orderNo()).isEqualTo(order);
    assertThat(r.amountMinor()).isEqualTo(minor);
    assertThat(r.shortForm()).isFalse();
    String normalized = Normalizer.normalize(line, Normalizer.Form.NFKC);
    assertThat(PriceChangeSentence.RECOGNIZER.recognize(normalized))
        .hasValueSatisfying(args -> assertThat(Request.fromArgs(args)).contains(r));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880|云帆科技",
        "您好，云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880|云帆科技",
        "北京星云网络科技有限公司（账号ID：100012345678）申请将订单20261128000123价格修改为880|北京星云网络科技有限公司",
        "Acme Cloud服务商（账号ID：100012345678）申请将订单20261128000123价格修改为880|Acme Cloud",
      })
  void shouldReadProviderNameWhenSentenceNamesOne(String line, String name) {
    assertThat(PriceChangeSentence.parse(line)).get().extracting(Request::providerName).isEqualTo(name);
  }

  @Test
  void shouldHaveNoNameWhenSentenceStartsAtTheBracket() {
    assertThat(
            PriceChangeSentence.parse(
                "（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.00"))
        .contains(new Request(null, "100012345678", "20261128000123", "880.00"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        // no order number
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单价格修改为折扣价880.00",
        // letters in the order number
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单2026112800012A价格修改为折扣价880.00",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单A20261128000123价格修改为折扣价880.00",
        // no 订单 word
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将20261128000123价格修改为折扣价880.00",
        // amount missing
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价",
        // no account ID
        "云帆科技服务商，申请将订单20261128000123价格修改为折扣价880.00",
        "云帆科技服务商（腾讯云账号ID：），申请将订单20261128000123价格修改为折扣价880.00",
        // no 修改为
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格880.00",
        // only talk about it
        "请问如何申请将订单价格修改为折扣价？",
        "",
        "price 20261128000123",
        "price 20261128000123 880.001",
        "price 2026112800012X 880",
        "price 20261128000123 -880",
        "prices 20261128000123 880",
      })
  void shouldFindNothingWhenLineIsANearMiss(String line) {
    assertThat(PriceChangeSentence.parse(line)).isEmpty();
    assertThat(
            PriceChangeSentence.RECOGNIZER.recognize(
                Normalizer.normalize(line, Normalizer.Form.NFKC)))
        .isEmpty();
  }

  /**
   * The sentence in every part but the amount: not a request ({@link PriceChangeSentence#parse} is
   * empty, the args do not read back), but recognised, so that the reply answers the line.
   */
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价880.001|880.001",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价-880|-880",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价－880|-880",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价元|元",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价1,28.00|1,28.00",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价$880|$880",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为-100.00|-100.00",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为八百元，谢谢|八百元",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为800.005|800.005",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为99999999999999999999.99|99999999999999999999.99",
        "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为1e9|1e9",
      })
  void shouldRecognizeButNotAcceptWhenOnlyTheAmountIsInvalid(String line, String amount) {
    String normalized = Normalizer.normalize(line, Normalizer.Form.NFKC);
    assertThat(PriceChangeSentence.parse(line)).isEmpty();
    assertThat(PriceChangeSentence.RECOGNIZER.recognize(normalized))
        .hasValueSatisfying(args -> {
          assertThat(args).startsWith("20261128000123 " + amount + " account=100012345678");
          assertThat(Request.fromArgs(args)).isEmpty();
        });
  }

  @Test
  void shouldFindNothingWhenLineIsNull() {
    assertThat(PriceChangeSentence.parse(null)).isEmpty();
    assertThat(Request.fromArgs(null)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "price 20261128000123 880|880|88000",
        "price 20261128000123 ¥1,280.00|¥1,280.00|128000",
        "PRICE 20261128000123 880.5|880.5|88050",
        "Price: 20261128000123  880元|880元|88000",
        "ｐｒｉｃｅ　２０２６１１２８０００１２３　８８０|880|88000",
        "price 20261128000123 RMB 880|RMB 880|88000",
      })
  void shouldReadShortFormWhenLineIsPriceNoAmount(String line, String amountText, long minor) {
    Request r = PriceChangeSentence.parse(line).orElseThrow();
    assertThat(r).isEqualTo(new Request(null, null, "20261128000123", amountText));
    assertThat(r.amountMinor()).isEqualTo(minor);
    assertThat(r.shortForm()).isTrue();
  }

  @Test
  void shouldNotRecognizeShortFormAsSentenceWhenOfferedToRecognizer() {
    assertThat(PriceChangeSentence.RECOGNIZER.recognize("price 20261128000123 880")).isEmpty();
  }

  @Test
  void shouldWriteArgsInShortFormLayoutWhenSentenceRecognized() {
    assertThat(PriceChangeSentence.RECOGNIZER.recognize(Normalizer.normalize(SEED, Normalizer.Form.NFKC)))
        .contains("20261128000123 880.00 account=100012345678 name=云帆科技");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "20261128000123 880|null|null|880",
        "20261128000123 ¥1,280.00|null|null|¥1,280.00",
        "20261128000123 RMB 880|null|null|RMB 880",
        "20261128000123 880.00 account=100012345678|100012345678|null|880.00",
        "20261128000123 880.00 account=100012345678 name=云帆科技|100012345678|云帆科技|880.00",
        "20261128000123 880 元 account=100012345678 name=Acme Cloud|100012345678|Acme Cloud|880 元",
      })
  void shouldReadRequestBackWhenGivenArgs(String args, String account, String name, String amount) {
    assertThat(Request.fromArgs(args))
        .contains(new Request(name, account, "20261128000123", amount));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {"", "20261128000123", "880 20261128000123", "20261128000123 880.001", "abc 880",
          "20261128000123 -5"})
  void shouldFindNothingWhenArgsAreNotARequest(String args) {
    assertThat(Request.fromArgs(args)).isEmpty();
  }

  @Test
  void shouldRoundTripWhenWritingArgs() {
    Request r = new Request("云帆 科技", "100012345678", "20261128000123", "￥1,280.50");
    assertThat(Request.fromArgs(r.toArgs())).contains(new Request("云帆 科技", "100012345678",
        "20261128000123", "¥1,280.50"));
  }
}
