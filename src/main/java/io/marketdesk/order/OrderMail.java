package io.marketdesk.order;

import io.marketdesk.config.Config;
import io.marketdesk.money.Money;
import java.util.List;

/**
 * The model of every order mail ({@code templates/mail/LANG/order-*.ftl} to buyers,
 * {@code provider-order-*.ftl} to providers). Immutable.
 *
 * @param remindAfter orders.remind-after (working days)
 * @param autoConfirmAfter orders.auto-confirm-after (days, 0 = never)
 * @param startWithin orders.start-within (days)
 * @param deadline a date the mail speaks of (auto-confirm day, start deadline), or ""
 * @param auto true when a timer did it (auto-confirm, automatic reminder)
 * @param reason a rejection or appeal reason, or ""
 * @param text a requirement form's text, or ""
 * @param status the order's state code; templates word it per reader with {@code msg(lang, "state.order." + status)}
 *     or {@code "state.order-buyer."}
 * @param resumed the state code an order resumed in after an appeal, or ""
 */
public record OrderMail(
    String orderNo,
    String productId,
    String productName,
    String price,
    String status,
    String buyerEmail,
    String companyName,
    String accountId,
    String serviceAddress,
    int remindAfter,
    int autoConfirmAfter,
    int startWithin,
    String deadline,
    boolean auto,
    String reason,
    String text,
    List<AttachmentLine> attachments,
    boolean refund,
    int rejections,
    String resumed,
    long reviewId) {

  public OrderMail {
    attachments = List.copyOf(attachments);
  }

  /** One attachment as a mail lists it. */
  public record AttachmentLine(String filename, String size, boolean stored) {}

  /** Builds the model of one mail about an order. Not thread-safe; one per mail. */
  public static final class Builder {
    private final Order o;
    private final String companyName;
    private final Config config;
    private String deadline = "";
    private boolean auto;
    private String reason = "";
    private String text = "";
    private List<AttachmentLine> attachments = List.of();
    private boolean refund;
    private OrderStatus resumed;
    private long reviewId;

    Builder(Order o, String companyName, Config config) {
      this.o = o;
      this.companyName = companyName;
      this.config = config;
      this.refund = o.refundFlag();
    }

    public Builder deadline(String d) {
      this.deadline = d == null ? "" : d;
      return this;
    }

    public Builder auto(boolean a) {
      this.auto = a;
      return this;
    }

    public Builder reason(String r) {
      this.reason = r == null ? "" : r;
      return this;
    }

    public Builder text(String t) {
      this.text = t == null ? "" : t;
      return this;
    }

    public Builder attachments(List<AttachmentLine> a) {
      this.attachments = a;
      return this;
    }

    public Builder refund(boolean r) {
      this.refund = r;
      return this;
    }

    public Builder resumed(OrderStatus s) {
      this.resumed = s;
      return this;
    }

    public Builder review(long id) {
      this.reviewId = id;
      return this;
    }

    public OrderMail build() {
      return new OrderMail(o.orderNo(), o.productId(), o.productName() == null ? o.productId() : o.productName(),
          Money.formatYuan(o.price()), o.status().code(), o.buyerEmail(), companyName, o.accountId(), config.mailAddress,
          config.remindAfterWorkingDays, config.autoConfirmAfterDays, config.startWithinDays, deadline, auto, reason, text,
          attachments, refund, o.rejections(), resumed == null ? "" : resumed.code(),
          reviewId);
    }
  }
}
