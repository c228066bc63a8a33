package io.marketdesk.team;

import io.marketdesk.history.HistoryFeature;
import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;

/**
 * A team per provider account (docs/teams.md): the {@code 成员 / member} commands, and the gate that
 * refuses a command outside the sender's team role.
 */
public record TeamFeature(TeamGate gate, Contribution contribution) {
  public static TeamFeature build(Shared s) {
    TeamGate gate = TeamGate.fromClasspath();
    MemberCommands members = new MemberCommands(s.directory(), s.commands(), s.templates(), gate, s.config().mailAddress,
        HistoryFeature.undoMinutes(s.config()));
    return new TeamFeature(gate, Contribution.builder().gate(gate).commands(members.handlers()).build());
  }
}
