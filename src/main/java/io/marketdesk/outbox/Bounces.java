package io.marketdesk.outbox;

import io.marketdesk.mime.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Decides what a bounce (a delivery-status report) does to the mail it is about. Anyone can mail a
 * {@code multipart/report} naming a Message-ID they have seen, so a report is trusted only when it
 * came back to the envelope sender that one outgoing mail was sent with ({@link
 * Outbox#bounceAddress}: {@code local+b-TOKEN@domain}, known only to that mail's path) and names that
 * mail's recipient. The address is looked for where mail servers leave it: the report's To (a
 * bounce is addressed to the envelope sender) and the delivery headers {@code Delivered-To},
 * {@code X-Original-To}, {@code Envelope-To}. Only a report whose action is {@code failed} marks the
 * mail failed; a delay report changes nothing. Stateless; thread-safe.
 */
public final class Bounces {
  private static final List<String> DELIVERY_HEADERS = List.of("delivered-to", "x-original-to", "envelope-to",
      "x-envelope-to");

  private final Outbox outbox;
  private final Pattern bounceAddress;

  /** @param serviceAddress the service address the bounce addresses are made from */
  public Bounces(Outbox outbox, String serviceAddress) {
    this.outbox = outbox;
    int at = serviceAddress.indexOf('@');
    this.bounceAddress = Pattern.compile(
        "(?<![\\w.+-])" + Pattern.quote(serviceAddress.substring(0, at).toLowerCase(Locale.ROOT)) + "\\+b-([a-z2-7]{26})"
            + Pattern.quote(serviceAddress.substring(at).toLowerCase(Locale.ROOT)));
  }

  /** What a report came to: whether it marked a mail failed, and a note for the inbound mail's row. */
  public record Verdict(boolean marked, String note) {}

  /** Settles a mail that carries a report ({@code mail.report()} not null) in the caller's transaction. */
  public Verdict settle(Handle h, ParsedMail mail) {
    ParsedMail.DeliveryReport report = mail.report();
    Optional<Outbox.Sent> sent = Optional.empty();
    for (String token : tokens(mail)) {
      sent = outbox.byBounceToken(h, token);
      if (sent.isPresent()) {
        break;
      }
    }
    if (sent.isEmpty()) {
      return new Verdict(false, "bounce not trusted: not sent to a bounce address of ours");
    }
    Outbox.Sent s = sent.get();
    if (report.recipient() == null || !report.recipient().equalsIgnoreCase(s.toAddr())) {
      return new Verdict(false, "bounce not trusted: the report's recipient is not the recipient of " + s.messageId());
    }
    if (report.originalMessageId() != null && !report.originalMessageId().equals(s.messageId())) {
      return new Verdict(false, "bounce not trusted: the report names another mail than " + s.messageId());
    }
    if (!report.action().equals("failed")) {
      return new Verdict(false, "delivery report (" + report.action() + ") of " + s.messageId());
    }
    outbox.markBounced(h, s.id(), (report.status() + " " + report.diagnostic()).trim());
    return new Verdict(true, "bounce of " + s.messageId());
  }

  /** The bounce tokens of the addresses the mail was delivered to, in the order they were found. */
  List<String> tokens(ParsedMail mail) {
    List<String> addresses = new ArrayList<>(mail.to());
    for (String name : DELIVERY_HEADERS) {
      addresses.addAll(mail.headers().all(name));
    }
    List<String> tokens = new ArrayList<>();
    for (String a : addresses) {
      Matcher m = bounceAddress.matcher(a.toLowerCase(Locale.ROOT));
      while (m.find()) {
        if (!tokens.contains(m.group(1))) {
          tokens.add(m.group(1));
        }
      }
    }
    return tokens;
  }
}
