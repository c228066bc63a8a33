package io.marketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.ParsedCommands;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Rows for the pages to show (written with SQL, as the features will), logging in by mail, HTTP. */
final class WebFixtures {
  static final String OTHER_BUYER = "other-buyer@customer.test";
  static final String BOB_SECRET_BUYER = "secret-buyer@bob-customer.test";
  static final Pattern LINK = Pattern.compile("(https?://\\S+)/login/([a-z2-7]{26})");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private WebFixtures() {}

  /** Products, orders, reviews and audit entries of alice and bob, and orders of the demo buyer. */
  static void seed(TestApp t) {
    long now = t.clock.millis();
    long day = 86_400_000L;
    t.app.db().jdbi().useTransaction(h -> {
      long alice = providerId(h, DemoData.ALICE_ACCOUNT);
      long bob = providerId(h, DemoData.BOB_ACCOUNT);
      product(h, "P-A1", alice, "ops", "listed", "云帆 Linux 运维托管", 100_000, now);
      product(h, "P-A2", alice, "software", "in_review", null, 0, now);
      version(h, "P-A2", "software", "云帆新软件 Alice", 5_000, "in_review", DemoData.ALICE, now);
      product(h, "P-B1", bob, "ops", "listed", "北辰秘密数据服务", 200_000, now);
      order(h, "20260101000001", "P-A1", alice, DemoData.BUYER, 100_000, "paid", now - 3 * day);
      order(h, "20260101000002", "P-A1", alice, OTHER_BUYER, 100_000, "unpaid", now - 2 * day);
      order(h, "20260101000003", "P-B1", bob, BOB_SECRET_BUYER, 200_000, "awaiting_confirmation", now - day);
      order(h, "20260101000004", "P-B1", bob, DemoData.BUYER, 200_000, "disputed", now - day);
      review(h, "product", "P-A2", alice, DemoData.ALICE, "新商品：云帆新软件", "New product: Alice software",
          "[{\"field\":\"name\",\"labelZh\":\"名称\",\"labelEn\":\"Name\",\"before\":\"\",\"after\":\"云帆新软件 Alice\"}]",
          now - 5 * day, now - day);
      review(h, "account", DemoData.BOB_ACCOUNT, bob, DemoData.BOB, "北辰修改账户信息", "Bob account change",
          "[{\"field\":\"contact_phone\",\"labelZh\":\"联系电话\",\"labelEn\":\"Contact phone\",\"before\":\"13900139000\","
              + "\"after\":\"13911112222\"}]",
          now - day, now + 2 * day);
      audit(h, now, DemoData.ALICE, "product", "P-A1", "listed", "in_review", "listed");
      audit(h, now, DemoData.BOB, "product", "P-B1", "listed", "in_review", "bob-private-audit");
    });
  }

  static long providerId(Handle h, String account) {
    return h.createQuery("SELECT id FROM provider WHERE account_id = :a").bind("a", account).mapTo(Long.class).one();
  }

  static void product(Handle h, String id, long provider, String type, String status, String name, long price, long now) {
    boolean live = name != null;
    h.createUpdate("INSERT INTO product (id, provider_id, type, status, live_version, pending_version, name, price, unit,"
            + " summary, description, created_at, updated_at) VALUES (:id, :p, :type, :status, :lv, :pv, :name, :price, :unit,"
            + " :summary, :d, :now, :now)")
        .bind("id", id).bind("p", provider).bind("type", type).bind("status", status)
        .bind("lv", live ? 1 : null).bind("pv", live ? null : 1).bind("name", name).bind("price", live ? price : null)
        .bind("unit", live ? "次" : null).bind("summary", live ? "7x24 小时值守，专家远程运维" : null)
        .bind("d", live ? "包含巡检、故障处理与月度报告。" : null).bind("now", now)
        .execute();
    if (live) {
      version(h, id, type, name, price, "approved", "seed@marketdesk.test", now);
    }
  }

  static void version(Handle h, String id, String type, String name, long price, String status, String by, long now) {
    h.createUpdate("INSERT INTO product_version (product_id, version, type, name, price, unit, summary, description, status,"
            + " submitted_by, submitted_at) VALUES (:id, 1, :type, :name, :price, '次', 's', 'd', :status, :by, :now)")
        .bind("id", id).bind("type", type).bind("name", name).bind("price", price).bind("status", status).bind("by", by)
        .bind("now", now)
        .execute();
  }

