package io.marketdesk.product;

import io.marketdesk.text.Coded;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service types of the console guide (服务类型). The code is what the store and the API use; a mail may
 * name a type in Chinese or English (codes, labels {@code type.CODE} and words: {@link Coded}).
 * Image services are reviewed in 7 working days, the others in 3 (docs/reviews.md).
 */
public enum ProductType implements Coded {
  OPS(3),
  SOFTWARE(3),
  IMAGE(7),
  SAAS(3);

  private final int reviewDays;

  ProductType(int reviewDays) {
    this.reviewDays = reviewDays;
  }

  @Override
  public String labelPrefix() {
    return "type.";
  }

  /** Working days of the review of a version of this type. */
  public int reviewDays() {
    return reviewDays;
  }

  public static ProductType ofCode(String code) {
    return Coded.ofCode(ProductType.class, code);
  }

  /** Reads a type as written: 运维服务/运维/ops/ops service, 软件服务/软件/software, 镜像/image, SaaS. */
  public static Optional<ProductType> parse(String text, Function<String, List<String>> words) {
    return Coded.parse(ProductType.class, text, words);
  }
}
