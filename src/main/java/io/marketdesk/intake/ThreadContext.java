package io.marketdesk.intake;

import io.marketdesk.command.Actor;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.outbox.About;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The thread gives context (docs/commands.md): a command in a reply to one of our mails about an
 * order, a product or a review takes that order, product or review when its own argument is
 * missing. The missing argument is put in front of the command's arguments before the handler is
 * called, so the handlers read it as if it had been written: {@code 验收不通过 理由} in a reply to the
 * mail about order 20261128000123 is read as {@code 验收不通过 20261128000123 理由}. Reviews answered by
 * operators ({@code 同意}, {@code 拒绝 理由}) need nothing here: the answered mail's token names the
 * review. Also tells a short acknowledgement ({@code 好的}, {@code ok}) from a command. Immutable and
 * thread-safe.
 */
final class ThreadContext {
  /** Commands whose first argument is an order number. */
  private static final Set<String> ORDER_COMMANDS = Set.of("order.view", "order.start", "order.done", "order.remind",
      "order.confirm", "order.status", "order.reject", "order.appeal", "order.requirements");
  /** Commands whose first argument is a product ID. */
  private static final Set<String> PRODUCT_COMMANDS = Set.of("product.view");
  /** {@code 拒绝 理由} by a buyer rejects a delivery when it names the order. */
  private static final String REVIEW_REJECT = "review.reject";
  private static final Pattern ORDER_NO = Pattern.compile("^\\d{6,}(?!\\d)");
  private static final Pattern PRODUCT_ID = Pattern.compile("^[Pp]\\d+(?![\\w])");

  private final Set<String> acknowledgements;

  ThreadContext(Set<String> acknowledgements) {
    this.acknowledgements = Set.copyOf(acknowledgements);
  }

  /** With the acknowledgements of the resource {@code mail/acknowledgements.txt}. */
  static ThreadContext standard() {
    try (InputStream in = ThreadContext.class.getResourceAsStream("/mail/acknowledgements.txt")) {
      if (in == null) {
        throw new IllegalStateException("mail/acknowledgements.txt is missing from the class path");
      }
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(key(w));
        }
      }
      return new ThreadContext(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command with the thread's order or product put in when its own is missing. */
  ParsedCommand resolve(ParsedCommand cmd, Actor actor, About about) {
    String name = cmd.spec().name();
    String args = cmd.args().strip();
    if (about.orderNo() != null && !ORDER_NO.matcher(args).find()
        && (ORDER_COMMANDS.contains(name)
            || name.equals(REVIEW_REJECT) && actor.has(Role.BUYER) && !actor.has(Role.OPERATOR))) {
      return withArgs(cmd, about.orderNo(), args);
    }
    if (about.productId() != null && PRODUCT_COMMANDS.contains(name) && !PRODUCT_ID.matcher(args).find()) {
      return withArgs(cmd, about.productId(), args);
    }
    return cmd;
  }

  /** What a reply to these commands is about: the one order and the one product they name, if one. */
  About aboutOf(List<ParsedCommand> commands) {
    Set<String> orders = new LinkedHashSet<>();
    Set<String> products = new LinkedHashSet<>();
    for (ParsedCommand c : commands) {
      String name = c.spec().name();
      String first = c.args().strip().split("[\\s,:]+", 2)[0];
      if ((ORDER_COMMANDS.contains(name) || name.equals(REVIEW_REJECT)) && ORDER_NO.matcher(first).matches()) {
        orders.add(first);
      } else if (name.startsWith("product.") && PRODUCT_ID.matcher(first).matches()) {
        products.add(first.toUpperCase(Locale.ROOT));
      }
    }
    return new About(orders.size() == 1 ? orders.iterator().next() : null,
        products.size() == 1 ? products.iterator().next() : null, null);
  }

  /** True when the body says no more than a short acknowledgement ({@code 好的}, {@code 收到}, {@code ok}). */
  boolean isAcknowledgement(List<String> bodyLines) {
    String first = null;
    for (String line : bodyLines) {
      if (!line.isBlank()) {
        first = line;
        break;
      }
    }
    return first != null && first.length() <= 40 && acknowledgements.contains(key(first));
  }

  private static ParsedCommand withArgs(ParsedCommand cmd, String subject, String args) {
    String joined = args.isEmpty() ? subject : subject + " " + args;
    return new ParsedCommand(cmd.spec(), cmd.keyword(), cmd.language(), joined, cmd.fields(), cmd.text(), cmd.line(),
        cmd.fromSubject());
  }

  private static String key(String s) {
    String k = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    int b = k.length();
    while (b > 0 && " !.,;~?\u3002\u3001\u2026".indexOf(k.charAt(b - 1)) >= 0) {
      b--;
    }
    return k.substring(0, b);
  }
}
