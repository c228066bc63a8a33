package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTextTest {
  private final ReplyText replyText = new ReplyText();

  private List<String> live(String text) {
    return replyText.liveLines(text);
  }

  @Test
  void shouldKeepBlankLinesAndDropTrailingWhitespace() {
    assertThat(live("新建商品  \r\n名称: 云主机\t\n\n详情: a\nb\n\n"))
        .containsExactly("新建商品", "名称: 云主机", "", "详情: a", "b");
  }

  @Test
  void shouldNeverTakeACommandThatIsOnlyInAQuote() {
    assertThat(live("Hi there\n\nOn Sat, Nov 28, 2026 at 10:00 AM X <x@y.test> wrote:\n> 帮助\n>> 同意\n  > price 1 2\n"))
        .containsExactly("Hi there");
  }

  @Test
  void shouldSkipAGmailAttributionWrappedOverTwoLines() {
    assertThat(live("account\n\nOn Sat, Nov 28, 2026 at 10:00 AM MarketDesk <market@marketdesk.test>\nwrote:\n\n> help\n"))
        .containsExactly("account");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "在 2026年11月28日 10:00，MarketDesk 写道：",
      "MarketDesk <market@marketdesk.test> 于2026年11月28日周六 10:00写道：",
      "Le sam. 28 nov. 2026 à 10:00, MarketDesk <market@marketdesk.test> a écrit :",
      "On 28 Nov 2026, at 10:00, MarketDesk wrote:"})
  void shouldSkipAttributionLinesAboveAQuote(String attribution) {
    assertThat(live("同意\n" + attribution + "\n> 拒绝 理由不充分\n")).containsExactly("同意");
  }

  @Test
  void shouldKeepAWroteLineThatIsNotFollowedByAQuote() {
    assertThat(live("He wrote:\nhelp")).containsExactly("He wrote:", "help");
  }

  @Test
  void shouldReadLinesBelowTheQuoteAsThunderbirdUsersWrite() {
    assertThat(live("On 11/28/26 10:00 AM, MarketDesk wrote:\n> 确认完成 1\n\n拒绝 理由不充分\n"))
        .containsExactly("拒绝 理由不充分");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thanks", "Thanks!", "THANK YOU.", "谢谢", "谢谢！", "谢谢。", " quit ", "Thanks,", "ｔｈａｎｋｓ"})
  void shouldStopAtAClosingWord(String closing) {
    assertThat(live("帮助\n" + closing + "\n商品列表")).containsExactly("帮助");
  }

  @Test
  void shouldNotStopAtAClosingWordInsideALine() {
    assertThat(live("谢谢 您的帮助\nhelp")).containsExactly("谢谢 您的帮助", "help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--", "-- ", "--  "})
  void shouldStopAtASignatureLine(String dashes) {
    assertThat(live("login\n" + dashes + "\nAlice\nhelp")).containsExactly("login");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-----Original Message-----",
      "----- original message -----",
      "-----原始邮件-----",
      "------------------ 原始邮件 ------------------",
      "------------------&nbsp;Original&nbsp;------------------",
      "------------------\u00A0原始邮件\u00A0------------------",
      "---- Replied Message ----",
      "---- 回复的原邮件 ----",
      "---------- Forwarded message ---------",
      "Begin forwarded message:",
      "________________________________"})
  void shouldStopAtAnOriginalMessageSeparator(String separator) {
    assertThat(live("同意\n\n" + separator + "\n帮助\n")).containsExactly("同意");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "From: MarketDesk\nSent: Saturday\nTo: alice\nSubject: help",
      "*From:* MarketDesk\n*Sent:* Saturday\n*To:* alice\n*Subject:* help",
      "发件人: MarketDesk\n发送时间: 2026年11月28日\n收件人: alice\n主题: 帮助",
      "发件人：MarketDesk\n日期：2026年11月28日\n主题：帮助",
      "From: \"MarketDesk\"<market@marketdesk.test>;\nDate: Sat, Nov 28, 2026\nTo: x\nCc: y\nSubject: help"})
  void shouldStopAtAnOutlookStyleHeaderBlock(String block) {
    assertThat(live("商品列表\n\n" + block + "\n\n帮助\n")).containsExactly("商品列表");
  }

  @Test
  void shouldKeepAFromFieldThatIsNotAHeaderBlock() {
    assertThat(live("修改账户信息\nFrom: our sales team\n联系人: 王五"))
        .containsExactly("修改账户信息", "From: our sales team", "联系人: 王五");
  }

  @Test
  void shouldHandleNullAndEmptyText() {
    assertThat(live(null)).isEmpty();
    assertThat(live("")).isEmpty();
    assertThat(live("\n\n> only a quote\n")).isEmpty();
  }
  @ParameterizedTest
  @ValueSource(strings = {
      "Von: MarketDesk\nGesendet: Samstag\nAn: bob\nBetreff: x",
      "Date: Sat, 28 Nov 2026\nSubject: x\nFrom: market@marketdesk.test\nTo: bob",
      "От: MarketDesk\nОтправлено: 28 ноября\nКому: bob",
      "    From: MarketDesk\n    Sent: Saturday",
      "=====\nMessage du : 28/11/2026\nDe : MarketDesk\nSujet : x",
      "On Mon, Feb 1, 2016 at 4:58 AM -0800, \"Some One\" <foo@bar.com> wrote:",
      "Am 13.12.2017 21:11 schrieb MarketDesk <market@marketdesk.test>:",
      "2017-11-24 16:32 GMT+01:00 MarketDesk <market@marketdesk.test>:",
      "-----Ursprüngliche Nachricht-----",
      "*-------- Original Message --------*"})
  void shouldTakeEverythingBelowAnUnmarkedMarkerAsTheQuote(String marker) {
    assertThat(live("订单列表\n\n" + marker + "\n\n确认完成 20261128000123\n")).containsExactly("订单列表");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Richard> 确认完成 1", "| 确认完成 1", "C> 确认完成 1", "＞ 确认完成 1"})
  void shouldSkipOtherQuotePrefixes(String quoted) {
    assertThat(live("订单列表\n" + quoted + "\n")).containsExactly("订单列表");
  }

  @Test
  void shouldMarkLinesBelowAMarkerThatIsNotProvenAsDoubtful() {
    ReplyText.Reading r = replyText.read("查询订单 1\n\nMy colleague wrote:\n确认完成 1\n", null);

    assertThat(r.live()).containsExactly("查询订单 1", "", "My colleague wrote:", "确认完成 1");
    assertThat(r.isDoubtful("确认完成 1")).isTrue();
    assertThat(r.isDoubtful("查询订单 1")).isFalse();
    assertThat(r.doubtLine()).isEqualTo("My colleague wrote:");
  }

  @Test
  void shouldFindOurOwnWordsUnmarkedRewrappedAndInFullWidth() {
    String ours = "云帆科技，您好：\n订单 20261128000123 已标记完成，请您确认。\n    确认完成 20261128000123\n";
    String reply = "同意\n\n云帆科技，您好：\n订单 ２０２６１１２８０００１２３\n已标记完成，\n请您确认。\n确认完成 20261128000123\n";

    ReplyText.Reading r = replyText.read(reply, ours);

    assertThat(r.live()).containsExactly("同意");
    assertThat(r.ownWords()).isTrue();
  }

  @Test
  void shouldDropTheAttributionAboveOurOwnWords() {
    String ours = "云帆科技，您好：\n订单 20261128000123 已标记完成，请您确认。\n";
    ReplyText.Reading r = replyText.read("订单列表\n\nMarketDesk 于 2026 年 11 月 28 日:\n云帆科技，您好：\n订单 20261128000123 已标记完成，请您确认。", ours);

    assertThat(r.live()).containsExactly("订单列表");
  }

  @Test
  void shouldReportALineRepeatingTheAnsweredMailNextToAnotherOfItsLines() {
    String ours = "请确认：\n    确认完成 20261128000123\n如不满意：\n    验收不通过 20261128000123 理由\n";

    ReplyText.Reading lone = replyText.read("确认完成 20261128000123\n", ours);
    ReplyText.Reading piece = replyText.read("好\n如不满意：\n验收不通过 20261128000123 理由\n", ours);

    assertThat(lone.isRepeated("确认完成 20261128000123")).isFalse();
    assertThat(piece.isRepeated("验收不通过 20261128000123 理由")).isTrue();
  }

  @Test
  void shouldReadHostileBodiesInLinearTime() {
    String quotes = "Richard> > > x\n".repeat(200_000);
    String longLine = "On ".repeat(400_000) + "wrote:";
    String labels = "From: a\n".repeat(100_000);
    String ours = "云帆科技，您好：订单 20261128000123 已标记完成，请您确认。";
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertThat(replyText.read("help\n" + quotes, ours).live()).containsExactly("help");
      assertThat(replyText.read(longLine + "\nhelp", ours).live()).hasSize(2);
      assertThat(replyText.read("help\n" + labels, ours).live()).hasSize(100_001);
      assertThat(replyText.read("云帆\n".repeat(100_000), ours).live()).hasSize(100_000);
    });
  }
}
