package io.marketdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.testing.CatalogWords;
import org.junit.jupiter.api.Test;

class AccountFieldsTest {
  @Test
  void shouldAcceptRealCreditCodeWhenCheckCharacterMatches() {
    assertThat(AccountFields.check(Field.CREDIT_CODE, "91440300708461136T")).isNull();
    assertThat(AccountFields.checkChar("91310115MA1K4XXX1")).isEqualTo('9');
  }

  @Test
  void shouldRefuseCreditCodeWhenLengthCharacterOrCheckIsWrong() {
    assertThat(CatalogWords.text("en", AccountFields.check(Field.CREDIT_CODE, "9144030070846113").reason())).contains("18 characters");
    assertThat(CatalogWords.text("en", AccountFields.check(Field.CREDIT_CODE, "91440300708461136I").reason())).contains("character 18");
    assertThat(CatalogWords.text("en", AccountFields.check(Field.CREDIT_CODE, "91440300708461136A").reason())).contains("check character");
  }

  @Test
  void shouldCleanFullWidthValuesBeforeChecking() {
    assertThat(AccountFields.clean(Field.CREDIT_CODE, " ９１４４０３００７０８４６１１３６ｔ ")).isEqualTo("91440300708461136T");
    assertThat(AccountFields.clean(Field.CS_EMAIL, "Service＠Example.COM")).isEqualTo("service@example.com");
  }

  @Test
  void shouldCheckPhonesAndEmails() {
    assertThat(AccountFields.check(Field.CS_PHONE, "400-800-1234")).isNull();
    assertThat(AccountFields.check(Field.CS_PHONE, "+86 (21) 5555 1234")).isNull();
    assertThat(AccountFields.check(Field.CONTACT_PHONE, "13800138000")).isNull();
    assertThat(AccountFields.check(Field.CONTACT_PHONE, "010-12345678 转 801")).isNull();
    assertThat(AccountFields.check(Field.CONTACT_PHONE, "call me")).isNotNull();
    assertThat(AccountFields.check(Field.CS_EMAIL, "a@b")).isNotNull();
    assertThat(AccountFields.check(Field.CS_EMAIL, "support@provider-a.test")).isNull();
  }

  @Test
  void shouldRequireRequiredFieldsAndAllowClearingOptionalOnes() {
    assertThat(AccountFields.check(Field.CONTACT_NAME, "")).isNotNull();
    assertThat(AccountFields.check(Field.CS_HOURS, "")).isNull();
  }

  @Test
  void shouldKnowFieldsByChineseAndEnglishNames() {
    assertThat(AccountFields.byName("客服电话", CatalogWords.WORDS)).contains(Field.CS_PHONE);
    assertThat(AccountFields.byName("Service  Phone", CatalogWords.WORDS)).contains(Field.CS_PHONE);
    assertThat(AccountFields.byName("统一社会信用代码", CatalogWords.WORDS)).contains(Field.CREDIT_CODE);
    assertThat(AccountFields.byName("contact_email", CatalogWords.WORDS)).contains(Field.CONTACT_EMAIL);
    assertThat(AccountFields.byName("fax", CatalogWords.WORDS)).isEmpty();
    assertThat(Field.CS_PHONE.column()).isEqualTo("cs_phone");
    assertThat(Field.COMPANY_NAME.column()).isEqualTo("company_name");
  }
}
