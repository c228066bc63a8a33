package io.marketdesk.team;

import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.HelpHandler;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Directory.AddResult;
import io.marketdesk.identity.Directory.Member;
import io.marketdesk.identity.Directory.RemoveResult;
import io.marketdesk.identity.Provider;
import io.marketdesk.template.Templates;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The team of a provider account by mail (docs/teams.md):
 * <pre>
 * 成员 列表 | members                          the members and their roles
 * 成员 添加 ADDRESS [角色] | member add ADDRESS [ROLE]   add (default role: readonly) or change a role
 * 成员 删除 ADDRESS | member remove ADDRESS      remove; the last admin stays
 * 角色 ROLE = 管理员 admin | 商品 products | 订单 orders | 只读 readonly
 * </pre>
 * Only an admin adds or removes; a new member gets a welcome mail with the help of their role.
 * Stateless and thread-safe.
 */
public final class MemberCommands {
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\"',;]+@[^@\\s<>()\"',;]+\\.[^@\\s<>()\"',;]+");

  /** The welcome mail's model. */
  public record WelcomeMail(String address, String companyName, String accountId, String role, String addedBy,
      String help, String serviceAddress) {}

  private final Directory directory;
  private final CommandRegistry registry;
  private final Templates templates;
  private final TeamGate gate;
  private final String serviceAddress;
  private final long undoMinutes;

  public MemberCommands(Directory directory, CommandRegistry registry, Templates templates, TeamGate gate,
      String serviceAddress, long undoMinutes) {
    this.directory = directory;
    this.registry = registry;
    this.templates = templates;
    this.gate = gate;
    this.serviceAddress = serviceAddress;
    this.undoMinutes = undoMinutes;
  }

  /** The three commands. */
  public List<CommandHandler> handlers() {
    Set<Role> provider = Set.of(Role.PROVIDER);
    return List.of(
        new ActionCommand(new CommandSpec("member.list", provider, CommandSpec.Body.NONE), false, this::list),
        new ActionCommand(new CommandSpec("member.add", provider, CommandSpec.Body.NONE), true, this::add),
        new ActionCommand(new CommandSpec("member.remove", provider, CommandSpec.Body.NONE), true, this::remove));
  }

  private Outcome list(CommandContext ctx, ParsedCommand cmd) {
    long pid = ctx.actor().providerId();
    List<Member> members = directory.members(ctx.handle(), pid);
    StringBuilder sb = new StringBuilder(ctx.m("team.list.head", "accountId", ctx.actor().accountId(), "count",
        members.size()));
    for (Member m : members) {
      sb.append('\n').append(ctx.m("team.list.line", "address", m.address(), "role", ctx.m("team-role." + m.role().code()),
          "you", m.address().equals(ctx.actor().address())));
    }
    if (ctx.actor().teamRole() == TeamRole.ADMIN) {
      sb.append('\n').append(ctx.m("team.list.admin-hint"));
    }
    return Outcome.done(sb.toString());
  }

  private Outcome add(CommandContext ctx, ParsedCommand cmd) {
    Outcome notAdmin = adminOnly(ctx);
    if (notAdmin != null) {
      return notAdmin;
    }
    String address = null;
    TeamRole role = TeamRole.READONLY;
    String unknownRole = null;
    for (String word : words(cmd.args())) {
      String w = trim(word);
      if (address == null && ADDRESS.matcher(w).matches()) {
        address = Directory.normalize(w);
      } else if (!w.isEmpty()) {
        Optional<TeamRole> r = role(ctx, w);
        if (r.isPresent()) {
          role = r.get();
        } else {
          unknownRole = w;
        }
      }
    }
    String example = ctx.m("team.add.example", "address", address == null ? ctx.m("team.example-address") : address);
    if (address == null) {
      return Outcome.refused(ctx.m("team.add.no-address", "args", cmd.args()), example);
    }
    if (unknownRole != null) {
      return Outcome.refused(ctx.m("team.bad-role", "role", unknownRole), example);
    }
    long pid = ctx.actor().providerId();
    String roleName = ctx.m("team-role." + role.code());
    AddResult r = directory.addMember(ctx.handle(), pid, address, role, ctx.actor().address());
    if (r instanceof AddResult.Taken) {
      return Outcome.refused(ctx.m("team.add.taken", "address", address), "");
    }
    if (r instanceof AddResult.LastAdmin) {
      return Outcome.refused(ctx.m("team.last-admin", "address", address), ctx.m("team.add.admin-example", "address",
          ctx.m("team.example-address")));
    }
    if (r instanceof AddResult.AlreadyMember) {
      return Outcome.done(ctx.m("team.add.already", "address", address, "role", roleName, "accountId",
          ctx.actor().accountId()));
    }
    if (r instanceof AddResult.RoleChanged changed) {
      ctx.audit("member", address, "member.role", changed.before().code(), role.code());
      return Outcome.done(ctx.m("team.add.changed", "address", address, "before",
          ctx.m("team-role." + changed.before().code()), "role", roleName));
    }
    ctx.audit("member", address, "member.add", null, role.code());
    Provider p = directory.provider(ctx.handle(), pid).orElseThrow();
    ctx.send(address, "member-welcome", new WelcomeMail(address, p.companyName(), p.accountId(), role.code(),
        ctx.actor().address(), helpFor(ctx, role), serviceAddress));
    return Outcome.done(ctx.m("team.add.done", "address", address, "role", roleName, "accountId", p.accountId()));
  }

  private Outcome remove(CommandContext ctx, ParsedCommand cmd) {
    Outcome notAdmin = adminOnly(ctx);
    if (notAdmin != null) {
      return notAdmin;
    }
    String address = null;
    for (String word : words(cmd.args())) {
      String w = trim(word);
      if (ADDRESS.matcher(w).matches()) {
        address = Directory.normalize(w);
        break;
      }
    }
    if (address == null) {
      return Outcome.refused(ctx.m("team.remove.no-address", "args", cmd.args()),
          ctx.m("team.remove.example", "address", ctx.m("team.example-address")));
    }
    RemoveResult r = directory.removeMember(ctx.handle(), ctx.actor().providerId(), address);
    if (r instanceof RemoveResult.NotMember) {
      return Outcome.refused(ctx.m("team.remove.not-member", "address", address, "accountId", ctx.actor().accountId()),
          ctx.m("team.refused.example"));
    }
    if (r instanceof RemoveResult.LastAdmin) {
      return Outcome.refused(ctx.m("team.last-admin", "address", address),
          ctx.m("team.add.admin-example", "address", ctx.m("team.example-address")));
    }
    Member gone = ((RemoveResult.Removed) r).member();
    ctx.audit("member", address, "member.remove", gone.role().code(), null);
    return Outcome.done(ctx.m("team.remove.done", "address", address, "accountId", ctx.actor().accountId()));
  }

  private static Outcome adminOnly(CommandContext ctx) {
    TeamRole role = ctx.actor().teamRole();
    if (role == TeamRole.ADMIN) {
      return null;
    }
    return Outcome.refused(ctx.m("team.admin-only", "role", ctx.m("team-role." + role.code()), "needs",
        ctx.m("team-role.admin"), "accountId", ctx.actor().accountId()), ctx.m("team.refused.example"));
  }

  /** The role a word names, in any language ({@code words.team-role.ROLE}). */
  static Optional<TeamRole> role(CommandContext ctx, String word) {
    String w = Normalizer.normalize(word, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    for (TeamRole r : TeamRole.values()) {
      if (ctx.words("words.team-role." + r.code()).contains(w)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The help of every command the role may run, as the help command writes each. */
  String helpFor(CommandContext ctx, TeamRole role) {
    String lang = ctx.language().code();
    HelpHandler.Intro intro = new HelpHandler.Intro("provider", serviceAddress, undoMinutes);
    StringBuilder sb = new StringBuilder();
    for (CommandSpec s : registry.specsFor(Role.PROVIDER)) {
      String name = "help/" + lang + "/" + s.name() + ".ftl";
      if (gate.allows(role, s.name()) && templates.exists(name)) {
        sb.append(templates.render(name, intro).stripTrailing()).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  private static List<String> words(String args) {
    List<String> out = new ArrayList<>();
    for (String w : Normalizer.normalize(args == null ? "" : args, Normalizer.Form.NFKC).split("[\\s,\\u3001]+")) {
      if (!w.isBlank()) {
        out.add(w);
      }
    }
    return out;
  }

  /** A word without the brackets and trailing punctuation people put around an address. */
  private static String trim(String w) {
    return w.replaceAll("^[<(\\[\"'“‘]+", "").replaceAll("[>)\\]\"'”’.,;:!?\\u3002]+$", "");
  }
}
