package io.marketdesk.export;

import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.config.Config;
import io.marketdesk.order.OrderStore;
import io.marketdesk.outbox.OutgoingMail.FileAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jdbi.v3.core.Handle;

/**
 * Exports by mail (docs/after-the-sale.md): {@code 导出 订单 [2026-11 | 2026-10-01..2026-11-30]
 * [csv|xlsx]} and {@code 导出 商品}: the sender's own orders or products (a provider's, a buyer's
 * orders; operators everything) as XLSX (default) or CSV with a BOM, mailed back as a file. Rows are
 * streamed from the database into the file, which is written into a buffer capped at
 * limits.attachment-bytes: a bigger export stops at the cap and is answered with a clear refusal.
 * Thread-safe.
 */
public final class Exports {
  private static final Pattern MONTH = Pattern.compile("(\\d{4}-\\d{2})");
  private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int FLUSH_EVERY = 500;
  private final Config config;
  private final OrderStore orders = new OrderStore();

  public Exports(Config config) {
    this.config = config;
  }

  public List<CommandHandler> handlers() {
    return List.of(handler("export.orders", Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER), true),
        handler("export.products", Set.of(Role.PROVIDER, Role.OPERATOR), false));
  }

  private CommandHandler handler(String name, Set<Role> roles, boolean orders) {
    return new ActionCommand(new CommandSpec(name, roles, Body.NONE), false, (ctx, cmd) -> export(ctx, cmd, orders));
  }

  /** The period asked: [from, to) in epoch millis, or null for everything. */
  record Period(long from, long to, String label) {}

  /**
   * What is exported: the column headings and the query of the rows, each row's cells text, a
   * number (BigDecimal) or a date (LocalDate).
   */
  private record Rows(List<String> headings, Function<Handle, Stream<List<Object>>> query) {
    /** The headings of {@code export.col.NAME} in the sender's language. */
    static Rows of(CommandContext ctx, List<String> columns, Function<Handle, Stream<List<Object>>> query) {
      return new Rows(columns.stream().map(c -> ctx.m("export.col." + c)).toList(), query);
    }

    Stream<List<Object>> rows(Handle h) {
      return query.apply(h);
    }
  }

  Outcome export(CommandContext ctx, ParsedCommand cmd, boolean orders) {
    String args = cmd.args().trim().toLowerCase(Locale.ROOT);
    boolean csv = args.matches(".*\\bcsv\\b.*");
    String example = ctx.m(orders ? "export.example.orders" : "export.example.products");
    Period period = null;
    try {
      Matcher r = RANGE.matcher(args);
      Matcher m = MONTH.matcher(args);
      if (r.find()) {
        LocalDate from = LocalDate.parse(r.group(1));
        LocalDate to = LocalDate.parse(r.group(2));
        if (to.isBefore(from)) {
          return Outcome.refused(ctx.m("export.refusal.period", "period", r.group()), example);
        }
        period = new Period(millis(from), millis(to.plusDays(1)), from + ".." + to);
      } else if (m.find()) {
        YearMonth ym = YearMonth.parse(m.group(1));
        period = new Period(millis(ym.atDay(1)), millis(ym.plusMonths(1).atDay(1)), ym.toString());
      }
    } catch (DateTimeParseException e) {
      return Outcome.refused(ctx.m("export.refusal.period", "period", cmd.args().trim()), example);
    }
    Rows rows = orders ? orderRows(ctx, period) : productRows(ctx);
    String name = (orders ? "orders" : "products") + (period == null ? "" : "-" + period.label()) + (csv ? ".csv" : ".xlsx");
    Capped out = new Capped(config.maxAttachmentBytes);
    int[] count = new int[1];
    try {
      count[0] = csv ? writeCsv(ctx, rows, out) : writeXlsx(ctx, rows, out);
    } catch (TooBig e) {
      return Outcome.refused(ctx.m("export.refusal.too-big", "megabytes", String.format(Locale.ROOT, "%.1f",
          config.maxAttachmentBytes / 1024.0 / 1024.0)), ctx.m("export.example.smaller"));
    }
    List<FileAttachment> files = List.of(new FileAttachment(name, csv ? "text/csv; charset=UTF-8" : XLSX, out.toByteArray()));
    // the reply itself carries the file (docs/after-the-sale.md)
    return Outcome.done(ctx.m("export.sent", "file", name, "rows", count[0])).withFiles(files);
  }

  private long millis(LocalDate d) {
    return d.atStartOfDay(config.zone).toInstant().toEpochMilli();
  }

  private LocalDate day(Object millis) {
    return millis == null ? null : LocalDate.ofInstant(Instant.ofEpochMilli(((Number) millis).longValue()), config.zone);
  }

  private Rows orderRows(CommandContext ctx, Period period) {
    boolean buyerOnly = !ctx.actor().has(Role.OPERATOR) && !ctx.actor().has(Role.PROVIDER);
    boolean provider = !ctx.actor().has(Role.OPERATOR) && ctx.actor().has(Role.PROVIDER);
    OrderStore.Whose whose = provider ? new OrderStore.OfProvider(ctx.actor().providerId())
        : buyerOnly ? new OrderStore.OfBuyer(ctx.actor().address()) : new OrderStore.Everyone();
    return Rows.of(ctx, List.of("order", "product-id", "product", "provider", "buyer", "price", "refunded", "status",
        "created", "paid", "completed"), h -> orders.export(h, whose, period == null ? null : period.from(),
            period == null ? null : period.to(), FLUSH_EVERY)
        .map(o -> {
          List<Object> row = new ArrayList<>();
          row.add(o.orderNo());
          row.add(o.productId());
          row.add(o.productName());
          row.add(o.accountId());
          row.add(o.buyerEmail());
          row.add(BigDecimal.valueOf(o.price(), 2));
          row.add(BigDecimal.valueOf(o.refundedAmount(), 2));
          row.add(ctx.m(buyerOnly ? o.status().buyerLabelKey() : o.status().labelKey()));
          row.add(day(o.createdAt()));
          row.add(day(o.paidAt()));
          row.add(day(o.completedAt()));
          return row;
        }));
  }

  private Rows productRows(CommandContext ctx) {
    boolean all = ctx.actor().has(Role.OPERATOR);
    return Rows.of(ctx, List.of("product-id", "product", "provider", "type", "price", "unit", "product-status", "created"),
        h -> {
      var q = h.createQuery("SELECT p.id, p.name, v.account_id, p.type, p.price, p.unit, p.status, p.created_at FROM product p"
          + " JOIN provider v ON v.id = p.provider_id" + (all ? "" : " WHERE p.provider_id = :pid") + " ORDER BY p.id");
      if (!all) {
        q.bind("pid", ctx.actor().providerId());
      }
      return q.map((rs, c) -> {
        List<Object> row = new ArrayList<>();
        row.add(rs.getString("id"));
        row.add(rs.getString("name"));
        row.add(rs.getString("account_id"));
        row.add(ctx.m("type." + rs.getString("type")));
        row.add(BigDecimal.valueOf(rs.getLong("price"), 2));
        row.add(rs.getString("unit"));
        row.add(ctx.m("state.product." + rs.getString("status")));
        row.add(day(rs.getObject("created_at")));
        return row;
      }).stream();
    });
  }

  private static int writeCsv(CommandContext ctx, Rows rows, OutputStream out) {
    int n = 0;
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        Stream<List<Object>> s = rows.rows(ctx.handle())) {
      w.write('\uFEFF');
      p.printRecord(rows.headings());
      for (List<Object> row : (Iterable<List<Object>>) s::iterator) {
        List<Object> cells = new ArrayList<>();
        for (Object v : row) {
          cells.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
        }
        p.printRecord(cells);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static int writeXlsx(CommandContext ctx, Rows rows, OutputStream out) {
    int n = 0;
    try (Stream<List<Object>> s = rows.rows(ctx.handle())) {
      Workbook wb = new Workbook(out, "marketdesk", "1.0");
      Worksheet ws = wb.newWorksheet("export");
      List<String> h = rows.headings();
      for (int c = 0; c < h.size(); c++) {
        ws.value(0, c, h.get(c));
        ws.style(0, c).bold().set();
      }
      int r = 1;
      for (List<Object> row : (Iterable<List<Object>>) s::iterator) {
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof BigDecimal b) {
            ws.value(r, c, b);
            ws.style(r, c).format("0.00").set();
          } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
          } else if (v != null) {
            ws.value(r, c, v.toString());
          }
        }
        r++;
        n++;
        if (n % FLUSH_EVERY == 0) {
          ws.flush();
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Thrown when the file would be over limits.attachment-bytes. */
  static final class TooBig extends RuntimeException {
    TooBig() {
      super("export over the attachment limit", null, false, false);
    }
  }

  /** A byte buffer that refuses to grow past a cap. */
  static final class Capped extends ByteArrayOutputStream {
    private final long cap;

    Capped(long cap) {
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    private void check(int more) {
      if (count + (long) more > cap) {
        throw new TooBig();
      }
    }
  }
}
