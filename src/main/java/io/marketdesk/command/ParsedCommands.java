package io.marketdesk.command;

import io.marketdesk.text.Language;
import java.util.List;

/**
 * What the command parser read from one mail. Immutable.
 *
 * @param commands the commands in the order written
 * @param language the reply language: Chinese if any Chinese keyword was used; with no command,
 *     Chinese when the mail's text holds Chinese characters
 * @param unrecognized the first line that looked like it was meant as a command but matched no
 *     keyword (for the "did not understand" part of the reply), or null
 * @param overLimit true when the mail had more commands than the limit; {@code commands} then holds
 *     only the first ones up to the limit
 * @param nearest with no command, the commands whose keyword is nearest to the start of the
 *     unrecognised line (a typo such as {@code 订单详请} or {@code prodcts}), nearest first; empty
 *     when no keyword is near
 */
public record ParsedCommands(
    List<ParsedCommand> commands,
    Language language,
    String unrecognized,
    boolean overLimit,
    List<CommandSpec> nearest) {
  public ParsedCommands {
    commands = List.copyOf(commands);
    nearest = List.copyOf(nearest);
  }

  public ParsedCommands(
      List<ParsedCommand> commands, Language language, String unrecognized, boolean overLimit) {
    this(commands, language, unrecognized, overLimit, List.of());
  }
}
