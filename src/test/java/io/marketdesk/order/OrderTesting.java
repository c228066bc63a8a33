package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.command.Outcome;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** What the order tests share: the API, mails with attachments, notices, deciding reviews. */
final class OrderTesting {
  static final String TOKEN = "test-token";
  static final String SERVICE = "market@marketdesk.test";
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
  private final TestApp t;
  private final HttpClient http = HttpClient.newHttpClient();

  OrderTesting(TestApp t) {
    this.t = t;
  }

  static String newOrderNo() {
    return "2026" + String.format("%010d", SEQ.incrementAndGet());
  }

  /** An HTTP answer: status and body. */
  record Answer(int status, String body) {}

  Answer api(String method, String path, String json) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
      b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
          : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Answer createOrder(String no, String product, String buyer, String price) {
    return api("POST", "/api/orders", "{\"orderNo\":\"" + no + "\",\"productId\":\"" + product + "\",\"buyerEmail\":\"" + buyer
        + "\",\"price\":\"" + price + "\"}");
  }

  /** A new paid order of alice's P1001 for the demo buyer. */
  String paidOrder() {
    String no = newOrderNo();
    assertThat(createOrder(no, "P1001", DemoData.BUYER, "1000.00").status()).isEqualTo(201);
    assertThat(api("POST", "/api/orders/" + no + "/paid", null).status()).isEqualTo(200);
    return no;
  }

  Order order(String no) {
    return t.app.db().jdbi().withHandle(h -> new OrderStore().find(h, no)).orElseThrow();
  }

  /** Sends a command mail and returns the reply. */
  Mail command(String from, String body) {
    String id = t.mail.send(from, SERVICE, "order", body);
    return t.mail.awaitReplyTo(from, id);
  }

  /** Notices (not replies) about an order in a mailbox, oldest first. */
  List<Mail> notices(String address, String orderNo) {
    return t.mail.inbox(address).stream().filter(m -> m.inReplyTo() == null && m.subject().contains(orderNo)).toList();
  }

  /** Waits until exactly {@code n} notices about the order are in the mailbox (and no more arrive). */
  List<Mail> awaitNotices(String address, String orderNo, int n) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> notices(address, orderNo).size() >= n);
    List<Mail> all = notices(address, orderNo);
    assertThat(all).as("notices to " + address + " about " + orderNo).hasSize(n);
    return all;
  }

  /** Outbox rows to an address whose subject names the order (sent or not). */
  long outboxCount(String address, String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE to_addr = :a AND kind = 'notice'"
            + " AND subject LIKE :s").bind("a", address).bind("s", "%" + orderNo + "%").mapTo(Long.class).one());
  }

  /** Sends a mail with one attachment. */
  String sendWithAttachment(String from, String body, String filename, byte[] data) {
    try {
      Properties p = new Properties();
      p.put("mail.smtp.host", "127.0.0.1");
      p.put("mail.smtp.port", String.valueOf(t.mail.smtpPort()));
      Session s = Session.getInstance(io.marketdesk.testing.MailClient.withTimeouts(p));
      String id = "att." + System.nanoTime() + "@client.test";
      MimeMessage m = new MimeMessage(s) {
        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
          setHeader("Message-ID", "<" + id + ">");
        }
      };
      m.setFrom(new InternetAddress(from));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(SERVICE));
      m.setSubject("需求单", "UTF-8");
      MimeMultipart mp = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      mp.addBodyPart(text);
      MimeBodyPart att = new MimeBodyPart();
      att.setDataHandler(new DataHandler(new ByteArrayDataSource(data, "text/plain")));
      att.setFileName(filename);
      mp.addBodyPart(att);
      m.setContent(mp);
      Transport.send(m);
      return id;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decides the open appeal review of an order as the demo operator does: {@code 审核 ID 同意} /
   * {@code 审核 ID 拒绝 REASON} by mail over SMTP; the outcome is read back from the reply (done when
   * it marks the command done; its message the reply's body).
   */
  Outcome decideAppeal(String orderNo, boolean approve, String note) {
    Reviews reviews = t.app.core().review().reviews();
    Review r = t.app.db().jdbi().withHandle(h -> reviews.openFor(h, "appeal", orderNo)).orElseThrow();
    String line = "审核 " + r.id() + (approve ? " 同意" : " 拒绝 " + note);
    String id = t.mail.send(DemoData.OPERATOR, "market@marketdesk.test", "审核 " + r.id(), line + "\n");
    String body = t.mail.awaitReplyTo(DemoData.OPERATOR, id).body();
    return body.contains("✔ 完成") && !body.contains("✘ 未执行") ? Outcome.done(body) : Outcome.refused(body, "");
  }
}
