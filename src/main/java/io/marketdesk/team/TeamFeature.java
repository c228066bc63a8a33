package io.marketdesk.team;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandHandler;

/**
 * A team per provider account (docs/teams.md): the {@code 成员 / member} commands, and the gate that
 * refuses a command outside the sender's team role.
 */
public final class TeamFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    TeamGate gate = TeamGate.fromClasspath();
    w.provide(TeamGate.class, gate);
    w.commands.addGate(gate);
    MemberCommands members = new MemberCommands(w.directory, w.commands, w.templates, gate, w.config.mailAddress);
    for (CommandHandler h : members.handlers()) {
      w.commands.register(h);
    }
  }
}
