package io.marketdesk.feature;

import io.marketdesk.command.Actor;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A part of the personal page ({@code /me}) that a feature contributes from its own tables and in
 * its own words (refunds, settlement statements), so that the page queries no other feature's table.
 * Like the rest of the page it only shows: every action is a {@code mailto:} link with the command
 * written in. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PersonalSection {
  /** One titled table of the page, already worded in the page's language. */
  record Table(String id, String title, List<String> headings, List<Row> rows, String empty) {
    public Table {
      headings = List.copyOf(headings);
      rows = List.copyOf(rows);
    }
  }

  /** A link that opens the person's mail client with a command written in ({@link Mailto}). */
  record Action(String label, String href) {}

  /** One row: its key (an order number, a statement ID), its cells, and its mailto actions. */
  record Row(String key, List<String> cells, List<Action> actions) {
    public Row {
      cells = List.copyOf(cells);
      actions = List.copyOf(actions);
    }
  }

  /**
   * The tables for this person in language {@code lang}; empty when the feature has nothing for
   * them (a person who is not a provider sees no statements).
   */
  List<Table> tables(Handle h, Actor actor, String lang);

  /** A mailto action: the command line as subject and as the body's first line, then {@code more}. */
  static Action action(String serviceAddress, String label, String command, String more) {
    String line = command.strip();
    return new Action(label, Mailto.of(serviceAddress, line, more == null ? line : command + "\n" + more));
  }
}
