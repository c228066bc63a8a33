package io.marketdesk.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands marketdesk knows, looked up by name: features register their handlers here and the
 * pipeline never changes when a command is added. Built once at start-up, then read-only.
 */
public final class CommandRegistry {
  private final Map<String, CommandHandler> byName = new LinkedHashMap<>();
  private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
  private final Keywords keywords;
  private final List<Gate> gates = new ArrayList<>();

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
