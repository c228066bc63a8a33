package io.marketdesk.feature;

import io.marketdesk.template.Catalog;
import java.util.List;

/**
 * The words and {@code mailto:} links of a feature's {@link PersonalSection} in one language: a
 * catalog text, the keyword a link writes for a command, a command link, and the approve / reject
 * links of a review an operator decides. Immutable.
 */
public record SectionWords(Catalog catalog, String serviceAddress, String lang) {

  /** The text of catalog key {@code key} in the section's language. */
  public String t(String key, Object... args) {
    return catalog.text(lang, key, args);
  }

  /** The first keyword of catalog key {@code keyword.COMMAND}, the one a link writes. */
  public String keyword(String command) {
    return t("keyword." + command).split("\\|")[0].strip();
  }

  /** A link that writes {@code command}, then {@code more} on the next lines (null: nothing more). */
  public PersonalSection.Action action(String label, String command, String more) {
    return PersonalSection.action(serviceAddress, label, command, more);
  }

  /** The operator's two links on review {@code id}: approve and reject. */
  public List<PersonalSection.Action> decide(long id) {
    return List.of(action(t("me.21"), t("me.review.approve", "id", id), null),
        action(t("me.22"), t("me.review.reject", "id", id), null));
  }
}
