package io.marketdesk.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsWrittenTest {

  @Test
  void shouldGiveBackFullWidthPunctuationAsWritten() {
    assertThat(AsWritten.tail("验收不通过 20261128000123 报表打不开，登录后白屏；请尽快修复！", "报表打不开,登录后白屏;请尽快修复!"))
        .isEqualTo("报表打不开，登录后白屏；请尽快修复！");
  }

  @Test
  void shouldKeepFullWidthLettersAndSpacesAsWrittenWhenTheKeywordWasFullWidth() {
    assertThat(AsWritten.tail("ＲＥＪＥＣＴ　资质不全，请补充。", "资质不全,请补充。")).isEqualTo("资质不全，请补充。");
  }

  @Test
  void shouldFallBackToTheNormalisedTextWhenTheLineDoesNotEndWithIt() {
    assertThat(AsWritten.tail("something else", "reason")).isEqualTo("reason");
    assertThat(AsWritten.tail(null, " reason ")).isEqualTo("reason");
    assertThat(AsWritten.tail("x", "")).isEmpty();
  }
}
