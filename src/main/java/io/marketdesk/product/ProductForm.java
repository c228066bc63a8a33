package io.marketdesk.product;

import io.marketdesk.money.Money;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the field lines of {@code 新建商品}, {@code 修改商品} and {@code 上架商品} into a product's
 * content, with one clear error per bad field. A parse result is a value: the content, or the errors.
 *
 * <pre>
 * 名称 / 商品名称 / name              1 to 100 characters
 * 服务类型 / 类型 / type             运维服务 | 软件服务 | 镜像服务 | SaaS  (ops | software | image | saas)
 * 价格 / price                       an amount &gt; 0 (Money rules: ¥, 元, RMB, 1,280.50)
 * 计费单位 / 单位 / unit             1 to 20 characters: 次, 月, 年, 套...
 * 简介 / summary                     1 to 500 characters
 * 详情 / 描述 / description          1 to 10000 characters, may go on over several lines
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class ProductForm {
  static final int MAX_NAME = 100;
  static final int MAX_UNIT = 20;
  static final int MAX_SUMMARY = 500;
  static final int MAX_DESCRIPTION = 10_000;

  /** The fields in the order they are shown, with their names as written in mails. */
  public enum Field {
    NAME("name", "名称", "name", List.of("名称", "商品名称", "name", "product name")),
    TYPE("type", "服务类型", "type", List.of("服务类型", "类型", "type", "service type")),
    PRICE("price", "价格", "price", List.of("价格", "price")),
    UNIT("unit", "计费单位", "unit", List.of("计费单位", "单位", "unit")),
    SUMMARY("summary", "简介", "summary", List.of("简介", "summary")),
    DESCRIPTION("description", "详情", "description", List.of("详情", "描述", "description", "details"));

    private final String key;
    private final String zh;
    private final String en;
    private final List<String> names;

    Field(String key, String zh, String en, List<String> names) {
      this.key = key;
      this.zh = zh;
      this.en = en;
      this.names = names;
    }

    public String key() {
      return key;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }

    String label(boolean zhLang) {
      return zhLang ? zh + "（" + en + "）" : en + " (" + zh + ")";
    }

    static Optional<Field> named(String written) {
      String n = Normalizer.normalize(written, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
          .replaceAll("\\s+", " ");
      for (Field f : values()) {
        if (f.names.contains(n)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * What the fields came to.
   *
   * @param content the resulting content (the base with the given fields applied), or null on errors
   * @param given the fields the mail set
   * @param errors one line per bad field; empty when fine
   */
  public record Result(ProductContent content, Set<Field> given, List<String> errors) {
    public Result {
      given = Set.copyOf(given);
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private ProductForm() {}

  /**
   * Reads fields over a base.
   *
   * @param fields the command's fields (keys lower-cased)
   * @param base the content the fields change, or null for a new product (then every field is
   *     required)
   */
  public static Result read(Map<String, String> fields, ProductContent base, boolean zh) {
    return read(fields, base, zh, key -> List.of());
  }

  /**
   * Reads a form, the type also by the words people write for it ({@code words.type.CODE} in the
   * message files: 运维服务, ops service …).
   */
  public static Result read(Map<String, String> fields, ProductContent base, boolean zh,
      java.util.function.Function<String, List<String>> words) {
    List<String> errors = new ArrayList<>();
    Map<Field, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      Optional<Field> f = Field.named(e.getKey());
      if (f.isEmpty()) {
        errors.add(zh ? "不认识的字段“" + e.getKey() + "”。可用的字段：名称、服务类型、价格、计费单位、简介、详情。"
            : "Unknown field \"" + e.getKey() + "\". The fields are: name, type, price, unit, summary, description.");
      } else {
        values.put(f.get(), e.getValue() == null ? "" : e.getValue().strip());
      }
    }
    if (base == null) {
      for (Field f : Field.values()) {
        if (!values.containsKey(f)) {
          errors.add(zh ? "缺少字段 " + f.label(true) + "。" : "The field " + f.label(false) + " is missing.");
        }
      }
    }
    ProductType type = base == null ? null : base.type();
    String name = base == null ? null : base.name();
    long price = base == null ? 0 : base.price();
    String unit = base == null ? null : base.unit();
    String summary = base == null ? null : base.summary();
    String description = base == null ? null : base.description();
    for (Map.Entry<Field, String> e : values.entrySet()) {
      Field f = e.getKey();
      String v = e.getValue();
      switch (f) {
        case NAME:
          name = text(f, v, MAX_NAME, false, zh, errors);
          break;
        case TYPE:
          Optional<ProductType> t = ProductType.parse(v, words);
          if (t.isEmpty()) {
            errors.add(zh ? "服务类型“" + v + "”不认识，请写 运维服务、软件服务、镜像服务 或 SaaS。"
                : "The type \"" + v + "\" is not known; write ops, software, image or saas.");
          } else {
            type = t.get();
          }
          break;
        case PRICE:
          Optional<Long> p = Money.parseMinor(v);
          if (p.isEmpty()) {
            errors.add(zh ? "价格“" + v + "”不是金额，请写如 880 或 ¥1,280.50（最多两位小数）。"
                : "The price \"" + v + "\" is not an amount; write for example 880 or 1,280.50 (at most 2 decimals).");
          } else if (p.get() <= 0) {
            errors.add(zh ? "价格必须大于 0。" : "The price must be more than 0.");
          } else {
            price = p.get();
          }
          break;
        case UNIT:
          unit = text(f, v, MAX_UNIT, false, zh, errors);
          break;
        case SUMMARY:
          summary = text(f, v, MAX_SUMMARY, false, zh, errors);
          break;
        default:
          description = text(f, v, MAX_DESCRIPTION, true, zh, errors);
          break;
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, values.keySet(), errors);
    }
    return new Result(new ProductContent(type, name, price, unit, summary, description), values.keySet(), errors);
  }

  private static String text(Field f, String v, int max, boolean multiline, boolean zh, List<String> errors) {
    int len = v.codePointCount(0, v.length());
    if (len == 0) {
      errors.add(zh ? f.label(true) + "不能为空。" : "The " + f.label(false) + " must not be empty.");
      return null;
    }
    if (len > max) {
      errors.add(zh ? f.label(true) + "最多 " + max + " 个字，现有 " + len + " 个。"
          : "The " + f.label(false) + " may have at most " + max + " characters; it has " + len + ".");
      return null;
    }
    if (!multiline && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
      errors.add(zh ? f.label(true) + "只能写一行。" : "The " + f.label(false) + " must be one line.");
      return null;
    }
    if (v.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      errors.add(zh ? f.label(true) + "含有控制字符。" : "The " + f.label(false) + " holds control characters.");
      return null;
    }
    return v;
  }

  /** The changed fields of {@code after} against {@code before} (null: every field is new). */
  public static List<Field> diff(ProductContent before, ProductContent after) {
    List<Field> out = new ArrayList<>();
    for (Field f : Field.values()) {
      if (before == null || !value(before, f, ProductType::code).equals(value(after, f, ProductType::code))) {
        out.add(f);
      }
    }
    return out;
  }

  /** A field's value as shown in mails and replies. */
  public static String value(ProductContent c, Field f, java.util.function.Function<ProductType, String> typeName) {
    if (c == null) {
      return "";
    }
    switch (f) {
      case NAME:
        return c.name();
      case TYPE:
        return typeName.apply(c.type());
      case PRICE:
        return Money.formatYuan(c.price());
      case UNIT:
        return c.unit();
      case SUMMARY:
        return c.summary();
      default:
        return c.description();
    }
  }
}
