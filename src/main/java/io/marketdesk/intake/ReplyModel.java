package io.marketdesk.intake;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Outcome;
import io.marketdesk.outbox.OutgoingMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model of the one reply a mail gets ({@code templates/mail/LANG/reply.ftl}). Immutable.
 *
 * @param name how to greet the sender
 * @param accountId the provider's account ID (quoted in every reply to a provider), or null
 * @param items each command with its outcome, in order
 * @param help the help text (a mail with no command), or ""
 * @param unrecognized the line that was not understood, or ""
 * @param nearest true when {@code help} holds only the commands nearest to a typo in {@code
 *     unrecognized} ("did you mean"), not the whole help
 * @param notices notes about the whole mail (over a limit), may be empty
 * @param token the token the reply asks to be answered with, or null
 * @param role who the reply is for ({@code provider}, {@code operator}, {@code buyer}): the
 *     signature speaks to that reader
 * @param subject the reply's subject (the template's {@code Subject:} line)
 */
public record ReplyModel(
    String name, String accountId, List<Item> items, String help, String unrecognized, List<String> notices, String token,
    String role, boolean nearest, String subject) {

  /** One command and its outcome. */
  public record Item(int number, String line, boolean done, String message, String example, boolean awaiting,
      boolean review) {}

  public ReplyModel {
    items = List.copyOf(items);
    notices = List.copyOf(notices);
  }

  /** Collects the parts of a reply while a mail is processed; not thread-safe. */
  static final class Builder {
    private final Actor actor;
    private final List<Item> items = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private String help = "";
    private String unrecognized = "";
    private String token;
    private boolean nearest;
    private final List<OutgoingMail.FileAttachment> files = new ArrayList<>();

    Builder(Actor actor) {
      this.actor = actor;
    }

    Builder item(String line, Outcome o) {
      items.add(new Item(items.size() + 1, line, o.done(), o.message(), o.example(), o.kind() == Outcome.Kind.AWAITING,
          o.kind() == Outcome.Kind.SENT_FOR_REVIEW));
      if (token == null && o.token() != null) {
        token = o.token();
      }
      files.addAll(o.files());
      return this;
    }

    /** The files the commands' outcomes attach to the reply. */
    List<OutgoingMail.FileAttachment> files() {
      return List.copyOf(files);
    }

    Builder help(String text, String unrecognizedLine) {
      help = text;
      unrecognized = unrecognizedLine == null ? "" : unrecognizedLine;
      return this;
    }

    Builder nearest(String text, String unrecognizedLine) {
      help(text, unrecognizedLine);
      nearest = true;
      return this;
    }

    Builder notice(String text) {
      notices.add(text);
      return this;
    }

    ReplyModel build(String subject) {
      return new ReplyModel(actor.name(), actor.accountId(), items, help, unrecognized, notices, token,
          actor.primaryRole().name().toLowerCase(Locale.ROOT), nearest, subject);
    }
  }
}
