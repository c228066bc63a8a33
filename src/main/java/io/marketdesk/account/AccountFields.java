package io.marketdesk.account;

import io.marketdesk.text.Message;
import io.marketdesk.identity.Provider;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The account fields of a provider (docs/accounts.md: company, customer-service and contact info), their
 * Chinese and English names as people write them in mail, and the rules their values follow. Used
 * by {@code 修改账户信息}, the onboarding API and the CLI, so that one rule holds everywhere.
 * Immutable and thread-safe.
 */
public final class AccountFields {
  /** One account field. */
  public enum Field {
    COMPANY_NAME("companyName", Kind.TEXT, true, 200),
    COMPANY_ADDRESS("companyAddress", Kind.TEXT, true, 300),
    CREDIT_CODE("creditCode", Kind.CREDIT_CODE, true, 18),
    CS_PHONE("csPhone", Kind.PHONE, false, 50),
    CS_EMAIL("csEmail", Kind.EMAIL, false, 320),
    CS_HOURS("csHours", Kind.TEXT, false, 100),
    CONTACT_NAME("contactName", Kind.TEXT, true, 100),
    CONTACT_PHONE("contactPhone", Kind.PHONE, true, 50),
    CONTACT_EMAIL("contactEmail", Kind.EMAIL, true, 320);

    public final String key;
    public final Kind kind;
    public final boolean required;
    public final int maxLength;

    Field(String key, Kind kind, boolean required, int maxLength) {
      this.key = key;
      this.kind = kind;
      this.required = required;
      this.maxLength = maxLength;
    }

    /** The message-catalog key of this field's label ({@code field.account.csPhone} = 客服电话). */
    public String labelKey() {
      return "field.account." + key;
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
  /** What is wrong with a field's value, worded by the reader's language. */
  public record Problem(Field field, Message reason) {}

  /** A phone number, with an extension after "ext", "x" or the Chinese 转 (U+8F6C). */
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,22}[0-9](?:\\s*(?:\\u8F6C|ext\\.?|x)\\s*[0-9]{1,6})?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
      + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+$");
  /** GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last a check character. */
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private AccountFields() {}

  /** The field a name written in a mail means (Chinese or English, any case and width), if any. */
  /**
   * The field a person named: its key ({@code csPhone}, {@code cs_phone}) or any of the words of
   * {@code words.field.account.KEY} in any language's message file (客服电话, service phone …).
   *
   * @param words the words of a catalog key in every language
   */
  public static Optional<Field> byName(String name, Function<String, List<String>> words) {
    String n = norm(name);
    for (Field f : Field.values()) {
      if (norm(f.key).replace(" ", "").equals(n.replace(" ", ""))) {
        return Optional.of(f);
      }
      for (String alias : words.apply("words.field.account." + f.key)) {
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
          ? problem(f, "empty")
          : null;
    }
    if (v.length() > f.maxLength && f.kind != Kind.CREDIT_CODE) {
      return problem(f, "too-long", "max", f.maxLength);
    }
    switch (f.kind) {
      case PHONE:
        if (!PHONE.matcher(v).matches()) {
          return problem(f, "phone", "value", v);
        }
        return null;
      case EMAIL:
        if (!EMAIL.matcher(v).matches()) {
          return problem(f, "email", "value", v);
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
      return problem(f, "credit-length", "length", v.length());
    }
    for (int i = 0; i < 18; i++) {
      if (CREDIT_ALPHABET.indexOf(v.charAt(i)) < 0) {
        return problem(f, "credit-char", "position", i + 1, "char", String.valueOf(v.charAt(i)));
      }
    }
    if (checkChar(v) != v.charAt(17)) {
      return problem(f, "credit-check", "value", v);
    }
    return null;
  }

  /** The GB 32100-2015 check character of the first 17 characters. */
  private static Problem problem(Field f, String kind, Object... args) {
    Object[] all = new Object[args.length + 2];
    all[0] = "field";
    all[1] = Message.of(f.labelKey());
    System.arraycopy(args, 0, all, 2, args.length);
    return new Problem(f, Message.of("account-field." + kind, all));
  }

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
