package io.marketdesk.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The commands marketdesk knows, looked up by name: features register their handlers here and the
 * pipeline never changes when a command is added. Built once at start-up, then read-only.
 */
public final class CommandRegistry {
  private final Map<String, CommandHandler> byName = new LinkedHashMap<>();
  private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
  private final Keywords keywords;
  private final List<Gate> gates = new ArrayList<>();
  private final List<Yield> yields = new ArrayList<>();

  /**
   * What a command is about, read from its first argument as the handler will get it: written in
   * the mail, or put in front by the pipeline from the thread the mail answers (a reply to the mail
   * about an order takes that order: docs/commands.md).
   */
  public enum Topic {
    /** An order, named by its number (six digits or more). */
    ORDER(Pattern.compile("^\\s*\\d{6,}"));

    private final Pattern first;

    Topic(Pattern first) {
      this.first = first;
    }

    /** True when this command is about a thing of this topic. */
    public boolean of(ParsedCommand cmd) {
      return first.matcher(cmd.args()).find();
    }
  }

  /** A command that gives way to another about a topic (see {@link #yieldWhenAbout}). */
  private record Yield(Topic topic, String name, String instead) {}

  /**
   * A check every command passes after the sender's role (the team role of a provider's address:
   * docs/teams.md).
   */
  @FunctionalInterface
  public interface Gate {
    /** A refusal when this sender may not run this command; null when it may. */
    Outcome check(CommandContext ctx, CommandSpec spec);
  }

  /** A registry whose commands carry the keywords their handlers give. */
  public CommandRegistry() {
    this(null);
  }

  /** A registry whose commands take their keywords from the message files. */
  public CommandRegistry(Keywords keywords) {
    this.keywords = keywords;
  }

  public CommandRegistry register(CommandHandler handler) {
    String name = handler.spec().name();
    if (byName.putIfAbsent(name, handler) != null) {
      throw new IllegalStateException("two handlers for command " + name);
    }
    specs.put(name, keywords == null ? handler.spec() : keywords.apply(handler.spec()));
    return this;
  }

  /**
   * Settles a keyword two commands share by what the command is about, so that neither handler knows
   * the other: a command read as {@code name} (确定 / confirm, 拒绝 / reject) that is about {@code
   * topic} (an order: {@code confirm 20261128000123}, or {@code 拒绝 理由} in a reply to the mail
   * about that order) is run by {@code instead} (the buyer's 确认完成, 验收不通过) when the sender
   * may use {@code instead}; otherwise by its own handler.
   */
  public CommandRegistry yieldWhenAbout(Topic topic, String name, String instead) {
    yields.add(new Yield(topic, name, instead));
    return this;
  }

  /**
   * The handler that runs this command for this sender: the command's own, or the one it yields to
   * by what it is about ({@link #yieldWhenAbout}).
   */
  public CommandHandler handler(CommandContext ctx, ParsedCommand cmd) {
    String name = cmd.spec().name();
    for (Yield y : yields) {
      CommandHandler other = byName.get(y.instead());
      if (y.name().equals(name) && other != null && y.topic().of(cmd) && mayUse(ctx.actor(), other.spec())) {
        return other;
      }
    }
    return handler(cmd.spec());
  }

  private static boolean mayUse(Actor actor, CommandSpec spec) {
    for (Role r : spec.roles()) {
      if (actor.has(r)) {
        return true;
      }
    }
    return false;
  }

  public CommandRegistry addGate(Gate gate) {
    gates.add(gate);
    return this;
  }

  /** The first gate's refusal of this command for this sender; null when every gate lets it run. */
  public Outcome gate(CommandContext ctx, CommandSpec spec) {
    for (Gate g : gates) {
      Outcome o = g.check(ctx, spec);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  public CommandHandler handler(CommandSpec spec) {
    CommandHandler h = byName.get(spec.name());
    if (h == null) {
      throw new IllegalStateException("no handler for " + spec.name());
    }
    return h;
  }

  public CommandHandler handler(String name) {
    return byName.get(name);
  }

  public List<CommandSpec> specs() {
    return new ArrayList<>(specs.values());
  }

  /** The commands a person with these roles may use, in registration order. */
  public List<CommandSpec> specsFor(Role role) {
    List<CommandSpec> out = new ArrayList<>();
    for (CommandSpec s : specs()) {
      if (s.roles().contains(role)) {
        out.add(s);
      }
    }
    return out;
  }
}
