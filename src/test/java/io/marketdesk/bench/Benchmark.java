package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.app.DemoData;
import io.marketdesk.app.Features;
import io.marketdesk.config.Config;
import io.marketdesk.embedded.EmbeddedMailServer;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The benchmark of docs/BENCHMARKS.md: reply latency with IDLE against a bare IDLE client, the rate of
 * draining a backlog against bare Jakarta Mail, and the heap while draining (with a 20 MB attachment).
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.marketdesk.bench.Benchmark}
 * (arguments: latency-count backlog-count).
 */
public final class Benchmark {
  private static final String SERVICE = "market@marketdesk.test";

  public static void main(String[] args) throws Exception {
    int latencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int backlogCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    System.out.printf("marketdesk benchmark: %d latency mails, %d backlog mails, %d cores, max heap %d MB%n",
        latencyCount, backlogCount, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    latency(latencyCount);
    backlog(backlogCount, false);
    backlog(Math.min(backlogCount, 2_000), true);
    System.exit(0);
  }

  private static Map<String, String> config(Path dir, boolean embedded, EmbeddedMailServer mail) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.smtp-port", "0");
    keys.put("embedded.imap-port", "0");
    keys.put("web.port", "0");
    keys.put("db.url", "jdbc:sqlite:" + dir.resolve("bench.db"));
    // the latency run is one sender's 300 mails; the backlog comes from 200 senders under the default cap
    keys.put("security.replies-per-hour", embedded ? "100000" : "20");
    keys.put("demo.data", "true");
    keys.put("mail.batch-size", "500");
    keys.put("mail.poll-interval", "PT2S");
    if (!embedded) {
      keys.put("embedded.mail", "false");
      keys.put("imap.url", "imap://market%40marketdesk.test:demo@127.0.0.1:" + mail.imapPort() + "/INBOX");
      keys.put("smtp.url", "smtp://127.0.0.1:" + mail.smtpPort());
    }
    return keys;
  }

  // ---- latency -------------------------------------------------------------------------------

