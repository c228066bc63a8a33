package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.text.Language;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import java.util.Map;

/**
 * One changed field of a review, old beside new, for the review mail and pages. Immutable.
 *
 * @param field a stable field key (name, price...)
 * @param labelZh the Chinese field label
 * @param labelEn the English field label
 * @param before the live value ("" when new)
 * @param after the proposed value
 * @param beforeEn the old value as English readers read it when it is a word (a state label), else null
 * @param afterEn the new value as English readers read it when it is a word, else null
 * @param labelKey the catalog key of the label, so that each reader reads it in their language
 *     (null in older rows: then labelZh or labelEn)
 * @param beforeWords the old value as the catalog message it is made of (JSON), when it is words
 *     (a state label), worded for each reader; else null
 * @param afterWords the new value as a catalog message (JSON) when it is words, else null
 */
public record Change(String field, String labelZh, String labelEn, String before, String after, String beforeEn,
    String afterEn, String labelKey, String beforeWords, String afterWords) {

  /** A change whose values read the same in every language. */
  public Change(String field, String labelZh, String labelEn, String before, String after) {
    this(field, labelZh, labelEn, before, after, null, null, null, null, null);
  }

  /** A change whose words are given in Chinese and English, with no catalog key for its label. */
  public Change(String field, String labelZh, String labelEn, String before, String after, String beforeEn,
      String afterEn) {
    this(field, labelZh, labelEn, before, after, beforeEn, afterEn, null, null, null);
  }

  /** This change with the catalog key of its label. */
  public Change labelled(String key) {
    return new Change(field, labelZh, labelEn, before, after, beforeEn, afterEn, key, beforeWords, afterWords);
  }

  /**
   * A change whose values are words (state labels, a decision in words): kept as the messages they
   * are made of, worded for each reader (zh and en kept too, for older readers of the row). A null
   * {@code before} makes it context.
   */
  public static Change words(CommandContext ctx, String field, Message before,
      Message after) {
    return words(ctx.mailer().catalog(), field, before, after);
  }

  /** {@link #words(io.marketdesk.command.CommandContext, String, io.marketdesk.text.Message, io.marketdesk.text.Message)} without a mail. */
  public static Change words(Catalog catalog, String field, Message before,
      Message after) {
    String zh = Language.ZH.code();
    String en = Language.EN.code();
    return new Change(field, catalog.text(zh, "change." + field), catalog.text(en, "change." + field),
        before == null ? null : catalog.text(zh, before.key(), args(before)), catalog.text(zh, after.key(), args(after)),
        before == null ? null : catalog.text(en, before.key(), args(before)), catalog.text(en, after.key(), args(after)),
        "change." + field, before == null ? null : MessageJson.write(before), MessageJson.write(after));
  }

  private static Object[] args(Message m) {
    Object[] out = new Object[m.args().size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> e : m.args().entrySet()) {
      out[i++] = e.getKey();
      out[i++] = e.getValue();
    }
    return out;
  }

  /** The old value for English readers. */
  public String beforeInEnglish() {
    return beforeEn != null ? beforeEn : before;
  }

  /** The new value for English readers. */
  public String afterInEnglish() {
    return afterEn != null ? afterEn : after;
  }

  /**
   * A change whose labels are the catalog's {@code change.FIELD} in Chinese and English. A null
   * {@code before} makes it context (the order a request is about, its reason), shown as a value,
   * not as a change.
   */
  public static Change of(CommandContext ctx, String field, String before, String after) {
    return of(ctx.mailer().catalog(), field, before, after);
  }

  /** {@link #of(io.marketdesk.command.CommandContext, String, String, String)} without a mail. */
  public static Change of(Catalog catalog, String field, String before, String after) {
    return new Change(field, catalog.text(Language.ZH.code(), "change." + field),
        catalog.text(Language.EN.code(), "change." + field), before, after).labelled("change." + field);
  }

  /** True when this is context rather than a change. */
  public boolean context() {
    return before == null;
  }
}
