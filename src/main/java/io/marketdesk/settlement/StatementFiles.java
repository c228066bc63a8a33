package io.marketdesk.settlement;

import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A statement as files (docs/after-the-sale.md): CSV in UTF-8 with a byte-order mark (so Excel and
 * WPS read the Chinese), written with Commons CSV, and XLSX streamed with fastexcel (docs/adr),
 * amounts as numbers with two decimals and dates as dates. Column headings come from the catalog in
 * the reader's language. Stateless and thread-safe.
 */
public final class StatementFiles {
  private static final String[] COLUMNS = {"line", "order", "product", "completed", "price", "refunded", "rate", "commission", "net"};
  private final Catalog catalog;
  private final ZoneId zone;

  public StatementFiles(Catalog catalog, ZoneId zone) {
    this.catalog = catalog;
    this.zone = zone;
  }

  private String[] headings(String lang) {
    String[] out = new String[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      out[i] = catalog.text(lang, "settlement.col." + COLUMNS[i]);
    }
    return out;
  }

  private LocalDate day(long millis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
  }

  public byte[] csv(Statement s, String lang) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      w.write('\uFEFF');
      p.printRecord((Object[]) headings(lang));
      for (StatementMath.StatementLine l : s.lines()) {
        p.printRecord(l.line(), l.orderNo(), l.productName(), day(l.completedAt()).toString(), Money.format(l.price()),
            Money.format(l.refunded()), l.ratePercent().toPlainString(), Money.format(l.commission()), Money.format(l.net()));
      }
      p.printRecord("", catalog.text(lang, "settlement.col.total"), "", "", Money.format(s.gross()), Money.format(s.refunded()), "",
          Money.format(s.commission()), Money.format(s.net()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public byte[] xlsx(Statement s, String lang) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "marketdesk", "1.0");
      Worksheet ws = wb.newWorksheet(s.id());
      String[] h = headings(lang);
      for (int c = 0; c < h.length; c++) {
        ws.value(0, c, h[c]);
        ws.style(0, c).bold().set();
      }
      int r = 1;
      for (StatementMath.StatementLine l : s.lines()) {
        ws.value(r, 0, l.line());
        ws.value(r, 1, l.orderNo());
        ws.value(r, 2, l.productName());
        ws.value(r, 3, day(l.completedAt()));
        ws.style(r, 3).format("yyyy-mm-dd").set();
        amounts(ws, r, List.of(l.price(), l.refunded()), 4);
        ws.value(r, 6, l.ratePercent());
        amounts(ws, r, List.of(l.commission(), l.net()), 7);
        r++;
      }
      ws.value(r, 1, catalog.text(lang, "settlement.col.total"));
      amounts(ws, r, List.of(s.gross(), s.refunded()), 4);
      amounts(ws, r, List.of(s.commission(), s.net()), 7);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void amounts(Worksheet ws, int r, List<Long> minor, int firstColumn) {
    for (int i = 0; i < minor.size(); i++) {
      ws.value(r, firstColumn + i, BigDecimal.valueOf(minor.get(i), 2));
      ws.style(r, firstColumn + i).format("0.00").set();
    }
  }
}
