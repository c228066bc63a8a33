package io.marketdesk.command;

import io.marketdesk.text.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.pricing.PriceChangeSentence;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  private static final Set<Role> PROVIDER = Set.of(Role.PROVIDER);
  private static final Set<Role> BUYER = Set.of(Role.BUYER);
  private static final Set<Role> OPERATOR = Set.of(Role.OPERATOR);
  private static final Set<Role> ANYONE = Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER);

  private static final List<CommandSpec> SPECS =
      List.of(
          new CommandSpec("help", List.of("帮助"), List.of("help"), ANYONE, Body.NONE),
          new CommandSpec("account", List.of("账户信息"), List.of("account"), PROVIDER, Body.NONE),
          new CommandSpec(
              "account.update", List.of("修改账户信息"), List.of("account update"), PROVIDER,
              Body.FIELDS),
          new CommandSpec(
              "product.new", List.of("新建商品"), List.of("product new"), PROVIDER, Body.FIELDS),
          new CommandSpec("products", List.of("商品列表"), List.of("products"), PROVIDER, Body.NONE),
          new CommandSpec("orders", List.of("订单列表"), List.of("orders"), PROVIDER, Body.NONE),
          new CommandSpec("order", List.of("订单详情"), List.of("order"), PROVIDER, Body.NONE),
          new CommandSpec("confirm", List.of("确认完成"), List.of("confirm"), BUYER, Body.NONE),
          new CommandSpec(
              "requirements", List.of("提交需求单"), List.of("requirements"), BUYER,
              Body.FREE_TEXT),
          new CommandSpec(
              "reject", List.of("拒绝", "驳回"), List.of("reject"), OPERATOR, Body.FREE_TEXT),
          new CommandSpec(
              "approve", List.of("同意", "通过"), List.of("approve"), OPERATOR, Body.NONE),
          new CommandSpec("review", List.of("审核"), List.of("review"), OPERATOR, Body.NONE),
          new CommandSpec(
              "price", List.of("改价"), List.of("price"), PROVIDER, Body.FIELDS,
              PriceChangeSentence.RECOGNIZER));

  private static final String SEED =
      "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00";

  private final CommandParser parser = new CommandParser(SPECS, 10);

  private ParsedCommands body(String... lines) {
    return parser.parse("", Arrays.asList(lines));
  }

  private ParsedCommand only(ParsedCommands parsed) {
    assertThat(parsed.commands()).hasSize(1);
    return parsed.commands().get(0);
  }

  private static List<String> names(ParsedCommands parsed) {
    return parsed.commands().stream().map(c -> c.spec().name()).toList();
  }

  @Nested
  class Keywords {

    @Test
    void shouldReadKeywordAndArgsWhenLineStartsWithChineseKeyword() {
      ParsedCommand c = only(body("订单详情 20261128000123"));
      assertThat(c.spec().name()).isEqualTo("order");
      assertThat(c.keyword()).isEqualTo("订单详情");
      assertThat(c.args()).isEqualTo("20261128000123");
      assertThat(c.language()).isEqualTo(Language.ZH);
      assertThat(c.fields()).isEmpty();
      assertThat(c.text()).isEmpty();
      assertThat(c.fromSubject()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"确认完成20261128000123", "确认完成 20261128000123", "确认完成：20261128000123",
        "确认完成，20261128000123", "  确认完成   20261128000123  "})
    void shouldReadArgsWhenChineseKeywordHasNoBoundary(String line) {
      ParsedCommand c = only(body(line));
      assertThat(c.spec().name()).isEqualTo("confirm");
      assertThat(c.args()).isEqualTo("20261128000123");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "订单详情：２０２６１１２８０００１２３|order|20261128000123",
          "ＯＲＤＥＲ　２０２６１１２８０００１２３|order|20261128000123",
          "ｈｅｌｐ|help|''",
          "审核（１２）同意|review|(12)同意",
          "Ａｃｃｏｕｎｔ　ｕｐｄａｔｅ|account.update|''",
        })
    void shouldMatchWhenLineIsFullWidth(String line, String name, String args) {
      ParsedCommand c = only(body(line));
      assertThat(c.spec().name()).isEqualTo(name);
      assertThat(c.args()).isEqualTo(args);
      assertThat(c.line()).isEqualTo(line);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "HELP|help",
          "Help|help",
          "ORDER 20261128000123|order",
          "Account UPDATE|account.update",
          "PRODUCT New|product.new",
          "Products|products",
          "rEjEcT too expensive|reject",
        })
    void shouldIgnoreCaseWhenKeywordIsEnglish(String line, String name) {
      ParsedCommand c = only(body(line));
      assertThat(c.spec().name()).isEqualTo(name);
      assertThat(c.language()).isEqualTo(Language.EN);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "修改账户信息|account.update|修改账户信息",
          "账户信息|account|账户信息",
          "account update|account.update|account update",
          "account|account|account",
          "account updates|account|account",
          "orders|orders|orders",
          "order 20261128000123|order|order",
          "products|products|products",
          "product new|product.new|product new",
        })
    void shouldPreferLongestKeywordWhenSeveralMatch(String line, String name, String keyword) {
      ParsedCommand c = only(body(line));
      assertThat(c.spec().name()).isEqualTo(name);
      assertThat(c.keyword()).isEqualTo(keyword);
    }

    @Test
    void shouldKeepRestAsArgsWhenLongerEnglishWordFollowsKeyword() {
      assertThat(only(body("account updates")).args()).isEqualTo("updates");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {"ordering a new server", "helpful links", "productsx", "product newest",
            "reviewer notes", "price20261128000123 880", "approved", "confirm2026", "accounts"})
    void shouldNotMatchWhenEnglishKeywordEndsInsideAWord(String line) {
      assertThat(body(line).commands()).isEmpty();
    }

    @Test
    void shouldNotMatchProductNewWhenLineIsProducts() {
      assertThat(names(body("products listed"))).containsExactly("products");
      assertThat(only(body("products listed")).args()).isEqualTo("listed");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"product    new", "product\tnew", "product　new", "account  update"})
    void shouldMatchMultiWordKeywordWhenWordsAreSeparatedByAnySpaces(String line) {
      assertThat(only(body(line)).spec().body()).isEqualTo(Body.FIELDS);
    }

    @Test
    void shouldNotMatchMultiWordKeywordWhenWordsAreJoined() {
      assertThat(body("productnew").commands()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "1. 帮助|help",
          "1.帮助|help",
          "12) orders|orders",
          "2、订单列表|orders",
          "(3) help|help",
          "（3）账户信息|account",
          "- orders|orders",
          "* products|products",
          "• 账户信息|account",
          "   · 商品列表|products",
        })
    void shouldReadCommandWhenLineHasListMarker(String line, String name) {
      ParsedCommand c = only(body(line));
      assertThat(c.spec().name()).isEqualTo(name);
      assertThat(c.line()).isEqualTo(line);
    }

    @Test
    void shouldNotMatchWhenKeywordIsNotAtLineStart() {
      ParsedCommands parsed = body("请帮助我看看订单列表", "I need help");
      assertThat(parsed.commands()).isEmpty();
    }

    @Test
    void shouldKeepLineAsWrittenWhenArgsAreNormalised() {
      ParsedCommand c = only(body("  订单详情：２０２６１１２８０００１２３ "));
      assertThat(c.line()).isEqualTo("  订单详情：２０２６１１２８０００１２３ ");
      assertThat(c.args()).isEqualTo("20261128000123");
    }

    @Test
    void shouldReadEveryCommandWhenBodyHasSeveral() {
      ParsedCommands parsed = body("账户信息", "", "orders paid", "订单详情 20261128000123", "help");
      assertThat(names(parsed)).containsExactly("account", "orders", "order", "help");
      assertThat(parsed.commands().get(1).args()).isEqualTo("paid");
      assertThat(parsed.overLimit()).isFalse();
      assertThat(parsed.unrecognized()).isNull();
    }

    @Test
    void shouldReadOperatorReviewWhenArgsCarryIdAndVerdict() {
      ParsedCommand c = only(body("审核 R-12 拒绝 资质文件过期"));
      assertThat(c.spec().name()).isEqualTo("review");
      assertThat(c.args()).isEqualTo("R-12 拒绝 资质文件过期");
    }

    @Test
    void shouldReadSecondChineseKeywordWhenSpecHasSeveral() {
      assertThat(only(body("驳回 价格不合理")).spec().name()).isEqualTo("reject");
      assertThat(only(body("通过")).spec().name()).isEqualTo("approve");
    }
  }

  @Nested
  class Fields {

    @Test
    void shouldReadFieldsWhenKeyValueLinesFollowFieldsCommand() {
      ParsedCommand c =
          only(
              body(
                  "新建商品",
                  "名称：云上运维托管",
                  "服务类型: 运维服务",
                  "",
                  "价格：￥1,280.00",
                  "计费单位 ： 月",
                  "Summary: 7x24 值守"));
      assertThat(c.spec().name()).isEqualTo("product.new");
      assertThat(c.fields())
          .containsExactly(
              entry("名称", "云上运维托管"),
              entry("服务类型", "运维服务"),
              entry("价格", "￥1,280.00"),
              entry("计费单位", "月"),
              entry("summary", "7x24 值守"));
      assertThat(c.field("Summary")).isEqualTo("7x24 值守");
      assertThat(c.field("name", "名称")).isEqualTo("云上运维托管");
    }

    @Test
    void shouldNormaliseKeyWhenKeyIsFullWidthOrUpperCase() {
      ParsedCommand c = only(body("account update", "  ＣＯＮＴＡＣＴ　Ｐｈｏｎｅ ：０１０-１２３４５６７８"));
      assertThat(c.fields()).containsExactly(entry("contact phone", "０１０-１２３４５６７８"));
    }

    @Test
    void shouldContinueDescriptionUntilBlankLineWhenDescriptionSpansLines() {
      ParsedCommand c =
          only(
              body(
                  "product new",
                  "name: Managed Ops",
                  "description: 24/7 on-call",
                  "monthly report: included",
                  "帮助客户完成上线",
                  "",
                  "unit: month"));
      assertThat(c.fields())
          .containsExactly(
              entry("name", "Managed Ops"),
              entry("description", "24/7 on-call\nmonthly report: included\n帮助客户完成上线"),
              entry("unit", "month"));
    }

    @Test
    void shouldContinueTheDescriptionWhenItsKeyIsInTraditionalCharacters() {
      ParsedCommand c = only(body("新建商品", "名稱: 運維", "詳情: 第一行", "第二行", "", "價格: 100"));
      assertThat(c.fields()).containsExactly(entry("名稱", "運維"), entry("詳情", "第一行\n第二行"), entry("價格", "100"));
    }

    @Test
    void shouldStartDescriptionOnNextLineWhenDescriptionLineIsEmpty() {
      ParsedCommands parsed = body("新建商品", "详情：", "第一行", "第二行", "", "订单列表");
      assertThat(names(parsed)).containsExactly("product.new", "orders");
      assertThat(parsed.commands().get(0).fields()).containsExactly(entry("详情", "第一行\n第二行"));
    }

    @Test
    void shouldEndFieldsAndReadNextCommandWhenLineIsNotAField() {
      ParsedCommands parsed =
          body("修改账户信息", "客服电话：400-000-0000", "订单列表", "联系人: 张三");
      assertThat(names(parsed)).containsExactly("account.update", "orders");
      assertThat(parsed.commands().get(0).fields()).containsExactly(entry("客服电话", "400-000-0000"));
    }

    @Test
    void shouldEndFieldsWhenPlainTextFollows() {
      ParsedCommand c = only(body("修改账户信息", "客服电话：400-000-0000", "请尽快处理", "联系人: 张三"));
      assertThat(c.fields()).containsOnlyKeys("客服电话");
    }

    @Test
    void shouldReadCommandNotFieldWhenKeywordLineHasAColonLater() {
      ParsedCommands parsed = body("新建商品", "名称: A", "订单详情 20261128000123 备注: 急");
      assertThat(names(parsed)).containsExactly("product.new", "order");
      assertThat(parsed.commands().get(1).args()).isEqualTo("20261128000123 备注: 急");
    }

    @Test
    void shouldReadFieldWhenWholeKeyIsAKeyword() {
      ParsedCommand c = only(body("product new", "name: Ops", "price: 880", "type: ops"));
      assertThat(c.fields()).containsEntry("price", "880").containsEntry("type", "ops");
    }

    @Test
    void shouldNotReadFieldWhenKeyIsLongerThanTwentyCharacters() {
      ParsedCommand c =
          only(body("修改账户信息", "这是一个非常非常非常非常长的并不是字段名的句子: 随便"));
      assertThat(c.fields()).isEmpty();
    }

    @Test
    void shouldNotReadFieldsWhenCommandBodyIsNone() {
      ParsedCommands parsed = body("help", "name: x", "订单列表");
      assertThat(names(parsed)).containsExactly("help", "orders");
      assertThat(parsed.commands().get(0).fields()).isEmpty();
    }

    @Test
    void shouldKeepLastValueWhenKeyRepeats() {
      assertThat(only(body("新建商品", "名称: A", "名称: B")).fields()).containsExactly(entry("名称", "B"));
    }

    @Test
    void shouldReadFieldsWhenTheyHaveListMarkers() {
      assertThat(only(body("新建商品", "1. 名称: A", "- 价格: 880")).fields())
          .containsExactly(entry("名称", "A"), entry("价格", "880"));
    }

    @Test
    void shouldNotReadUrlAsFieldWhenLineIsALink() {
      assertThat(only(body("新建商品", "https://example.com/a")).fields()).isEmpty();
    }
  }

  @Nested
  class FreeText {

    @Test
    void shouldTakeTheLinesBelowAsTextWhenCommandIsFreeText() {
      ParsedCommands parsed =
          body(
              "订单列表",
              "提交需求单 20261128000123",
              "",
              "需要部署 3 台服务器：",
              "订单详情页要能看到日志",
              "名称: 也不是字段",
              "");
      assertThat(names(parsed)).containsExactly("orders", "requirements");
      ParsedCommand c = parsed.commands().get(1);
      assertThat(c.args()).isEqualTo("20261128000123");
      assertThat(c.text()).isEqualTo("需要部署 3 台服务器：\n订单详情页要能看到日志\n名称: 也不是字段");
      assertThat(c.fields()).isEmpty();
    }

    @Test
    void shouldEndTheTextWhenALineStartsWithACommand() {
      ParsedCommands parsed = body("拒绝 资质不全", "请补充营业执照。", "审核 15", "拒绝：价格过高", "订单详情 20261128000123");
      assertThat(names(parsed)).containsExactly("reject", "review", "reject", "order");
      assertThat(parsed.commands().get(0).text()).isEqualTo("请补充营业执照。");
      assertThat(parsed.commands().get(2).args()).isEqualTo("价格过高");
      assertThat(parsed.commands().get(2).text()).isEmpty();
    }

    @Test
    void shouldReadReasonFromLineAndBelowWhenRejecting() {
      ParsedCommand c = only(body("拒绝：营业执照已过期", "请重新上传。"));
      assertThat(c.args()).isEqualTo("营业执照已过期");
      assertThat(c.text()).isEqualTo("请重新上传。");
      assertThat(c.argsAndText()).isEqualTo("营业执照已过期\n请重新上传。");
    }

    @Test
    void shouldHaveEmptyTextWhenNothingFollows() {
      ParsedCommand c = only(body("reject too expensive", "", "  "));
      assertThat(c.text()).isEmpty();
      assertThat(c.argsAndText()).isEqualTo("too expensive");
    }
  }

  @Nested
  class TyposAndPunctuation {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "订单详请 20261128000123|order",
          "订单情详|order",
          "确认完层 20261128000123|confirm",
          "prodcts|products",
          "ordres|orders",
          "requirments for the order|requirements",
          "新建商口|product.new",
        })
    void shouldNameTheNearestCommandWhenTheFirstLineIsATypo(String line, String nearest) {
      ParsedCommands parsed = body(line, "谢谢");
      assertThat(parsed.commands()).isEmpty();
      assertThat(parsed.nearest()).extracting(CommandSpec::name).first().isEqualTo(nearest);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"您好，请问怎么上架商品？", "thanks a lot", "订单什么时候发货", "ok", "帮忙看看", "hello"})
    void shouldGuessNothingWhenTheFirstLineIsProse(String line) {
      assertThat(body(line).nearest()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"确认完成：20261128000123！", "确认完成 20261128000123。", "确认完成 20261128000123?",
        "确认完成, 20261128000123 !?", "confirm 20261128000123."})
    void shouldIgnorePunctuationWhenItFollowsTheArgument(String line) {
      assertThat(only(body(line)).args()).isEqualTo("20261128000123");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"20261128000123 报表打不开，登录后白屏；请尽快修复！", "20261128000123 三次都没有修好。",
        "20261128000123 it broke again!"})
    void shouldKeepThePunctuationWhenTheArgumentsEndInAReason(String args) {
      assertThat(only(body("确认完成 " + args)).args())
          .isEqualTo(java.text.Normalizer.normalize(args, java.text.Normalizer.Form.NFKC));
    }
  }

  @Nested
  class Sentences {

    @Test
    void shouldReadPriceChangeWhenBodyHasTheSeedSentence() {
      ParsedCommands parsed = body("您好，", "", "您好，" + SEED + "，谢谢", "理由：客户为老客户");
      ParsedCommand c = only(parsed);
      assertThat(c.spec().name()).isEqualTo("price");
      assertThat(c.args()).isEqualTo("20261128000123 880.00 account=100012345678 name=云帆科技");
      assertThat(c.keyword()).startsWith("您好,云帆科技服务商(腾讯云账号 ID : 100012345678)");
      assertThat(c.language()).isEqualTo(Language.ZH);
      assertThat(c.fields()).containsExactly(entry("理由", "客户为老客户"));
      assertThat(PriceChangeSentence.Request.fromArgs(c.args()))
          .hasValueSatisfying(r -> assertThat(r.accountId()).isEqualTo("100012345678"));
      assertThat(parsed.language()).isEqualTo(Language.ZH);
    }

    @Test
    void shouldReadSameRequestWhenShortFormIsUsed() {
      ParsedCommand c = only(body("price 20261128000123 ¥1,280.00", "reason: loyal customer"));
      assertThat(c.args()).isEqualTo("20261128000123 ¥1,280.00");
      assertThat(c.language()).isEqualTo(Language.EN);
      assertThat(c.fields()).containsExactly(entry("reason", "loyal customer"));
      assertThat(PriceChangeSentence.Request.fromArgs(c.args()))
          .hasValueSatisfying(r -> assertThat(r.amountMinor()).isEqualTo(128000));
    }

    @Test
    void shouldReadShortFormWhenChineseKeywordIsUsed() {
      ParsedCommand c = only(body("改价 20261128000123 ¥1,280.00"));
      assertThat(c.language()).isEqualTo(Language.ZH);
      assertThat(PriceChangeSentence.Request.fromArgs(c.args()))
          .contains(new PriceChangeSentence.Request(null, null, "20261128000123", "¥1,280.00"));
    }

    @Test
    void shouldUseRecognizerArgsWhenKeywordLineHoldsTheSentence() {
      ParsedCommand c = only(body("改价：" + SEED));
      assertThat(c.keyword()).isEqualTo("改价");
      assertThat(c.args()).isEqualTo("20261128000123 880.00 account=100012345678 name=云帆科技");
    }

    @Test
    void shouldNotReadSentenceAsFieldWhenItFollowsAFieldsCommand() {
      ParsedCommands parsed = body("修改账户信息", "联系人: 张三", SEED);
      assertThat(names(parsed)).containsExactly("account.update", "price");
    }

    @Test
    void shouldReadSentenceFromSubjectWhenBodyIsEmpty() {
      ParsedCommand c = only(parser.parse("Re: [MD#abc] " + SEED, List.of("", "")));
      assertThat(c.spec().name()).isEqualTo("price");
      assertThat(c.fromSubject()).isTrue();
      assertThat(c.line()).isEqualTo(SEED);
    }
  }

  @Nested
  class Subject {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {
          "同意",
          "Re: 同意",
          "RE：同意",
          "re : 同意",
          "Fw: 同意",
          "FW: 同意",
          "Fwd: 同意",
          "回复: 同意",
          "回复：同意",
          "回覆：同意",
          "答复: 同意",
          "转发: 同意",
          "答覆：同意",
          "轉寄: 同意",
          "Re: Re: 回复：Fwd: 同意",
          "[MD#abc] 同意",
          "Re: [MD#k3J9x_-] 同意",
          "Re: 同意 [MD#abc]",
          "Re: [MD#abc] Re: 同意",
          "［MD#abc］ 同意",
        })
    void shouldReadSubjectWhenPrefixesAndTagsAreStripped(String subject) {
      ParsedCommand c = only(parser.parse(subject, List.of()));
      assertThat(c.spec().name()).isEqualTo("approve");
      assertThat(c.fromSubject()).isTrue();
      assertThat(c.line()).isEqualTo("同意");
    }

    @Test
    void shouldIgnoreSubjectWhenBodyHoldsACommand() {
      ParsedCommands parsed = parser.parse("Re: 同意", List.of("拒绝 价格过高"));
      assertThat(names(parsed)).containsExactly("reject");
      assertThat(parsed.commands().get(0).fromSubject()).isFalse();
    }

    @Test
    void shouldReadSubjectWhenBodyHasOnlyText() {
      ParsedCommand c = only(parser.parse("Re: [MD#x] approve", List.of("Looks good to me.")));
      assertThat(c.spec().name()).isEqualTo("approve");
      assertThat(c.language()).isEqualTo(Language.EN);
    }

    @Test
    void shouldReadArgsFromSubjectWhenKeywordHasArgs() {
      ParsedCommand c = only(parser.parse("Fwd: 订单详情：20261128000123", List.of()));
      assertThat(c.args()).isEqualTo("20261128000123");
    }

    @Test
    void shouldTakeBodyFieldsWhenSubjectIsAFieldsCommand() {
      ParsedCommand c =
          only(parser.parse("修改账户信息", List.of("您好，", "客服电话：400-000-0000", "", "联系人：张三", "谢谢合作")));
      assertThat(c.fromSubject()).isTrue();
      assertThat(c.fields()).containsExactly(entry("客服电话", "400-000-0000"), entry("联系人", "张三"));
    }

    @Test
    void shouldTakeBodyAsTextWhenSubjectIsAFreeTextCommand() {
      ParsedCommand c =
          only(parser.parse("Re: [MD#t] 拒绝", List.of("", "资质文件过期，", "请重新提交。", "")));
      assertThat(c.text()).isEqualTo("资质文件过期，\n请重新提交。");
      assertThat(c.args()).isEmpty();
    }

    @Test
    void shouldNotReadSubjectWhenItDoesNotStartWithKeyword() {
      ParsedCommands parsed = parser.parse("Re: 关于订单列表的问题", List.of());
      assertThat(parsed.commands()).isEmpty();
      assertThat(parsed.unrecognized()).isEqualTo("关于订单列表的问题");
    }

    @Test
    void shouldStripSubjectWhenAskedDirectly() {
      assertThat(CommandParser.stripSubject("RE: 回复： [MD#abc]  订单详情  1")).isEqualTo("订单详情 1");
      assertThat(CommandParser.stripSubject(null)).isEmpty();
      assertThat(CommandParser.stripSubject("Regarding help")).isEqualTo("Regarding help");
    }
  }

  @Nested
  class LanguageAndLeftovers {

    @Test
    void shouldAnswerInChineseWhenAnyCommandUsedAChineseKeyword() {
      ParsedCommands parsed = body("help", "订单列表");
      assertThat(parsed.language()).isEqualTo(Language.ZH);
      assertThat(parsed.commands()).extracting(ParsedCommand::language)
          .containsExactly(Language.EN, Language.ZH);
    }

    @Test
    void shouldAnswerInEnglishWhenOnlyEnglishKeywordsWereUsed() {
      assertThat(parser.parse("回复：你好", List.of("orders", "你好")).language())
          .isEqualTo(Language.EN);
    }

    @Test
    void shouldAnswerInChineseWhenNoCommandAndTextIsChinese() {
      assertThat(body("hello", "请问怎么用？").language()).isEqualTo(Language.ZH);
      assertThat(parser.parse("咨询", List.of("hello")).language()).isEqualTo(Language.ZH);
    }

    @Test
    void shouldAnswerInEnglishWhenNoCommandAndNoChinese() {
      assertThat(parser.parse("question", List.of("how does this work?")).language())
          .isEqualTo(Language.EN);
      assertThat(parser.parse(null, null).language()).isEqualTo(Language.EN);
    }

    @Test
    void shouldReportFirstNonBlankLineWhenNoCommandFound() {
      ParsedCommands parsed = parser.parse("Re: 问题", List.of("", "  请问怎么改价？  ", "谢谢"));
      assertThat(parsed.commands()).isEmpty();
      assertThat(parsed.unrecognized()).isEqualTo("请问怎么改价？");
    }

    @Test
    void shouldReportStrippedSubjectWhenBodyIsEmpty() {
      assertThat(parser.parse("Re: [MD#a] Hello there", List.of("", " ")).unrecognized())
          .isEqualTo("Hello there");
    }

    @Test
    void shouldCutUnrecognizedLineWhenLongerThanEightyCharacters() {
      String line = "请".repeat(100);
      assertThat(body(line).unrecognized()).hasSize(80);
      String emoji = "😀".repeat(100);
      assertThat(body(emoji).unrecognized()).isEqualTo("😀".repeat(80));
    }

    @Test
    void shouldReportNothingWhenCommandsWereFoundOrThereIsNoText() {
      assertThat(body("help", "what is this").unrecognized()).isNull();
      assertThat(parser.parse("Re: [MD#a]", List.of("", "")).unrecognized()).isNull();
      assertThat(parser.parse(null, null).commands()).isEmpty();
    }
  }

  @Nested
  class Limits {

    @Test
    void shouldKeepFirstCommandsAndFlagWhenOverLimit() {
      CommandParser small = new CommandParser(SPECS, 2);
      ParsedCommands parsed = small.parse("", List.of("help", "orders", "products", "account"));
      assertThat(names(parsed)).containsExactly("help", "orders");
      assertThat(parsed.overLimit()).isTrue();
      assertThat(parsed.unrecognized()).isNull();
    }

    @Test
    void shouldNotFlagWhenExactlyAtLimit() {
      CommandParser small = new CommandParser(SPECS, 2);
      assertThat(small.parse("", List.of("help", "orders")).overLimit()).isFalse();
    }

    @Test
    void shouldRefuseSpecsWhenAKeywordIsUsedTwice() {
      List<CommandSpec> clash =
          List.of(
              new CommandSpec("a", List.of("帮助"), List.of("help"), ANYONE, Body.NONE),
              new CommandSpec("b", List.of(), List.of("HELP"), ANYONE, Body.NONE));
      assertThatThrownBy(() -> new CommandParser(clash, 5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContainingAll("HELP", "a", "b");
    }

    @Test
    void shouldRefuseLimitWhenBelowOne() {
      assertThatThrownBy(() -> new CommandParser(SPECS, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
