package io.marketdesk.account;

import io.marketdesk.identity.Provider;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The account fields of a provider (SPEC §1: company, customer-service and contact info), their
 * Chinese and English names as people write them in mail, and the rules their values follow. Used
 * by {@code 修改账户信息}, the onboarding API and the CLI, so that one rule holds everywhere.
 * Immutable and thread-safe.
 */
public final class AccountFields {
  /** One account field. */
  public enum Field {
    COMPANY_NAME("companyName", "公司名称", "Company name", Kind.TEXT, true, 200,
        List.of("公司名称", "公司名", "公司", "名称", "company name", "company", "companyname")),
    COMPANY_ADDRESS("companyAddress", "公司地址", "Company address", Kind.TEXT, true, 300,
        List.of("公司地址", "地址", "company address", "address", "companyaddress")),
    CREDIT_CODE("creditCode", "统一社会信用代码", "Credit code", Kind.CREDIT_CODE, true, 18,
        List.of("统一社会信用代码", "信用代码", "credit code", "unified social credit code", "uscc", "creditcode")),
    CS_PHONE("csPhone", "客服电话", "Service phone", Kind.PHONE, false, 50,
        List.of("客服电话", "service phone", "customer service phone", "cs phone", "csphone")),
    CS_EMAIL("csEmail", "客服邮箱", "Service email", Kind.EMAIL, false, 320,
        List.of("客服邮箱", "客服邮件", "service email", "customer service email", "cs email", "csemail")),
    CS_HOURS("csHours", "服务时间", "Service hours", Kind.TEXT, false, 100,
        List.of("服务时间", "客服时间", "service hours", "hours", "cs hours", "cshours")),
    CONTACT_NAME("contactName", "联系人", "Contact", Kind.TEXT, true, 100,
        List.of("联系人", "contact", "contact name", "contactname")),
    CONTACT_PHONE("contactPhone", "联系电话", "Contact phone", Kind.PHONE, true, 50,
        List.of("联系电话", "联系人电话", "contact phone", "phone", "contactphone")),
    CONTACT_EMAIL("contactEmail", "联系邮箱", "Contact email", Kind.EMAIL, true, 320,
        List.of("联系邮箱", "联系人邮箱", "contact email", "email", "contactemail"));

    public final String key;
    public final String labelZh;
    public final String labelEn;
    public final Kind kind;
    public final boolean required;
    public final int maxLength;
    final List<String> names;

    Field(String key, String labelZh, String labelEn, Kind kind, boolean required, int maxLength, List<String> names) {
      this.key = key;
      this.labelZh = labelZh;
      this.labelEn = labelEn;
      this.kind = kind;
      this.required = required;
      this.maxLength = maxLength;
      this.names = names;
    }

    /** The field's value on a provider. */
    public String of(Provider p) {
      switch (this) {
        case COMPANY_NAME:
          return p.companyName();
        case COMPANY_ADDRESS:
          return p.companyAddress();
        case CREDIT_CODE:
          return p.creditCode();
        case CS_PHONE:
          return p.csPhone();
        case CS_EMAIL:
          return p.csEmail();
        case CS_HOURS:
          return p.csHours();
        case CONTACT_NAME:
          return p.contactName();
        case CONTACT_PHONE:
          return p.contactPhone();
        default:
          return p.contactEmail();
      }
    }

    /** The database column. */
    public String column() {
      return key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
  }

  /** What a value must look like. */
  public enum Kind {
    TEXT,
    PHONE,
    EMAIL,
    CREDIT_CODE
  }

  /** One problem with one field, in both languages. */
  public record Problem(Field field, String zh, String en) {}

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,22}[0-9](?:\\s*(?:转|ext\\.?|x)\\s*[0-9]{1,6})?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
      + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+$");
  /** GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last a check character. */
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private AccountFields() {}

