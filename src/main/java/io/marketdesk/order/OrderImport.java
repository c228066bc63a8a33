package io.marketdesk.order;

import io.marketdesk.audit.ActedBy;
import io.marketdesk.text.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.config.Config;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.product.ProductLookup;
import io.marketdesk.store.Database;
import io.marketdesk.template.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.Locale;

/**
 * {@code marketdesk orders import FILE}: the order feed from a file, for when the marketplace hands
 * over a batch. A JSON array of objects, or a CSV file with a header line, each record one event:
 * {@code event} ({@code order} (default), {@code paid} or {@code cancel}), {@code orderNo}, and for
 * {@code order} also {@code productId}, {@code buyerEmail}, {@code price} and optionally
 * {@code language}. Each record runs in its own transaction, like one API call; mails go to the
 * outbox and leave when marketdesk runs. Prints one line per record.
 */
public final class OrderImport {
  /** One event of the file. */
  public record Event(int line, String event, String orderNo, String productId, String buyerEmail, String price, String language) {}

  private final Database db;
  private final OrderWorkflow workflow;

  public OrderImport(Database db, OrderWorkflow workflow) {
    this.db = db;
    this.workflow = workflow;
  }

  /** Builds what the import needs from the configuration (no mail server, no web). */
  public static OrderImport open(Config config, Database db, Clock clock) {
    Templates templates = new Templates(config.templatesDir);
    Outbox outbox = new Outbox(db.jdbi(), clock, config.mailDomain(), "cli");
    Mailer mailer = new Mailer(templates, outbox, config);
    Directory directory = new Directory(clock).addLookup(new BuyerRoles(new OrderStore()));
    OrderWorkflow workflow = new OrderWorkflow(new OrderStore(), new ProductLookup(), directory, mailer, new AuditLog(clock), clock,
        config, io.marketdesk.calendar.WorkingDayCalendar.of(List.of()));
    return new OrderImport(db, workflow);
  }

  /** @return the number of records refused or unreadable (0 = all good) */
  public int run(Path file, PrintWriter out) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Event> events = text.stripLeading().startsWith("[") ? json(text) : csv(text);
    int bad = 0;
    ActedBy by = ActedBy.CLI;
    for (Event e : events) {
      OrderResult r;
      String kind = e.event() == null || e.event().isBlank() ? "order" : e.event().trim().toLowerCase(Locale.ROOT);
      switch (kind) {
        case "order":
        case "created":
          r = db.jdbi().inTransaction(h -> workflow.create(h, by, e.orderNo(), e.productId(), e.buyerEmail(), e.price(), e.language()));
          break;
        case "paid":
          r = db.jdbi().inTransaction(h -> workflow.paid(h, by, e.orderNo()));
          break;
        case "cancel":
        case "cancelled":
          r = db.jdbi().inTransaction(h -> workflow.cancel(h, by, e.orderNo()));
          break;
        default:
          r = OrderResult.refused(Refusal.badInput("order-import.unknown-event", "kind", kind));
      }
      if (r.ok()) {
        out.println("line " + e.line() + ": " + kind + " " + r.order().orderNo() + " -> " + r.order().status().code()
            + (r.changed() ? "" : " (unchanged)"));
      } else {
        bad++;
        out.println("line " + e.line() + ": " + kind + " " + e.orderNo() + " refused (" + r.refusal().httpStatus() + "): "
            + workflow.catalog().text("en", r.refusal().reason()));
      }
    }
    out.flush();
    return bad;
  }

  static List<Event> json(String text) throws IOException {
    JsonNode root = new ObjectMapper().readTree(text);
    List<Event> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root) {
      i++;
      out.add(new Event(i, s(n, "event"), s(n, "orderNo"), s(n, "productId"), s(n, "buyerEmail"), s(n, "price"), s(n, "language")));
    }
    return out;
  }

  private static String s(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
  }

  /**
   * CSV with a header line naming the columns (any order, any case), read with Commons CSV: fields
   * may be double-quoted with commas, line breaks and "" inside. A record's line is the line it
   * starts on.
   */
  static List<Event> csv(String text) throws IOException {
    List<Event> out = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
    try (CSVParser p = CSVParser.parse(text, format)) {
      Map<String, Integer> header = p.getHeaderMap();
      for (CSVRecord r : p) {
        out.add(new Event((int) r.getParser().getCurrentLineNumber() - lineSpan(r) + 1, col(header, r, "event"),
            col(header, r, "orderNo"), col(header, r, "productId"), col(header, r, "buyerEmail"), col(header, r, "price"),
            col(header, r, "language")));
      }
    }
    return out;
  }

  /** How many line breaks the record's quoted fields hold (to name the line it starts on). */
  private static int lineSpan(CSVRecord r) {
    int n = 1;
    for (String v : r) {
      n += (int) v.chars().filter(c -> c == '\n').count();
    }
    return n;
  }

  private static String col(Map<String, Integer> header, CSVRecord r, String name) {
    for (Map.Entry<String, Integer> e : header.entrySet()) {
      if (e.getKey().trim().equalsIgnoreCase(name)) {
        return e.getValue() < r.size() ? r.get(e.getValue()) : null;
      }
    }
    return null;
  }
}
