package io.marketdesk.bench;

import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Role;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.mime.MailReader;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.mime.ReplyText;
import io.marketdesk.pricing.PriceChangeSentence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parse budget of docs/BENCHMARKS.md: how long reading one hostile mail takes, from raw bytes
 * to commands (the inbound store's dedupe key over its header fields, MailReader, or its envelope when over a limit; ReplyText; CommandParser with the
 * price-change sentence), median and max of 50 runs after 20 for warm-up. One thread, no server.
 */
final class ParseBudget {
  private ParseBudget() {}

  static void run() {
    Set<Role> anyone = Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER);
    CommandParser parser = new CommandParser(List.of(
        new CommandSpec("help", List.of("帮助"), List.of("help"), anyone, CommandSpec.Body.NONE),
        new CommandSpec("review", List.of("审核"), List.of("review"), anyone, CommandSpec.Body.FREE_TEXT),
        new CommandSpec("price", List.of("改价"), List.of("price"), anyone, CommandSpec.Body.FIELDS,
            PriceChangeSentence.RECOGNIZER)), 10);
    MailReader reader = new MailReader(MailReader.Limits.defaults());
    ReplyText replyText = new ReplyText();
    StringBuilder numbers = new StringBuilder();
    for (int i = 0; numbers.length() < 9_000; i++) {
      numbers.append(i % 1000).append(' ');
    }
    Map<String, String> mails = new LinkedHashMap<>();
    mails.put("console guide's price sentence", "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00\r\n");
    mails.put("9 KB line of numbers, 3 times", (numbers + "\r\n").repeat(3) + "帮助\r\n");
    mails.put("5 KB 'ok ok ok' line", "ok ".repeat(2_000) + "\r\n帮助\r\n");
    mails.put("60 KB of '账号ID12345 订单123456 由'", "账号ID12345 订单123456 由".repeat(3_000) + "\r\n");
    mails.put("2,000 header fields (over the limit)", null);
    mails.put("5,000 folded recipients (over the limit)", "");
    System.out.println("parse budget (raw mail -> commands), median / max of 50 runs:");
    for (Map.Entry<String, String> e : mails.entrySet()) {
      String head = "From: alice@provider-a.test\r\nTo: market@marketdesk.test\r\nSubject: bench\r\n";
      String raw = e.getValue() == null
          ? head + "X-Field: v\r\n".repeat(2_000) + "\r\nhelp\r\n"
          : e.getValue().isEmpty()
              ? head.replace("To: market@marketdesk.test\r\n", "Message-ID: <b@cloud.test>\r\nTo: market@marketdesk.test,\r\n"
                  + " r@cloud.test,\r\n".repeat(5_000) + " r@cloud.test\r\n") + "\r\nhelp\r\n"
              : head + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + e.getValue();
      byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
      long[] took = new long[50];
      for (int i = -20; i < took.length; i++) {
        long start = System.nanoTime();
        InboundStore.dedupeKey(bytes);
        try {
          ParsedMail mail = reader.read(new ByteArrayInputStream(bytes));
          parser.parse(mail.subject(), replyText.liveLines(mail.text()));
        } catch (MailFormatException ex) {
          MailReader.envelope(bytes);
        }
        if (i >= 0) {
          took[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(took);
      System.out.printf("  %-40s %8.2f ms / %8.2f ms%n", e.getKey(), took[took.length / 2] / 1e6, took[took.length - 1] / 1e6);
    }
  }
}
