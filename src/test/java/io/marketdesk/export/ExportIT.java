package io.marketdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * Exports by mail over real SMTP/IMAP, read back with the library cell by cell: own data only,
 * operators everything, CSV with a BOM, a 10,000-order export, and an export over the limit.
 */
class ExportIT {
  static final String TOKEN = "test-token";
  static final String SERVICE = "market@marketdesk.test";
  static final String ALICE = DemoData.ALICE;
  static final String BOB = DemoData.BOB;
  static final String BUYER = DemoData.BUYER;
  final HttpClient http = HttpClient.newHttpClient();

  void api(TestApp t, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
    b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isLessThan(300);
  }

  Mail command(TestApp t, String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "x", body));
  }

  /** The file an export's reply carries (the reply itself, not a mail of its own). */
  static byte[] file(Mail reply, String name) {
    assertThat(reply.subject()).startsWith("Re: ");
    assertThat(MailClient.attachments(reply)).containsOnlyKeys(name);
    return MailClient.attachments(reply).get(name);
  }

  static long count(TestApp t, String sql) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  static List<Row> sheet(byte[] xlsx) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
      return wb.getFirstSheet().read();
    }
  }

  @Test
  void shouldMailEachSenderTheirOwnDataAsFilesThatReadBack() throws Exception {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T01:00:00Z"));
    try (TestApp t = TestApp.start(Map.of("api.token", TOKEN, "security.replies-per-hour", "1000"), clock)) {
      api(t, "/api/orders", "{\"orderNo\":\"2026110299001\",\"productId\":\"P1001\",\"buyerEmail\":\"" + BUYER
          + "\",\"price\":\"1280.50\"}");
      api(t, "/api/orders/2026110299001/paid", null);
      api(t, "/api/orders", "{\"orderNo\":\"2026110299002\",\"productId\":\"P1002\",\"buyerEmail\":\"" + BUYER
          + "\",\"price\":\"88\"}");
      String opsName = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT name FROM product WHERE id = 'P1001'")
          .mapTo(String.class).one());

      // alice, xlsx by default, November only: her orders of the month (with a demo order of Nov 1)
      long mine = count(t, "SELECT COUNT(*) FROM orders o JOIN provider v ON v.id = o.provider_id WHERE v.account_id = '"
          + DemoData.ALICE_ACCOUNT + "' AND o.created_at >= " + Instant.parse("2026-10-31T16:00:00Z").toEpochMilli());
      Mail reply = command(t, ALICE, "导出 订单 2026-11");
      assertThat(reply.body()).contains("已导出 " + mine + " 行").contains("orders-2026-11.xlsx").contains("附在这封回复中");
      assertThat(MailClient.attachments(reply)).containsOnlyKeys("orders-2026-11.xlsx");
      assertThat(t.mail.inbox(ALICE).stream().filter(m -> m.subject().contains("orders-2026-11.xlsx"))).isEmpty();
      List<Row> rows = sheet(MailClient.attachments(reply).get("orders-2026-11.xlsx"));
      assertThat(rows).hasSize((int) mine + 1);
      assertThat(rows.get(0).getCell(0).asString()).isEqualTo("订单号");
      assertThat(rows.stream().skip(1).map(x -> x.getCell(3).asString())).containsOnly(DemoData.ALICE_ACCOUNT);
      Row r = rows.stream().filter(x -> x.getCell(0).asString().equals("2026110299001")).findFirst().orElseThrow();
      assertThat(r.getCell(0).asString()).isEqualTo("2026110299001");
      assertThat(r.getCell(2).asString()).isEqualTo(opsName).matches(".*\\p{IsHan}.*");
      assertThat(r.getCell(3).asString()).isEqualTo(DemoData.ALICE_ACCOUNT);
      assertThat(r.getCell(5).getType()).isEqualTo(CellType.NUMBER);
      assertThat(r.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("1280.50"));
      assertThat(r.getCell(6).asNumber()).isEqualByComparingTo(BigDecimal.ZERO);
      assertThat(r.getCell(7).asString()).isEqualTo("已支付");
      assertThat(r.getCell(8).getType()).isEqualTo(CellType.NUMBER);
      assertThat(r.getCell(8).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
      assertThat(r.getCell(8).getDataFormatString()).contains("yy");
      assertThat(r.getCellCount()).isEqualTo(10); // not completed: the last cell is empty

      // bob, CSV, a range: only his order; UTF-8 with a BOM
      Mail bobs = command(t, BOB, "export orders 2026-10-01..2026-11-30 csv");
      assertThat(bobs.body()).contains("rows exported").contains("is attached to this reply");
      byte[] csv = file(bobs, "orders-2026-10-01..2026-11-30.csv");
      assertThat(new byte[] {csv[0], csv[1], csv[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new java.io.StringReader(new String(csv, 3, csv.length - 3,
          StandardCharsets.UTF_8))).getRecords();
      assertThat(lines.get(0).get(0)).isEqualTo("Order");
      assertThat(lines.stream().skip(1).map(x -> x.get(3))).containsOnly(DemoData.BOB_ACCOUNT);
      assertThat(lines.stream().map(x -> x.get(0))).contains("2026110299002").doesNotContain("2026110299001");
      assertThat(lines.stream().filter(x -> x.get(0).equals("2026110299002")).findFirst().orElseThrow().get(5)).isEqualTo("88.00");

      // the buyer: own orders with buyer labels; the operator: every order
      List<Row> buyer = sheet(file(command(t, BUYER, "导出 订单 2026-11"), "orders-2026-11.xlsx"));
      assertThat(buyer).hasSize((int) count(t, "SELECT COUNT(*) FROM orders WHERE buyer_email = '" + BUYER + "' AND created_at >= "
          + Instant.parse("2026-10-31T16:00:00Z").toEpochMilli()) + 1);
      assertThat(buyer.stream().skip(1).map(x -> x.getCell(7).asString())).contains("处理中", "待支付").doesNotContain("已支付");
      long all = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM orders").mapTo(Long.class).one());
      assertThat(command(t, DemoData.OPERATOR, "导出 订单").body()).contains("已导出 " + all + " 行");

      // products: alice's own
      List<Row> products = sheet(file(command(t, ALICE, "导出 商品"), "products.xlsx"));
      assertThat(products.stream().skip(1).map(x -> x.getCell(2).asString())).containsOnly(DemoData.ALICE_ACCOUNT);
      assertThat(products.get(1).getCell(4).getType()).isEqualTo(CellType.NUMBER);

      // 10,000 orders stream into one file
      t.app.db().jdbi().useTransaction(h -> {
        var batch = h.prepareBatch("INSERT INTO orders (order_no, product_id, provider_id, buyer_email, price, original_price, status,"
            + " created_at, updated_at) SELECT :no, 'P1001', id, 'bulk@customer.test', 10000, 10000, 'completed', :at, :at"
            + " FROM provider WHERE account_id = :acct");
        for (int i = 0; i < 10_000; i++) {
          batch.bind("no", "BULK" + String.format("%06d", i)).bind("at", Instant.parse("2026-11-15T00:00:00Z").toEpochMilli() + i)
              .bind("acct", DemoData.ALICE_ACCOUNT).add();
        }
        batch.execute();
      });
      long start = System.nanoTime();
      long month = mine + 10_000;
      Mail bigReply = command(t, ALICE, "export orders 2026-11");
      assertThat(bigReply.body()).contains(month + " rows exported");
      List<Row> big = sheet(file(bigReply, "orders-2026-11.xlsx"));
      System.out.printf("export of %d orders: %d ms to the reply, %d rows read back%n",
          month, (System.nanoTime() - start) / 1_000_000, big.size());
      assertThat(big).hasSize((int) month + 1);
      assertThat(big.get((int) month).getCell(0).asString()).isEqualTo("BULK009999");
      assertThat(big.get((int) month).getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("100.00"));
    }
  }

  @Test
  void shouldAnswerClearlyWhenTheFileWouldBeOverTheAttachmentLimit() {
    try (TestApp t = TestApp.start(Map.of("api.token", TOKEN, "limits.attachment-bytes", "1024"))) {
      Mail reply = command(t, DemoData.OPERATOR, "导出 订单 csv");
      assertThat(reply.body()).contains("✘").contains("超过附件上限").contains("没有发送").contains("2026-10-01..2026-10-15");
      assertThat(t.mail.inbox(DemoData.OPERATOR).stream().filter(m -> m.subject().contains("导出文件"))).isEmpty();
    }
  }

  @Test
  void shouldWriteATraditionalChineseExportAndReadEveryProductCellBack() throws Exception {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T01:00:00Z"));
    try (TestApp t = TestApp.start(Map.of("api.token", TOKEN, "security.replies-per-hour", "1000"), clock)) {
      api(t, "/api/orders", "{\"orderNo\":\"2026110299101\",\"productId\":\"P1001\",\"buyerEmail\":\"" + BUYER
          + "\",\"price\":\"1,280.50\"}");
      api(t, "/api/orders/2026110299101/paid", null);
      // a 繁體 mail: the reply, the file's headings and its state labels in 繁體
      Mail hant = command(t, ALICE, "匯出 訂單 2026-11 csv");
      assertThat(hant.body()).contains("附在這封回覆中").doesNotContain("附在这封回复中");
      byte[] csv = file(hant, "orders-2026-11.csv");
      List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new java.io.StringReader(new String(csv, 3, csv.length - 3,
          StandardCharsets.UTF_8))).getRecords();
      assertThat(lines.get(0).toList()).startsWith("訂單號", "商品 ID", "商品", "服務商帳號 ID");
      CSVRecord order = lines.stream().filter(x -> x.get(0).equals("2026110299101")).findFirst().orElseThrow();
      assertThat(order.get(5)).isEqualTo("1280.50");
      assertThat(order.get(7)).isEqualTo("已支付");
      assertThat(order.get(8)).isEqualTo("2026-11-02");

      // products, xlsx: every cell of alice's listed ops product as its type
      List<Row> products = sheet(file(command(t, ALICE, "导出 商品"), "products.xlsx"));
      assertThat(products.get(0).getCell(1).asString()).isEqualTo("商品");
      Row p1001 = products.stream().filter(x -> x.getCell(0).asString().equals("P1001")).findFirst().orElseThrow();
      String name = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT name FROM product WHERE id = 'P1001'")
          .mapTo(String.class).one());
      long price = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT price FROM product WHERE id = 'P1001'")
          .mapTo(Long.class).one());
      assertThat(p1001.getCell(1).asString()).isEqualTo(name).matches(".*\\p{IsHan}.*");
      assertThat(p1001.getCell(2).asString()).isEqualTo(DemoData.ALICE_ACCOUNT);
      assertThat(p1001.getCell(3).asString()).isEqualTo("运维服务");
      assertThat(p1001.getCell(4).getType()).isEqualTo(CellType.NUMBER);
      assertThat(p1001.getCell(4).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(price, 2));
      assertThat(p1001.getCell(6).asString()).isEqualTo("已上架");
      assertThat(p1001.getCell(7).getType()).isEqualTo(CellType.NUMBER);
      assertThat(p1001.getCell(7).getDataFormatString()).contains("yy");
    }
  }
}
