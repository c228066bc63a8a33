package io.marketdesk.command;

import io.marketdesk.template.Templates;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code 帮助 / help [command]}: the commands of the sender's role, each with a fill-in template to
 * copy into a new mail ({@code templates/help/LANG/NAME.ftl}), or one command's template alone.
 * Stateless and thread-safe.
 */
public final class HelpHandler extends DeclaredCommand {
  private static final CommandSpec SPEC = new CommandSpec("help",
      Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER), CommandSpec.Body.NONE);

  /** Rendered help by language, role and topic: the templates and the registry do not change while running. */
  private final ConcurrentMap<String, String> rendered = new ConcurrentHashMap<>();
  private final CommandRegistry registry;
  private final Templates templates;
  private final String serviceAddress;
  private final long undoMinutes;

  public HelpHandler(CommandRegistry registry, Templates templates, String serviceAddress, long undoMinutes) {
    super(SPEC, false);
    this.registry = registry;
    this.templates = templates;
    this.serviceAddress = serviceAddress;
    this.undoMinutes = undoMinutes;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand command) {
    return Outcome.done(helpFor(ctx, ctx.actor().primaryRole(), command.args()));
  }

  /** The help text for a role, or for the one command named by {@code topic} when it names one. */
  public String helpFor(CommandContext ctx, Role role, String topic) {
    String key = ctx.language().code() + "|" + role + "|" + ctx.actor().roles() + "|" + ctx.actor().teamRole() + "|"
        + norm(topic);
    return rendered.computeIfAbsent(key, k -> render(ctx, role, topic));
  }

  private String render(CommandContext ctx, Role role, String topic) {
    String lang = ctx.language().code();
    String t = norm(topic);
    if (!t.isEmpty()) {
      for (CommandSpec s : registry.specs()) {
        if (matches(s, t) && s.roles().stream().anyMatch(r -> ctx.actor().has(r))) {
          return one(s, lang, role);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(templates.render("help/" + lang + "/_intro.ftl", new Intro(role.name().toLowerCase(Locale.ROOT), serviceAddress, undoMinutes)));
    String roleName = role.name().toLowerCase(Locale.ROOT);
    String hiddenKey = "help.hidden." + roleName;
    Set<String> hidden = new HashSet<>();
    if (templates.catalog().has(lang, hiddenKey)) {
      for (String name : templates.catalog().text(lang, hiddenKey).split("\\|")) {
        hidden.add(name.strip());
      }
    }
    for (CommandSpec s : registry.specsFor(role)) {
      // a provider's member sees the commands of their team role (docs/teams.md)
      if (!hidden.contains(s.name()) && registry.gate(ctx, s) == null) {
        sb.append('\n').append(one(s, lang, role));
      }
    }
    return sb.toString().stripTrailing();
  }

  private String one(CommandSpec s, String lang, Role role) {
    String name = "help/" + lang + "/" + s.name() + ".ftl";
    if (templates.exists(name)) {
      return templates.render(name, new Intro(role.name().toLowerCase(Locale.ROOT), serviceAddress, undoMinutes)).stripTrailing() + "\n";
    }
    String kw = !lang.equals("en") && !s.zh().isEmpty() ? s.zh().get(0) : s.en().isEmpty() ? s.name() : s.en().get(0);
    return "· " + kw + "\n";
  }

  private static boolean matches(CommandSpec s, String topic) {
    if (s.name().equalsIgnoreCase(topic)) {
      return true;
    }
    for (String k : s.zh()) {
      if (norm(k).equals(topic)) {
        return true;
      }
    }
    for (String k : s.en()) {
      if (norm(k).equals(topic)) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** The model of the help templates. */
  public record Intro(String role, String serviceAddress, long undoMinutes) {}
}
