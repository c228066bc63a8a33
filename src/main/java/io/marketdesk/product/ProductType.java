package io.marketdesk.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The service types of the seed (服务类型). The code is what the store and the API use; a mail may
 * name a type in Chinese or English. Image services are reviewed in 7 working days, the others in 3
 * (seed Q&amp;A 2).
 */
public enum ProductType {
  OPS("ops", "运维服务", "ops service", 3),
  SOFTWARE("software", "软件服务", "software", 3),
  IMAGE("image", "镜像服务", "image", 7),
  SAAS("saas", "SaaS", "SaaS", 3);

  private final String code;
  private final String zh;
  private final String en;
  private final int reviewDays;

  ProductType(String code, String zh, String en, int reviewDays) {
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.reviewDays = reviewDays;
  }

  public String code() {
    return code;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public String label(boolean zhLang) {
    return zhLang ? zh : en;
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
  public static Optional<ProductType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    switch (s) {
      case "运维服务":
      case "运维":
      case "ops":
      case "ops service":
      case "operations":
        return Optional.of(OPS);
      case "软件服务":
      case "软件":
      case "software":
      case "software service":
        return Optional.of(SOFTWARE);
      case "镜像服务":
      case "镜像":
      case "image":
      case "image service":
        return Optional.of(IMAGE);
      case "saas":
      case "saas服务":
      case "saas 服务":
      case "saas service":
        return Optional.of(SAAS);
      default:
        return Optional.empty();
    }
  }
}
