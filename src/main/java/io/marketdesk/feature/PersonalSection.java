package io.marketdesk.feature;

import io.marketdesk.command.Actor;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A part of the personal page ({@code /me}) that a feature contributes from its own tables and in
 * its own words (products, orders, reviews, refunds, statements, the audit trail), so that the page
 * queries no feature's table. Like the rest of the page it only shows: every action is a
 * {@code mailto:} link with the command written in. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PersonalSection {
  /**
   * One titled table of the page, already worded in the page's language.
   *
   * @param actions links under the table (a new product)
   * @param badges shown beside the title (how many are overdue)
   */
  record Table(String id, String title, List<String> headings, List<Row> rows, String empty, List<Action> actions,
      List<Cell> badges) {
    public Table {
      headings = List.copyOf(headings);
      rows = List.copyOf(rows);
      actions = List.copyOf(actions);
      badges = List.copyOf(badges);
    }

    public Table(String id, String title, List<String> headings, List<Row> rows, String empty) {
      this(id, title, headings, rows, empty, List.of(), List.of());
    }
  }

  /**
   * One row: its key (an order number, a statement ID), its cells, and its mailto actions.
   *
   * @param changes what the row's thing would change (a review), shown under it
   * @param warn the row needs attention (overdue)
   */
  record Row(String key, List<Cell> cells, List<Action> actions, List<Change> changes, boolean warn) {
    public Row {
      cells = List.copyOf(cells);
      actions = List.copyOf(actions);
      changes = List.copyOf(changes);
    }

    /** A row of plain text cells. */
    public Row(String key, List<String> texts, List<Action> actions) {
      this(key, texts.stream().map(Cell::of).toList(), actions, List.of(), false);
    }
  }

  /**
   * One cell: its text; a state shown as a coloured label ({@code state-listed}), or a link, when set.
   */
  record Cell(String text, String state, String href) {
    public static Cell of(String text) {
      return new Cell(text == null ? "" : text, null, null);
    }

    /** A state's label, coloured by the state's code. */
    public static Cell state(String label, String code) {
      return new Cell(label, code, null);
    }

    public static Cell link(String text, String href) {
      return new Cell(text, null, href);
    }
  }

  /**
   * A link that opens the person's mail client with a command written in ({@link Mailto}).
   *
   * @param command the name of the command the link writes ({@code order.start}), or null for a
   *     link that writes no command
   */
  record Action(String label, String href, String command) {
    public Action(String label, String href) {
      this(label, href, null);
    }
  }

  /** A field a review would change: before and after. */
  record Change(String label, String before, String after) {}

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