  /** The field a name written in a mail means (Chinese or English, any case and width), if any. */
  public static Optional<Field> byName(String name) {
    String n = norm(name);
    for (Field f : Field.values()) {
      for (String alias : f.names) {
        if (norm(alias).equals(n)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  static String norm(String s) {
    return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
        .replaceAll("[\\s_\\-]+", " ");
  }

  /**
   * Cleans a value as it will be stored: NFKC (full-width digits and {@code ＠} become ASCII),
   * trimmed; the credit code upper-cased, an email lower-cased.
   */
  public static String clean(Field f, String value) {
    String v = Normalizer.normalize(value == null ? "" : value, Normalizer.Form.NFKC).trim().replaceAll("\\s+", " ");
    if (f.kind == Kind.CREDIT_CODE) {
      return v.replace(" ", "").toUpperCase(Locale.ROOT);
    }
    if (f.kind == Kind.EMAIL) {
      return v.toLowerCase(Locale.ROOT);
    }
    return v;
  }

  /** The problem with one (cleaned) value, or null when it is fine. Empty is a problem for a required field. */
  public static Problem check(Field f, String v) {
    if (v.isEmpty()) {
      return f.required
          ? new Problem(f, f.labelZh + "不能为空。", f.labelEn + " must not be empty.")
          : null;
    }
    if (v.length() > f.maxLength && f.kind != Kind.CREDIT_CODE) {
      return new Problem(f, f.labelZh + "太长（最多 " + f.maxLength + " 个字符）。",
          f.labelEn + " is too long (at most " + f.maxLength + " characters).");
    }
    switch (f.kind) {
      case PHONE:
        if (!PHONE.matcher(v).matches()) {
          return new Problem(f, f.labelZh + "“" + v + "”不是有效的电话号码，例如 400-800-1234、010-12345678 或 13800138000。",
              f.labelEn + " \"" + v + "\" is not a phone number; for example 400-800-1234, 010-12345678 or 13800138000.");
        }
        return null;
      case EMAIL:
        if (!EMAIL.matcher(v).matches()) {
          return new Problem(f, f.labelZh + "“" + v + "”不是有效的邮箱地址，例如 service@example.com。",
              f.labelEn + " \"" + v + "\" is not an email address; for example service@example.com.");
        }
        return null;
      case CREDIT_CODE:
        return creditCodeProblem(f, v);
      default:
        return null;
    }
  }

  private static Problem creditCodeProblem(Field f, String v) {
    if (v.length() != 18) {
      return new Problem(f, f.labelZh + "应为 18 位（现在是 " + v.length() + " 位）。",
          f.labelEn + " must have 18 characters (it has " + v.length() + ").");
    }
    for (int i = 0; i < 18; i++) {
      if (CREDIT_ALPHABET.indexOf(v.charAt(i)) < 0) {
        return new Problem(f, f.labelZh + "第 " + (i + 1) + " 位“" + v.charAt(i) + "”不是允许的字符（数字和除 I、O、S、V、Z 以外的大写字母）。",
            f.labelEn + ": character " + (i + 1) + " \"" + v.charAt(i)
                + "\" is not allowed (digits and capital letters except I, O, S, V, Z).");
      }
    }
    if (checkChar(v) != v.charAt(17)) {
      return new Problem(f, f.labelZh + "“" + v + "”的校验位不对，请核对营业执照上的代码。",
          f.labelEn + " \"" + v + "\" has a wrong check character; please copy it again from the business licence.");
    }
    return null;
  }

  /** The GB 32100-2015 check character of the first 17 characters. */
  static char checkChar(String code) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_ALPHABET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return CREDIT_ALPHABET.charAt(c == 31 ? 0 : c);
  }

  /** The values of a provider, by field, in field order. */
  public static Map<Field, String> values(Provider p) {
    Map<Field, String> m = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      m.put(f, f.of(p) == null ? "" : f.of(p));
    }
    return m;
  }

  /** Every problem of a complete set of values (onboarding), in field order. */
  public static List<Problem> checkAll(Map<Field, String> values) {
    List<Problem> out = new ArrayList<>();
    for (Field f : Field.values()) {
      Problem p = check(f, values.getOrDefault(f, ""));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
