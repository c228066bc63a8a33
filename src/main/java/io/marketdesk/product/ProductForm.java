package io.marketdesk.product;

import io.marketdesk.text.Message;
import io.marketdesk.money.Money;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    NAME("name"),
    TYPE("type"),
    PRICE("price"),
    UNIT("unit"),
    SUMMARY("summary"),
    DESCRIPTION("description");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The message-catalog key of this field's label ({@code field.product.name} = 名称 / name). */
    public String labelKey() {
      return "field.product." + key;
    }

    /** The field a person named: its key, or any of the words of {@code words.field.product.KEY}. */
    static Optional<Field> named(String written, Function<String, List<String>> words) {
      String n = Normalizer.normalize(written, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
          .replaceAll("\\s+", " ");
      for (Field f : values()) {
        if (f.key.equals(n) || words.apply("words.field.product." + f.key).contains(n)) {
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
   * @param errors one message per bad field; empty when fine
   */
  public record Result(ProductContent content, Set<Field> given, List<Message> errors) {
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
   * @param words the words of a catalog key in every language (field names, types)
   */
  public static Result read(Map<String, String> fields, ProductContent base,
      Function<String, List<String>> words) {
    List<Message> errors = new ArrayList<>();
    Map<Field, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      Optional<Field> f = Field.named(e.getKey(), words);
      if (f.isEmpty()) {
        errors.add(Message.of("product-form.unknown-field", "name", e.getKey()));
      } else {
        values.put(f.get(), e.getValue() == null ? "" : e.getValue().strip());
      }
    }
    if (base == null) {
      for (Field f : Field.values()) {
        if (!values.containsKey(f)) {
          errors.add(Message.of("product-form.missing", "field", Message.of(f.labelKey())));
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
          name = text(f, v, MAX_NAME, false, errors);
          break;
        case TYPE:
          Optional<ProductType> t = ProductType.parse(v, words);
          if (t.isEmpty()) {
            errors.add(Message.of("product-form.type", "value", v));
          } else {
            type = t.get();
          }
          break;
        case PRICE:
          Optional<Long> p = Money.parseMinor(v);
          if (p.isEmpty()) {
            errors.add(Message.of("product-form.price", "value", v));
          } else if (p.get() <= 0) {
            errors.add(Message.of("product-form.price-zero"));
          } else {
            price = p.get();
          }
          break;
        case UNIT:
          unit = text(f, v, MAX_UNIT, false, errors);
          break;
        case SUMMARY:
          summary = text(f, v, MAX_SUMMARY, false, errors);
          break;
        default:
          description = text(f, v, MAX_DESCRIPTION, true, errors);
          break;
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, values.keySet(), errors);
    }
    return new Result(new ProductContent(type, name, price, unit, summary, description), values.keySet(), errors);
  }

  private static String text(Field f, String v, int max, boolean multiline, List<Message> errors) {
    Message label = Message.of(f.labelKey());
    int len = v.codePointCount(0, v.length());
    if (len == 0) {
      errors.add(Message.of("product-form.empty", "field", label));
      return null;
    }
    if (len > max) {
      errors.add(Message.of("product-form.too-long", "field", label, "max", max, "length", len));
      return null;
    }
    if (!multiline && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
      errors.add(Message.of("product-form.one-line", "field", label));
      return null;
    }
    if (v.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      errors.add(Message.of("product-form.control", "field", label));
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
  public static String value(ProductContent c, Field f, Function<ProductType, String> typeName) {
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
