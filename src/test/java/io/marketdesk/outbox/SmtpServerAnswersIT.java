package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.embedded.EmbeddedMailServer;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the sender says to an SMTP server and keeps of its answers, against a server that talks like
 * Postfix's submission service where GreenMail cannot: it announces 8BITMIME and refuses an unknown
 * recipient with its own words. The app reads its mailbox from a GreenMail over IMAP as usual.
 */
@Timeout(120)
class SmtpServerAnswersIT {
  private static final String REFUSAL =
      "550 5.1.1 <nobody@provider-b.test>: Recipient address rejected: User unknown in virtual mailbox table";

  @Test
  void shouldGreetWithTheServiceDomainSendEightBitAndKeepTheWholeRefusal() throws Exception {
    try (PostfixLikeServer smtp = new PostfixLikeServer();
        EmbeddedMailServer mailbox = new EmbeddedMailServer(0, 0, "market@marketdesk.test", App.DEMO_PASSWORD,
            App.demoMailboxes())) {
      mailbox.addUser("nobody@provider-b.test", "demo");
      String imap = "imap://market%40marketdesk.test:" + App.DEMO_PASSWORD + "@127.0.0.1:" + mailbox.imapPort() + "/INBOX";
      try (TestApp t = TestApp.onMailbox(imap, Map.of("smtp.url", "smtp://127.0.0.1:" + smtp.port(),
          // the stranger is answered only when mails are trusted (docs/security.md)
          "security.unauthenticated", "trust"), FakeClock.now())) {
        MailClient client = new MailClient(mailbox.smtpPort(), mailbox.imapPort());
        client.send(DemoData.ALICE, "market@marketdesk.test", "你好", "帮助");
        client.send("nobody@provider-b.test", "market@marketdesk.test", "hello", "help");

        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> smtp.data.stream().anyMatch(m -> m.contains("【1】帮助")) && count(t, "failed") == 1);
        assertThat(smtp.ehlo).containsOnly("marketdesk.test");
        assertThat(smtp.mailFrom).allMatch(f -> f.matches("<market\\+b-[a-z2-7]{26}@marketdesk\\.test>.*"));
        // quoted-printable as built, turned into 8bit on the way because the server offers 8BITMIME
        String sent = smtp.data.stream().filter(m -> m.contains("【1】帮助")).findFirst().orElseThrow();
        assertThat(sent).containsIgnoringCase("Content-Transfer-Encoding: 8bit").contains("charset=UTF-8")
            .contains("【1】帮助").doesNotContain("??");

        String error = t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT last_error FROM outbox WHERE status = 'failed'").mapTo(String.class).one());
        assertThat(error).isEqualTo(REFUSAL);
        HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(t.baseUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Recipient address rejected: User unknown in virtual mailbox table")
            .doesNotContain("nobody@provider-b.test");
      }
    }
  }

  private static long count(TestApp t, String status) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = :s")
        .bind("s", status).mapTo(Long.class).one());
  }

  /** A loopback SMTP server with Postfix's answers: one connection at a time, each on its own thread. */
  private static final class PostfixLikeServer implements AutoCloseable {
    final ServerSocket socket;
    final List<String> ehlo = new CopyOnWriteArrayList<>();
    final List<String> mailFrom = new CopyOnWriteArrayList<>();
    final List<String> data = new CopyOnWriteArrayList<>();
    private final Thread thread;

    PostfixLikeServer() throws IOException {
      socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "postfix-like");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          Thread c = new Thread(() -> talk(s), "postfix-like-conn");
          c.setDaemon(true);
          c.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void talk(Socket s) {
      try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
          OutputStream out = s.getOutputStream()) {
        say(out, "220 mx.provider-b.test ESMTP Postfix");
        boolean refused = false;
        String line;
        while ((line = in.readLine()) != null) {
          String upper = line.toUpperCase(java.util.Locale.ROOT);
          if (upper.startsWith("EHLO ")) {
            ehlo.add(line.substring(5).trim());
            say(out, "250-mx.provider-b.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
          } else if (upper.startsWith("MAIL FROM:")) {
            mailFrom.add(line.substring(10).trim());
            refused = false;
            say(out, "250 2.1.0 Ok");
          } else if (upper.startsWith("RCPT TO:")) {
            refused = line.contains("nobody@");
            say(out, refused ? REFUSAL : "250 2.1.5 Ok");
          } else if (upper.equals("DATA")) {
            if (refused) {
              say(out, "554 5.5.1 Error: no valid recipients");
              continue;
            }
            say(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder mail = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              mail.append(line).append("\r\n");
            }
            data.add(mail.toString());
            say(out, "250 2.0.0 Ok: queued");
          } else if (upper.equals("QUIT")) {
            say(out, "221 2.0.0 Bye");
            return;
          } else {
            say(out, "250 2.0.0 Ok");
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static void say(OutputStream out, String reply) throws IOException {
      out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
