package io.marketdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * A statement month over real SMTP/IMAP: a partly refunded order, two service types with their own
 * commission rates, made by the monthly job on the 1st and never twice, the CSV and XLSX read back
 * cell by cell, the API, and the provider's confirmation in a reply.
 */
class SettlementIT {
  static final String TOKEN = "test-token";
  static final String SERVICE = "market@marketdesk.test";
  static final String ALICE = DemoData.ALICE;
  static final String BUYER = DemoData.BUYER;
  static final String ID = "S202611-" + DemoData.ALICE_ACCOUNT;
  final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  String api(TestApp t, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isLessThan(300);
    return r.body();
  }

  void paid(TestApp t, String no, String product, String price) throws Exception {
    api(t, "POST", "/api/orders", "{\"orderNo\":\"" + no + "\",\"productId\":\"" + product + "\",\"buyerEmail\":\"" + BUYER
        + "\",\"price\":\"" + price + "\"}");
    api(t, "POST", "/api/orders/" + no + "/paid", null);
  }

  static String name(TestApp t, String product) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT name FROM product WHERE id = :id").bind("id", product)
        .mapTo(String.class).one());
  }

  static long reviewOf(TestApp t, String subject) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM review WHERE kind = 'settlement' AND subject = :s")
        .bind("s", subject).mapTo(Long.class).one());
  }

  Mail command(TestApp t, String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "x", body));
  }

  @Test
  void shouldMakeOneStatementPerMonthWithExactSumsFilesAndConfirmation() throws Exception {
    // 2026-11-02 09:00 Shanghai: the demo orders completed before November stay out of the month
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T01:00:00Z"));
    Map<String, String> keys = Map.of("api.token", TOKEN, "security.replies-per-hour", "1000",
        "settlement.commission-percent.ops", "8", "orders.auto-confirm-after", "0");
    try (TestApp t = TestApp.start(keys, clock)) {
      String a = "2026110200001";
      String b = "2026110200002";
      String c = "2026110200003";
      paid(t, a, "P1001", "1000.00");
      assertThat(command(t, BUYER, "申请退款 " + a + " 300 只需要一半的服务").body()).contains("✔");
      assertThat(command(t, ALICE, "同意退款 " + a).body()).contains("✔");
      clock.advance(Duration.ofHours(1));
      for (String no : List.of(a)) {
        command(t, ALICE, "开始实施 " + no + " 确定");
        command(t, ALICE, "已完成 " + no + " 确定");
        assertThat(command(t, BUYER, "确认完成 " + no).body()).contains("✔");
      }
      clock.advance(Duration.ofHours(1));
      paid(t, b, "P1001", "333.33");
      command(t, ALICE, "开始实施 " + b + " 确定");
      command(t, ALICE, "已完成 " + b + " 确定");
      command(t, BUYER, "确认完成 " + b);
      clock.advance(Duration.ofHours(1));
      paid(t, c, "P1003", "99.99"); // software completes on payment

      // the job makes last month's statements on the 1st, once
      clock.set(Instant.parse("2026-11-30T15:00:00Z"));
      t.app.scheduler().tickNow();
      long before = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM settlement WHERE month = '2026-11'").mapTo(Long.class).one());
      assertThat(before).isZero();
      clock.set(Instant.parse("2026-12-01T02:00:00Z"));
      t.app.scheduler().tickNow();
      t.app.scheduler().tickNow();
      Settlements s = t.app.core().settlement().settlements();
      Settlements.RunResult again = s.run(YearMonth.of(2026, 11));
      assertThat(again.made()).isEmpty();
      assertThat(again.existing()).contains(ID);

      Mail mail = t.mail.await(ALICE, m -> m.subject().contains(ID));
      assertThat(mail.subject()).contains("结算单").contains("¥1,045.65");
      assertThat(mail.body()).contains("订单数：3").contains("¥1,433.32").contains("¥300.00").contains("¥87.67")
          .contains("ops 8%").contains("software 5%").contains("四舍五入到分");
      Map<String, byte[]> files = MailClient.attachments(mail);
      assertThat(files).containsOnlyKeys(ID + ".csv", ID + ".xlsx");

      // CSV: UTF-8 with a BOM, Chinese headings, amounts as plain decimals
      String opsName = name(t, "P1001");
      String softwareName = name(t, "P1003");
      byte[] csv = files.get(ID + ".csv");
      assertThat(new byte[] {csv[0], csv[1], csv[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(new String(csv, 3, csv.length - 3,
          StandardCharsets.UTF_8))).getRecords();
      assertThat(rows.get(0).toList()).containsExactly("行号", "订单号", "商品", "完成日期", "订单金额", "已退款", "佣金比例(%)", "佣金", "应结算");
      assertThat(rows).hasSize(5);
      assertThat(rows.get(1).toList()).containsExactly("1", a, opsName, "2026-11-02", "1000.00", "300.00", "8", "56.00",
          "644.00");
      assertThat(rows.get(2).toList()).containsExactly("2", b, opsName, "2026-11-02", "333.33", "0.00", "8", "26.67",
          "306.66");
      assertThat(rows.get(3).toList()).containsExactly("3", c, softwareName, "2026-11-02", "99.99", "0.00", "5", "5.00", "94.99");
      assertThat(rows.get(4).toList()).containsExactly("", "合计", "", "", "1433.32", "300.00", "", "87.67", "1045.65");

      // XLSX read back with the library: text, numbers and dates as such
      try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(files.get(ID + ".xlsx")),
            new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
        List<Row> x = wb.getFirstSheet().read();
        assertThat(x.get(0).getCell(2).asString()).isEqualTo("商品");
        Row first = x.get(1);
        assertThat(first.getCell(1).asString()).isEqualTo(a);
        assertThat(first.getCell(2).asString()).isEqualTo(opsName).matches(".*\\p{IsHan}.*");
        assertThat(first.getCell(3).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(3).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(first.getCell(3).getDataFormatString()).contains("yy");
        for (int col : new int[] {4, 5, 7, 8}) {
          assertThat(first.getCell(col).getType()).isEqualTo(CellType.NUMBER);
        }
        assertThat(first.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("1000.00"));
        assertThat(first.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("300.00"));
        assertThat(first.getCell(7).asNumber()).isEqualByComparingTo(new BigDecimal("56.00"));
        assertThat(first.getCell(8).asNumber()).isEqualByComparingTo(new BigDecimal("644.00"));
        Row total = x.get(4);
        assertThat(total.getCell(1).asString()).isEqualTo("合计");
        assertThat(total.getCell(8).asNumber()).isEqualByComparingTo(new BigDecimal("1045.65"));
      }

      // the API
      JsonNode list = JSON.readTree(api(t, "GET", "/api/settlements?provider=" + DemoData.ALICE_ACCOUNT, null));
      // newest month first; October holds the demo orders completed then
      assertThat(list).hasSize(2);
      assertThat(list.get(0).get("id").asText()).isEqualTo(ID);
      assertThat(list.get(1).get("month").asText()).isEqualTo("2026-10");
      JsonNode one = JSON.readTree(api(t, "GET", "/api/settlements/" + ID, null));
      assertThat(one.get("providerAccountId").asText()).isEqualTo(DemoData.ALICE_ACCOUNT);
      assertThat(one.get("month").asText()).isEqualTo("2026-11");
      assertThat(one.get("status").asText()).isEqualTo("sent");
      assertThat(one.get("gross").asText()).isEqualTo("1433.32");
      assertThat(one.get("refunded").asText()).isEqualTo("300.00");
      assertThat(one.get("commission").asText()).isEqualTo("87.67");
      assertThat(one.get("net").asText()).isEqualTo("1045.65");
      assertThat(one.get("lines")).hasSize(3);
      assertThat(one.get("lines").get(1).get("orderNo").asText()).isEqualTo(b);
      assertThat(one.get("lines").get(1).get("commission").asText()).isEqualTo("26.67");

      // two lines disputed in one reply: line 2 approved (revised statement), line 3 rejected (stands)
      String disputes = t.mail.reply(ALICE, mail, "异议 2 20.00 约定佣金比例为 6%\n异议 3 4.00 软件佣金 4%\n异议 9 1.00 没有这一行");
      String answer = t.mail.awaitReplyTo(ALICE, disputes).body();
      assertThat(answer).contains("第 2 行的异议已提交").contains("第 3 行的异议已提交").contains("没有第 9 行");
      assertThat(JSON.readTree(api(t, "GET", "/api/settlements/" + ID, null)).get("status").asText()).isEqualTo("disputed");
      long line2 = reviewOf(t, ID + "#2");
      long line3 = reviewOf(t, ID + "#3");
      String ok = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "审核 " + line2 + " 同意 已核对合同\n");
      assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, ok).body()).contains("修订后的结算单已发出").contains("¥1,052.32");
      Mail revised = t.mail.await(ALICE, m -> m.subject().contains("修订后的结算单 " + ID));
      assertThat(revised.subject()).contains("¥1,052.32");
      List<CSVRecord> rev = CSVFormat.DEFAULT.parse(new java.io.StringReader(new String(MailClient.attachments(revised)
          .get(ID + ".csv"), StandardCharsets.UTF_8).substring(1))).getRecords();
      assertThat(rev.get(2).toList()).containsExactly("2", b, opsName, "2026-11-02", "333.33", "0.00", "8", "20.00", "313.33");
      assertThat(rev.get(4).toList()).containsExactly("", "合计", "", "", "1433.32", "300.00", "", "81.00", "1052.32");
      String no = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "审核 " + line3 + " 拒绝 软件类佣金为 5%\n");
      assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, no).body()).contains("已驳回");
      assertThat(t.mail.await(ALICE, m -> m.body().contains("软件类佣金为 5%")).body()).contains("软件类佣金为 5%");
      JsonNode resolved = JSON.readTree(api(t, "GET", "/api/settlements/" + ID, null));
      assertThat(resolved.get("status").asText()).isEqualTo("resolved");
      assertThat(resolved.get("revision").asInt()).isEqualTo(2);
      assertThat(resolved.get("commission").asText()).isEqualTo("81.00");
      assertThat(resolved.get("lines").get(2).get("commission").asText()).isEqualTo("5.00");

      // confirmed in a reply that names no statement
      String reply = t.mail.reply(ALICE, mail, "确认");
      assertThat(t.mail.awaitReplyTo(ALICE, reply).body()).contains("已确认结算单 " + ID).contains("¥1,052.32");
      assertThat(JSON.readTree(api(t, "GET", "/api/settlements/" + ID, null)).get("status").asText()).isEqualTo("confirmed");
      assertThat(command(t, ALICE, "确认 " + ID).body()).contains("✘").contains("已确认");
    }
  }
}
