package io.marketdesk.team;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Refuses a provider command outside the sender's team role, naming the role it needs
 * (docs/teams.md). Which role each command needs is declared once, in
 * {@code team/command-roles.properties}; a provider command not named there needs admin. A command
 * the sender may run in another role (a provider who is also the buyer of an order) is not checked
 * here. Immutable and thread-safe.
 */
public final class TeamGate implements CommandRegistry.Gate {
  /** The table's place on the class path. */
  public static final String TABLE = "team/command-roles.properties";
  private final Map<String, TeamRole> needs;

  public TeamGate(Map<String, TeamRole> needs) {
    this.needs = Map.copyOf(needs);
  }

  /** The gate over the table on the class path. */
  public static TeamGate fromClasspath() {
    Properties p = new Properties();
    try (InputStream in = TeamGate.class.getClassLoader().getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE + " is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, TeamRole> out = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      String code = p.getProperty(name).strip();
      out.put(name, TeamRole.of(code).orElseThrow(() -> new IllegalStateException(TABLE + ": no role " + code)));
    }
    return new TeamGate(out);
  }

  /** The role a command needs of a provider's member. */
  public TeamRole needs(String command) {
    return needs.getOrDefault(command, TeamRole.ADMIN);
  }

  /** True when a member with {@code role} may run {@code command}. */
  public boolean allows(TeamRole role, String command) {
    return role.allows(needs(command));
  }

  @Override
  public Outcome check(CommandContext ctx, CommandSpec spec) {
    if (!spec.roles().contains(Role.PROVIDER) || !ctx.actor().has(Role.PROVIDER)) {
      return null;
    }
    for (Role other : spec.roles()) {
      if (other != Role.PROVIDER && ctx.actor().has(other)) {
        return null;
      }
    }
    TeamRole role = ctx.actor().teamRole();
    TeamRole needed = needs(spec.name());
    if (role == null || role.allows(needed)) {
      return null;
    }
    return Outcome.refused(ctx.m("team.refused", "command", keyword(ctx, spec.name()), "needs",
            ctx.m("team-role." + needed.code()), "role", ctx.m("team-role." + role.code()), "accountId",
            ctx.actor().accountId(), "admin", needed == TeamRole.ADMIN),
        ctx.m("team.refused.example"));
  }

  /** The keyword help shows for a command, in the reply language. */
  static String keyword(CommandContext ctx, String command) {
    String key = "keyword." + command;
    if (!ctx.mailer().catalog().has(ctx.language().code(), key)) {
      return command;
    }
    return ctx.m(key).split("\\|")[0].strip();
  }
}