  static void order(Handle h, String no, String product, long provider, String buyer, long price, String status, long at) {
    h.createUpdate("INSERT INTO orders (order_no, product_id, provider_id, buyer_email, price, original_price, status,"
            + " status_before_dispute, created_at, updated_at) VALUES (:no, :p, :pid, :b, :price, :price, :s, :before, :at, :at)")
        .bind("no", no).bind("p", product).bind("pid", provider).bind("b", buyer).bind("price", price).bind("s", status)
        .bind("before", status.equals("disputed") ? "implementing" : null).bind("at", at)
        .execute();
  }

  static long review(Handle h, String kind, String subject, long provider, String by, String tz, String te, String changes,
      long submitted, long due) {
    return h.createUpdate("INSERT INTO review (kind, subject, provider_id, requested_by, lang, title_zh, title_en, payload,"
            + " changes, status, submitted_at, due_at) VALUES (:k, :s, :p, :by, 'zh', :tz, :te, '{}', :c, 'open', :sub, :due)")
        .bind("k", kind).bind("s", subject).bind("p", provider).bind("by", by).bind("tz", tz).bind("te", te)
        .bind("c", changes).bind("sub", submitted).bind("due", due)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  static void audit(Handle h, long at, String actor, String entity, String id, String action, String before, String after) {
    h.createUpdate("INSERT INTO audit_log (at, actor, entity, entity_id, action, before_state, after_state)"
            + " VALUES (:at, :actor, :e, :id, :a, :b, :af)")
        .bind("at", at).bind("actor", actor).bind("e", entity).bind("id", id).bind("a", action).bind("b", before)
        .bind("af", after)
        .execute();
  }

  /** Sends 登录 from an address and returns the login token of the reply. */
  static String loginToken(TestApp t, String from, String command) {
    String id = t.mail.send(from, "market@marketdesk.test", "hello", command + "\n");
    Mail reply = t.mail.awaitReplyTo(from, id);
    Matcher m = LINK.matcher(reply.body());
    assertThat(m.find()).as("a login link in: %s", reply.body()).isTrue();
    assertThat(m.group(1)).isEqualTo(t.app.config().webBaseUrl);
    return m.group(2);
  }

  static HttpResponse<String> get(TestApp t, String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return send(b.build());
  }

  static HttpResponse<String> post(TestApp t, String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return send(b.build());
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Logs in by mail and returns the {@code name=value} of the session cookie. */
  static String login(TestApp t, String address) {
    HttpResponse<String> r = get(t, "/login/" + loginToken(t, address, "登录"), null);
    assertThat(r.statusCode()).isEqualTo(303);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** A decoded mailto link: address, subject and body. */
  record MailtoLink(String to, String subject, String body) {}

  /** A mailto link and the command it says it writes ({@code data-command}), or null when it says none. */
  record CommandLink(MailtoLink link, String command) {}

  /** Every mailto link on a page, HTML entities in the href undone and the query decoded. */
  static java.util.List<MailtoLink> mailtos(String html) {
    return commandLinks(html).stream().map(CommandLink::link).toList();
  }

  /**
   * Asserts that every mailto link on a page names its command, and that the mail it writes parses
   * back to that command with the app's own parser: the subject alone, and subject and body together.
   */
  static void assertLinksParseBack(TestApp t, String html) {
    CommandParser parser = new CommandParser(t.app.core().shared().commands().specs(), 10);
    java.util.List<CommandLink> links = commandLinks(html);
    assertThat(links).isNotEmpty();
    for (CommandLink l : links) {
      assertThat(l.command()).as("the command of %s", l.link()).isNotNull();
      ParsedCommands subject = parser.parse(l.link().subject(), java.util.List.of());
      assertThat(subject.commands()).as("the subject of %s", l.link()).extracting(c -> c.spec().name())
          .containsExactly(l.command());
      ParsedCommands mail = parser.parse(l.link().subject(), java.util.List.of(l.link().body().split("\r?\n", -1)));
      assertThat(mail.commands()).as("the mail of %s", l.link()).isNotEmpty()
          .allSatisfy(c -> assertThat(c.spec().name()).isEqualTo(l.command()));
    }
  }

  /** Every mailto link on a page with the command it names. */
  static java.util.List<CommandLink> commandLinks(String html) {
    java.util.List<CommandLink> out = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("href=\"(mailto:[^\"]+)\"(?: data-command=\"([^\"]+)\")?").matcher(html);
    while (m.find()) {
      String href = m.group(1).replace("&amp;", "&");
      assertThat(href).doesNotContain(" ").doesNotContain("+");
      String to = href.substring("mailto:".length(), href.indexOf('?'));
      Map<String, String> q = new LinkedHashMap<>();
      for (String part : href.substring(href.indexOf('?') + 1).split("&")) {
        int eq = part.indexOf('=');
        q.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
      out.add(new CommandLink(new MailtoLink(to, q.get("subject"), q.get("body")), m.group(2)));
    }
    return out;
  }
}
