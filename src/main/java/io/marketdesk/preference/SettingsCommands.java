package io.marketdesk.preference;

import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.text.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.preference.PreferenceStore.OrderMail;
import io.marketdesk.preference.PreferenceStore.Preference;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Preferences by mail (docs/preferences.md):
 * <pre>
 * 设置 | settings                                           show them
 * 设置 订单通知 即时|每日|关闭 | settings order-mail instant|daily|off
 * 设置 语言 简体|繁體|English|自动 | settings language zh|zh-Hant|en|auto
 * 设置 审核通知 关闭 | settings review-mail off              refused: review mails are paused with 休假
 * </pre>
 * Every person with a role may set their own. Stateless and thread-safe.
 */
public final class SettingsCommands {
  private static final Set<Role> EVERYONE = Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER);
  private final PreferenceStore store;

  public SettingsCommands(PreferenceStore store) {
    this.store = store;
  }

  public List<CommandHandler> handlers() {
    return List.of(
        new ActionCommand(new CommandSpec("settings", EVERYONE, CommandSpec.Body.NONE), false, this::show),
        new ActionCommand(new CommandSpec("settings.order-mail", EVERYONE, CommandSpec.Body.NONE), true, this::orderMail),
        new ActionCommand(new CommandSpec("settings.language", EVERYONE, CommandSpec.Body.NONE), true, this::language),
        new ActionCommand(new CommandSpec("settings.review-mail", Set.of(Role.OPERATOR), CommandSpec.Body.NONE), false,
            this::reviewMail));
  }

  private Outcome show(CommandContext ctx, ParsedCommand cmd) {
    Preference p = store.find(ctx.handle(), ctx.actor().address());
    return Outcome.done(ctx.m("prefs.show", "address", ctx.actor().address(), "orderMail",
        ctx.m("prefs.order-mail." + p.orderMail().code()), "language",
        ctx.m("prefs.lang." + (p.language() == null ? "auto" : p.language().code())), "operator",
        ctx.actor().has(Role.OPERATOR)));
  }

  private Outcome orderMail(CommandContext ctx, ParsedCommand cmd) {
    String arg = word(cmd.args());
    for (OrderMail m : OrderMail.values()) {
      if (ctx.words("words.order-mail." + m.code()).contains(arg)) {
        store.setOrderMail(ctx.handle(), ctx.actor().address(), m, ctx.clock().millis());
        ctx.audit("preference", ctx.actor().address(), "settings.order-mail", null, m.code());
        return Outcome.done(ctx.m("prefs.order-mail.done", "value", ctx.m("prefs.order-mail." + m.code())));
      }
    }
    return Outcome.refused(ctx.m("prefs.order-mail.bad", "value", cmd.args()), ctx.m("prefs.order-mail.example"));
  }

  private Outcome language(CommandContext ctx, ParsedCommand cmd) {
    String arg = word(cmd.args());
    if (ctx.words("words.lang.auto").contains(arg)) {
      store.setLanguage(ctx.handle(), ctx.actor().address(), null, ctx.clock().millis());
      ctx.audit("preference", ctx.actor().address(), "settings.language", null, "auto");
      return Outcome.done(ctx.m("prefs.language.done", "value", ctx.m("prefs.lang.auto")));
    }
    for (Language l : Language.values()) {
      if (ctx.words("words.lang." + l.code()).contains(arg)) {
        store.setLanguage(ctx.handle(), ctx.actor().address(), l, ctx.clock().millis());
        ctx.audit("preference", ctx.actor().address(), "settings.language", null, l.code());
        return Outcome.done(ctx.m("prefs.language.done", "value", ctx.m("prefs.lang." + l.code())));
      }
    }
    return Outcome.refused(ctx.m("prefs.language.bad", "value", cmd.args()), ctx.m("prefs.language.example"));
  }

  private Outcome reviewMail(CommandContext ctx, ParsedCommand cmd) {
    if (ctx.words("words.order-mail.instant").contains(word(cmd.args()))) {
      return Outcome.done(ctx.m("prefs.review-mail.on"));
    }
    return Outcome.refused(ctx.m("prefs.review-mail.refused"), ctx.m("prefs.review-mail.example"));
  }

  /** The argument as people may write it: NFKC, lower case, trailing punctuation dropped. */
  private static String word(String args) {
    String a = Normalizer.normalize(args == null ? "" : args, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return a.replaceAll("[.,;:!?\\u3002\\u3001]+$", "").strip();
  }
}
