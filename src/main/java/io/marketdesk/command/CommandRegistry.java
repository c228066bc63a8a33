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

  public CommandRegistry register(CommandHandler handler) {
    String name = handler.spec().name();
    if (byName.putIfAbsent(name, handler) != null) {
      throw new IllegalStateException("two handlers for command " + name);
    }
    return this;
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
    List<CommandSpec> out = new ArrayList<>();
    for (CommandHandler h : byName.values()) {
      out.add(h.spec());
    }
    return out;
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
