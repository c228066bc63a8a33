package io.marketdesk.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service types of the console guide (服务类型). The code is what the store and the API use; a mail may
 * name a type in Chinese or English. Image services are reviewed in 7 working days, the others in 3
 * (docs/reviews.md).
 */
public enum ProductType {
  OPS("ops", 3),
  SOFTWARE("software", 3),
  IMAGE("image", 7),
  SAAS("saas", 3);

  private final String code;
  private final int reviewDays;

  ProductType(String code, int reviewDays) {
    this.code = code;
    this.reviewDays = reviewDays;
  }

  public String code() {
    return code;
  }

  /** The message-catalog key of this type's name ({@code type.ops} = 运维服务 / ops service). */
  public String labelKey() {
    return "type." + code;
  }

  /** Working days of the review of a version of this type. */
  public int reviewDays() {
    return reviewDays;
  }

  public static ProductType ofCode(String code) {
    for (ProductType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown product type " + code);
  }

  /**
   * Reads a type as a person writes it: 运维服务/运维/ops/ops service, 软件服务/软件/software,
   * 镜像服务/镜像/image, SaaS/saas; case, width and spaces do not matter.
   */
  /**
   * Reads a type a person wrote: its code, or any of the words of {@code words.type.CODE} in any
   * language's message file (运维服务, 运维, ops service …).
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  public static Optional<ProductType> parse(String text, Function<String, List<String>> words) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT).replaceAll("\s+", " ");
    for (ProductType t : values()) {
      if (t.code.equals(s) || words.apply("words.type." + t.code).contains(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
