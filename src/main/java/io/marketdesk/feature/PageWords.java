package io.marketdesk.feature;

import io.marketdesk.text.Dates;
import io.marketdesk.command.Keywords;
import io.marketdesk.text.Language;
import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What every section of the personal page writes the same way: its words from the message catalog,
 * times in the service's zone, amounts, and the {@code mailto:} actions. An action names the command
 * it is meant to send, and its line starts with that command's first keyword in the page's language,
 * read from the same {@code keyword.*} entries the command parser reads (docs/languages.md), so that
 * a link always parses back to its command. Immutable; thread-safe.
 */
public final class PageWords {
  private final Catalog catalog;
  private final Keywords keywords;
  private final String serviceAddress;
  private final DateTimeFormatter minutes;
  private final DateTimeFormatter days;

  public PageWords(Catalog catalog, String serviceAddress, ZoneId zone) {
    this.catalog = catalog;
    this.keywords = new Keywords(catalog);
    this.serviceAddress = serviceAddress;
    this.minutes = Dates.MINUTE.withZone(zone);
    this.days = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Where the links' mails go. */
  public String serviceAddress() {
    return serviceAddress;
  }

  /** A message of the catalog in {@code lang}, its arguments by name. */
  public String text(String lang, String key, Object... args) {
    return catalog.text(lang, key, args);
  }

  /** The label of a stored state or kind ({@code state.order.} + {@code paid}); the value as stored when unknown. */
  public String label(String lang, String prefix, String value) {
    return value != null && catalog.has(lang, prefix + value) ? catalog.text(lang, prefix + value) : String.valueOf(value);
  }

  /** A moment to the minute ({@code 2026-01-01 09:30}). */
  public String time(long millis) {
    return minutes.format(Instant.ofEpochMilli(millis));
  }

  /** The last day before a deadline (a review due at midnight is due the day before). */
  public String dueDay(long dueAtMillis) {
    return days.format(Instant.ofEpochMilli(dueAtMillis - 1));
  }

  /** An amount in yuan as the pages show it ({@code ¥1,000.00}). */
  public static String yuan(long minor) {
    return "¥" + Money.format(minor);
  }

  /** The first keyword of {@code command} in {@code lang}, as the parser reads it; the command's name when none. */
  public String keyword(String lang, String command) {
    List<String> words = keywords.words(Language.of(lang), command);
    return words.isEmpty() ? command : words.get(0);
  }

  /**
   * A link that writes {@code command} with its arguments, as subject and as the body's first line,
   * then {@code more} lines in the body when not null.
   *
   * @param args what follows the keyword on the line; a trailing space is kept in the body so that
   *     the person types on after it
   */
  public PersonalSection.Action command(String lang, String label, String command, String args, String more) {
    String line = keyword(lang, command) + (args.isEmpty() ? "" : " " + args);
    return new PersonalSection.Action(label, Mailto.of(serviceAddress, line.strip(), more == null ? line : line + "\n" + more),
        command);
  }

  /** The links of an operator's decision on review {@code id}: approve, and reject with a reason to type. */
  public List<PersonalSection.Action> decide(String lang, long id) {
    return List.of(
        command(lang, text(lang, "me.21"), "review.decide", id + " " + keyword(lang, "review.approve"), null),
        command(lang, text(lang, "me.22"), "review.decide", id + " " + keyword(lang, "review.reject") + " ", null));
  }

  /** A link with its own subject and body (a mail worded for a person to read, such as a price change request). */
  public PersonalSection.Action mail(String label, String command, String subject, String body) {
    return new PersonalSection.Action(label, Mailto.of(serviceAddress, subject, body), command);
  }
}