  static void latency(int n) throws Exception {
    Path dir = Files.createTempDirectory("md-bench");
    try (App app = new App(Config.of(config(dir, true, null)), Clock.systemUTC(), Features.all()).start()) {
      EmbeddedMailServer mail = app.embedded();
      mail.addUser("idle@bench.test", "demo");
      Session session = session(mail);
      // baseline: a bare IDLE client told of a new mail in its own mailbox
      long[] base = idleLatencies(session, mail, "idle@bench.test", "idle@bench.test", n, "hello");
      // marketdesk: SMTP delivery of a command mail -> its reply in the sender's mailbox (IDLE watcher)
      long startMillis = System.currentTimeMillis();
      long[] md = idleLatencies(session, mail, DemoData.ALICE, SERVICE, n, "帮助");
      report("latency baseline: bare IDLE notification", base);
      report("latency marketdesk: command mail -> reply in sender's mailbox (seen by IDLE)", md);
      // GreenMail stores a mail before it answers 250, so the SMTP send returning is the command mail's
      // delivery and the outbox's sent_at is the moment its reply is in the sender's mailbox: the
      // latency the issue asks for, with no IDLE watcher in the way (each mail was measured once the
      // previous reply had arrived, so mails and replies pair up in order)
      List<Long> sentAt = app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT o.sent_at FROM outbox o JOIN inbound_mail i ON o.inbound_id = i.id"
                  + " WHERE o.kind = 'reply' AND i.received_at >= :since AND o.sent_at IS NOT NULL ORDER BY i.id")
          .bind("since", startMillis).mapTo(Long.class).list());
      List<Long> delivered = new ArrayList<>(DELIVERED);
      int skip = delivered.size() - n;
      long[] stored = new long[Math.min(n, sentAt.size() - skip)];
      for (int k = 0; k < stored.length; k++) {
        stored[k] = (sentAt.get(skip + k) - delivered.get(skip + k)) * 1_000_000L;
      }
      report("latency marketdesk: command mail delivered -> reply stored in sender's mailbox (ms clock, no watcher)", stored);
    }
  }

  /** Wall-clock moments (epoch ms) at which each measured command mail was delivered over SMTP. */
  private static final List<Long> DELIVERED = new ArrayList<>();

  private static long[] idleLatencies(Session session, EmbeddedMailServer mail, String watch, String to, int n, String body)
      throws Exception {
    DELIVERED.clear();
    Store store = session.getStore("imap");
    store.connect("127.0.0.1", mail.imapPort(), watch, "demo");
    IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    inbox.addMessageCountListener(new MessageCountAdapter() {
      @Override
      public void messagesAdded(MessageCountEvent e) {
        for (int i = 0; i < e.getMessages().length; i++) {
          arrivals.add(System.nanoTime());
        }
      }
    });
    Thread idler = new Thread(() -> {
      try {
        while (inbox.isOpen()) {
          inbox.idle(false);
        }
      } catch (MessagingException | IllegalStateException e) {
        // closed
      }
    });
    idler.setDaemon(true);
    idler.start();
    Thread.sleep(300);
    Transport t = session.getTransport("smtp");
    t.connect();
    long[] out = new long[n];
    int missed = 0;
    for (int i = 0; i < n + 10; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(watch));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      m.setSubject("bench " + i, "UTF-8");
      m.setText(body, "UTF-8");
      m.saveChanges();
      long start = System.nanoTime();
      t.sendMessage(m, m.getAllRecipients());
      DELIVERED.add(System.currentTimeMillis());
      Long arrived = arrivals.poll(3, TimeUnit.SECONDS);
      if (arrived == null) {
        // GreenMail's IDLE now and then misses a mail that lands while IDLE starts: count it, resync
        missed++;
        inbox.getMessageCount();
        Thread.sleep(200);
        arrivals.clear();
        i--;
        continue;
      }
      if (i >= 10) {
        out[i - 10] = arrived - start;
      }
    }
    if (missed > 0) {
      System.out.printf("  (%s: %d notifications missed by the IDLE watcher and measured again)%n", watch, missed);
    }
    t.close();
    inbox.close(false);
    store.close();
    return out;
  }

  // ---- backlog and memory --------------------------------------------------------------------

  static void backlog(int n, boolean withBigAttachment) throws Exception {
    Path dir = Files.createTempDirectory("md-bench");
    EmbeddedMailServer mail = new EmbeddedMailServer(0, 0, SERVICE, App.DEMO_PASSWORD, DemoData.mailboxes(null));
    try {
      mail.addUser("sink@bench.test", "demo");
      Session session = session(mail);
      fill(session, mail, n, withBigAttachment);
      String label = withBigAttachment ? " (with a 20 MB attachment)" : "";
      // baseline: fetch every mail and send one fixed reply each over one SMTP connection
      long t0 = System.nanoTime();
      int fetched = bareDrain(session, mail);
      double baseSecs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("backlog baseline%s: Jakarta Mail fetch + fixed reply, %d mails in %.1f s = %.0f mails/s%n",
          label, fetched, baseSecs, fetched / baseSecs);
      System.gc();
      MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
      long before = mem.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      Config benchConfig = Config.of(config(dir, false, mail));
      registerSenders(benchConfig.dbUrl);
      App built = new App(benchConfig, Clock.systemUTC(), Features.all());
      long startup = System.nanoTime();
      try (App app = built.start()) {
        // the clock starts once the app is up (migrations, demo data): what is measured is the draining
        long t1 = System.nanoTime();
        System.out.printf("  (start-up took %.1f s, not counted)%n", (t1 - startup) / 1e9);
        while (true) {
          long[] done = app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT (SELECT COUNT(*) FROM inbound_mail WHERE status <> 'received'), (SELECT COUNT(*) FROM outbox WHERE status = 'sent')")
              .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
          if (done[0] >= n && done[1] >= n) {
            break;
          }
          Thread.sleep(20);
        }
        double secs = (System.nanoTime() - t1) / 1e9;
        sampler.interrupt();
        System.out.printf("backlog marketdesk%s: %d mails stored, parsed, answered and moved in %.1f s = %.0f mails/s (%.0f%% of baseline)%n",
            label, n, secs, n / secs, 100.0 * (n / secs) / (fetched / baseSecs));
        System.out.printf("heap%s: %d MB before, peak %d MB while draining (whole JVM, GreenMail's in-memory store included)%n",
            label, before >> 20, peak.get() >> 20);
      }
    } finally {
      mail.close();
    }
  }

  /** A backlog comes from many people: 200 sender addresses, all alice's, so no one is over the hourly cap. */
  private static final List<String> SENDERS = new ArrayList<>();

  static {
    for (int i = 0; i < 200; i++) {
      SENDERS.add("desk" + i + "@provider-a.test");
    }
  }

  /** Registers the senders as one provider's addresses, before the app starts (it drains at once). */
  private static void registerSenders(String dbUrl) {
    try (io.marketdesk.store.Database db = io.marketdesk.store.Database.open(dbUrl, "", "", 2)) {
      db.jdbi().useHandle(h -> new io.marketdesk.identity.Directory(Clock.systemUTC()).createProvider(h,
          new io.marketdesk.identity.Provider(0, "100000000001", "Bench Co", "", "", "", "", "", "", "", SENDERS.get(0),
              SENDERS)));
    }
  }


  private static void fill(Session session, EmbeddedMailServer mail, int n, boolean big) throws Exception {
    Transport t = session.getTransport("smtp");
    t.connect();
    String[] senders = SENDERS.toArray(new String[0]);
    for (int i = 0; i < n; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(senders[i % senders.length]));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(SERVICE));
      m.setSubject("backlog " + i, "UTF-8");
      if (big && i == n / 2) {
        jakarta.mail.internet.MimeMultipart mp = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("帮助", "UTF-8");
        jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
        byte[] data = new byte[20 * 1024 * 1024];
        new java.util.Random(1).nextBytes(data);
        file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(data, "application/octet-stream")));
        file.setFileName("big.bin");
        mp.addBodyPart(text);
        mp.addBodyPart(file);
        m.setContent(mp);
      } else {
        m.setText("帮助", "UTF-8");
      }
      m.saveChanges();
      t.sendMessage(m, m.getAllRecipients());
    }
    t.close();
  }

  private static int bareDrain(Session session, EmbeddedMailServer mail) throws Exception {
    Store store = session.getStore("imap");
    store.connect("127.0.0.1", mail.imapPort(), SERVICE, "demo");
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    Transport t = session.getTransport("smtp");
    t.connect();
    int count = inbox.getMessageCount();
    for (int start = 1; start <= count; start += 500) {
      Message[] batch = inbox.getMessages(start, Math.min(count, start + 499));
      jakarta.mail.FetchProfile whole = new jakarta.mail.FetchProfile();
      whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
      inbox.fetch(batch, whole); // the same one-FETCH-per-batch the intake uses, so the baseline is fair
      for (Message m : batch) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(SERVICE));
        reply.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress("sink@bench.test")});
        reply.setSubject("Re: " + parsed.getSubject(), "UTF-8");
        reply.setText("fixed reply", "UTF-8");
        reply.saveChanges();
        t.sendMessage(reply, reply.getAllRecipients());
      }
    }
    t.close();
    inbox.close(false);
    store.close();
    return count;
  }

  private static Session session(EmbeddedMailServer mail) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
    p.put("mail.imap.host", "127.0.0.1");
    p.put("mail.imap.port", String.valueOf(mail.imapPort()));
    p.put("mail.imap.partialfetch", "false");
    return Session.getInstance(p);
  }

  private static void report(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double median = s[s.length / 2] / 1e6;
    double p99 = s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6;
    List<String> parts = new ArrayList<>();
    parts.add(String.format("median %.1f ms", median));
    parts.add(String.format("p99 %.1f ms", p99));
    parts.add(String.format("max %.1f ms", s[s.length - 1] / 1e6));
    System.out.println(label + " (" + s.length + " mails): " + String.join(", ", parts));
  }

  private Benchmark() {}

  static {
    System.setProperty("file.encoding", StandardCharsets.UTF_8.name());
  }
}
